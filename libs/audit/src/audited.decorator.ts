import { SetMetadata } from '@nestjs/common';
import { AuditAction } from './audit-event.entity';

export const AUDIT_METADATA = 'volunteer-match:audit';

/** Objects whose row names the client they belong to; a route's `:id` parameter may name one. */
export const CLIENT_OWNERS = ['request', 'match', 'visit', 'vigil_offer', 'vigil_alert', 'follow_up', 'feedback_message'] as const;
export type ClientOwner = (typeof CLIENT_OWNERS)[number];

export interface AuditedOptions {
  action: AuditAction;
  resourceType: string;
  /** Finds the resource id; default: the `:id` route parameter, else `id` of the result. */
  resourceId?: (params: Record<string, string>, result: unknown) => string | undefined;
  /**
   * Declares that the route touches client data, and whose. Every such route must declare it (a test
   * checks the OpenAPI response schemas against it).
   * - A `ClientOwner`: the `:id` parameter names such an object, and its client is looked up in the
   *   caller's organisation, so a denied or failed call names the client too (another organisation's
   *   object is not found there: no client).
   * - A function of the result: one id (a creation, in `client_id`) or the ids a search returned (in
   *   `details.clientIds`); a call that fails has no result, so no client.
   */
  clients?: ClientOwner | ((result: unknown) => string | string[] | undefined);
  /** Extra context for the row of a successful call. Never client data itself. */
  details?: (params: Record<string, string>, result: unknown) => Record<string, unknown> | undefined;
}

/** Records every call of the route in the audit log, with its outcome. */
export const Audited = (options: AuditedOptions) => SetMetadata(AUDIT_METADATA, options);
