import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

/**
 * Which addresses a webhook may reach: only public unicast ones, so a referral source's webhook
 * cannot be aimed at the service's own network (loopback, link-local such as 169.254.169.254 cloud
 * metadata, private and carrier-grade NAT ranges, IPv6 unique-local, multicast, reserved).
 * `allowed` (from WEBHOOK_ALLOWED_PRIVATE) lists hosts, addresses or CIDR ranges let through anyway.
 */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let address = ipaddr.parse(ip);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address();
  return address.range() === 'unicast';
}

export function isAllowedAddress(ip: string, allowed: readonly string[]): boolean {
  if (isPublicAddress(ip)) return true;
  const address = ipaddr.process(ip);
  return allowed.some((entry) => {
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) return false;
      const [range, bits] = ipaddr.parseCIDR(entry);
      return range.kind() === address.kind() && address.match([range, bits]);
    }
    return ipaddr.isValid(entry) && ipaddr.process(entry).toString() === address.toString();
  });
}

/** Why a webhook URL is refused before anything is sent (null: fine so far; names are checked again when resolved). */
export function webhookUrlProblem(raw: string, allowed: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be http(s)';
  if (url.username || url.password) return 'must not carry a user name or password';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (allowed.includes(host)) return null;
  if (isIP(host)) return isAllowedAddress(host, allowed) ? null : `points at a private or reserved address (${host})`;
  if (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) return `points at an internal host name (${host})`;
  return null;
}
