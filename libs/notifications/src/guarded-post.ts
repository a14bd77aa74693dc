import { lookup } from 'node:dns';
import http, { OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { isAllowedAddress } from './webhook-address';

export interface GuardedPost {
  url: URL;
  headers: OutgoingHttpHeaders;
  body: string | Buffer;
  /** Hosts, addresses or CIDR ranges allowed although private (WEBHOOK_ALLOWED_PRIVATE, PUSH_ALLOWED_PRIVATE). */
  allowed: readonly string[];
  timeoutMs: number;
  /** Names the receiver in errors ("Webhook", "Push service"); never the full address. */
  what: string;
}

/**
 * POSTs to an address given by someone outside the service (a referral source's webhook, a
 * browser's push endpoint). A host name is resolved here and refused if it resolves to a private
 * or reserved address, so DNS cannot point a public name at an internal service; a receiver that
 * hangs is cut off after `timeoutMs`. Answers the status and the start of the body.
 */
export function postGuarded(post: GuardedPost): Promise<{ status: number; body: string }> {
  const { url, allowed, what } = post;
  const hostAllowed = allowed.includes(url.hostname.toLowerCase());
  const guardedLookup: LookupFunction = (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const usable = addresses.find((a) => hostAllowed || isAllowedAddress(a.address, allowed));
      if (!usable) return callback(new Error(`${what} host ${hostname} resolves to a private or reserved address`), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof addresses) => void)(null, [usable]);
      callback(null, usable.address, usable.family);
    });
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      { method: 'POST', headers: post.headers, lookup: isIP(url.hostname) ? undefined : guardedLookup, signal: AbortSignal.timeout(post.timeoutMs) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.length < 16 && chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 200) }));
        response.on('error', reject);
      },
    );
    request.on('error', (error: Error) =>
      reject(error.name === 'AbortError' || error.name === 'TimeoutError' ? new Error(`${what} did not answer within ${post.timeoutMs} ms`) : error),
    );
    request.end(post.body);
  });
}
