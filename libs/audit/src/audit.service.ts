import { Injectable } from '@nestjs/common';
import type { AuthenticatedRequest, Principal } from '@app/core';
import { EntityManager } from 'typeorm';
import { AuditAction, AuditOutcome } from './audit-event.entity';
import { AuditRepository } from './audit.repository';

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
        sourceIp: request?.ip ?? null,
        outcome: record.outcome,
        details: record.details ?? null,
      },
      manager,
    );
  }
}
