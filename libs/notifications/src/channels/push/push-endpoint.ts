import { webhookUrlProblem } from '../../webhook-address';

/**
 * Why a push endpoint is refused (null: fine so far). Browsers give https endpoints of public push
 * services; plain http is accepted only for hosts listed in PUSH_ALLOWED_PRIVATE (a local push
 * service in tests), and internal addresses are refused as for webhooks.
 */
export function pushEndpointProblem(raw: string, allowed: readonly string[]): string | null {
  const problem = webhookUrlProblem(raw, allowed);
  if (problem) return problem;
  const url = new URL(raw);
  if (url.protocol !== 'https:' && !allowed.includes(url.hostname.replace(/^\[|\]$/g, '').toLowerCase())) return 'must use https';
  return null;
}
