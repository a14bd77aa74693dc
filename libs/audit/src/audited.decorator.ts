import { SetMetadata } from '@nestjs/common';
import { AuditAction } from './audit-event.entity';

export const AUDIT_METADATA = 'volunteer-match:audit';

export interface AuditedOptions {
  action: AuditAction;
  resourceType: string;
  /** Finds the resource id; default: the `:id` route parameter, else `id` of the result. */
  resourceId?: (params: Record<string, string>, result: unknown) => string | undefined;
  /** Finds the client the data belongs to, when the route touches client data. */
  clientId?: (params: Record<string, string>, result: unknown) => string | undefined;
  /** Extra context for the row, e.g. which clients a search returned. Never client data itself. */
  details?: (params: Record<string, string>, result: unknown) => Record<string, unknown> | undefined;
}

/** Records every call of the route in the audit log, with its outcome. */
export const Audited = (options: AuditedOptions) => SetMetadata(AUDIT_METADATA, options);
