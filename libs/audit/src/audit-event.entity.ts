import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTIONS = ['create', 'read', 'update', 'delete', 'search', 'export', 'login', 'login_failed'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditOutcome = 'success' | 'failure' | 'denied';

/**
 * Append-only: a trigger in the database refuses UPDATE and DELETE on this table.
 * Records who did what to which resource; never the data itself.
 */
@Entity('audit_event')
@Index(['organisationId', 'at'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole: string | null;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'text' })
  action: AuditAction;

  @Column({ type: 'text' })
  resourceType: string;

  @Column({ type: 'text', nullable: true })
  resourceId: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  clientId: string | null;

  /** Made by the service for each HTTP request (a UUID, also in the log line and the x-request-id response header). */
  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  /** The caller's own x-request-id, when it passed the header check: theirs to correlate with, not unique. */
  @Column({ type: 'text', nullable: true })
  correlationId: string | null;

  @Column({ type: 'text', nullable: true })
  sourceIp: string | null;

  @Column({ type: 'text' })
  outcome: AuditOutcome;

  /** Small structured context (e.g. the status code of a failure); never client data or secrets. */
  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;
}
