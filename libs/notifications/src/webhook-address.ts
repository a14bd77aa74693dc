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
  const address = ipaddr.parse(ip);
  const inner = address.kind() === 'ipv6' ? embeddedIPv4(address as ipaddr.IPv6) : null;
  return (inner ?? address).range() === 'unicast';
}

/**
 * The IPv4 address inside an IPv4-mapped (`::ffff:127.0.0.1`) or IPv4-compatible (`::127.0.0.1`,
 * which URLs write as `[::7f00:1]`) IPv6 address: it is the one that would be reached.
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  if (address.isIPv4MappedAddress()) return address.toIPv4Address();
  const [a, b, c, d, e, f, high, low] = address.parts;
  const compatible = [a, b, c, d, e, f].every((part) => part === 0) && (high !== 0 || low > 1); // not :: or ::1
  return compatible ? new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]) : null;
}

/** Names that only resolve inside a network: cloud metadata (metadata.google.internal), LANs, mDNS. */
const INTERNAL_SUFFIXES = ['localhost', 'internal', 'local', 'localdomain', 'lan', 'home.arpa', 'intranet', 'corp'];
const isInternalName = (host: string) => !host.includes('.') || INTERNAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));

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
  if (isInternalName(host.replace(/\.$/, ''))) return `points at an internal host name (${host})`;
  return null;
}
