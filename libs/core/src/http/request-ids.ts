import type { IncomingHttpHeaders } from 'node:http';

/** What a caller's x-request-id must look like to be kept: short, and nothing that could forge a log line. */
const CALLER_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The caller's own x-request-id, when sane, else null. It is kept only to correlate with the caller's
 * logs and never used as our request id: any caller can send any value, so two callers could share one.
 */
export function correlationIdOf(request: { headers: IncomingHttpHeaders }): string | null {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && CALLER_ID.test(header) ? header : null;
}
