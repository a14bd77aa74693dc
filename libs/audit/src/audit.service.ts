import { Injectable } from '@nestjs/common';
import { AuthenticatedRequest, correlationIdOf, Principal } from '@app/core';
import { EntityManager } from 'typeorm';
import { AuditAction, AuditOutcome } from './audit-event.entity';
import { AuditRepository } from './audit.repository';
import { AuditedOptions } from './audited.decorator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuditRecord {
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  clientId?: string | null;
  outcome: AuditOutcome;
  actor?: Principal | null;
  /** When the actor is known but not signed in (a failed login for an existing user). */
  actorUserId?: string | null;
  organisationId?: string | null;
  details?: Record<string, unknown> | null;
}

function idOf(result: unknown): string | undefined {
  const id = (result as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** The one way to write the audit log. Routes use `@Audited`; services call `record` directly. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  async record(record: AuditRecord, request?: AuthenticatedRequest, manager?: EntityManager): Promise<void> {
    const actor = record.actor ?? request?.principal ?? null;
    await this.repository.append(
      {
        actorUserId: actor?.userId ?? record.actorUserId ?? null,
        actorRole: actor?.role ?? null,
        organisationId: actor?.organisationId ?? record.organisationId ?? null,
        action: record.action,
        resourceType: record.resourceType,
        resourceId: record.resourceId ?? null,
        clientId: record.clientId ?? null,
        requestId: request ? String(request.id) : null,
        correlationId: request ? correlationIdOf(request) : null,
        sourceIp: request?.ip ?? null,
        outcome: record.outcome,
        details: record.details ?? null,
      },
      manager,
    );
  }

  /**
   * The one row of a call of an `@Audited` route: by the access guard (denied) or the interceptor
   * (success with the result; failure or denied with the error's status).
   */
  async recordRoute(options: AuditedOptions, request: AuthenticatedRequest, outcome: AuditOutcome, result?: unknown, status?: number): Promise<void> {
    const params = (request.params ?? {}) as Record<string, string>;
    const clients = await this.clientsOf(options, params, request.principal, result);
    const details = {
      ...(outcome === 'success' ? options.details?.(params, result) : { status }),
      ...(Array.isArray(clients) ? { clientIds: [...new Set(clients)] } : {}),
    };
    await this.record(
      {
        action: options.action,
        resourceType: options.resourceType,
        resourceId: options.resourceId ? options.resourceId(params, result) : (params.id ?? idOf(result)),
        clientId: typeof clients === 'string' ? clients : null,
        outcome,
        details: Object.keys(details).length > 0 ? details : null,
      },
      request,
    );
  }

  private async clientsOf(options: AuditedOptions, params: Record<string, string>, principal: Principal | undefined, result: unknown): Promise<string | string[] | undefined> {
    const { clients } = options;
    if (typeof clients === 'function') return result === undefined ? undefined : clients(result);
    // Looked up in the caller's organisation only: another organisation's client is never named.
    if (clients && principal && UUID.test(params.id ?? '')) return (await this.repository.clientOf(principal.organisationId, clients, params.id)) ?? undefined;
    return undefined;
  }
}
