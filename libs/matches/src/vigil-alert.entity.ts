import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** Nobody accepted a vigil before its escalation deadline: coordinators must act. One per request. */
@Entity('vigil_alert')
@Index('uq_vigil_alert_request', ['requestId'], { unique: true })
@Index(['organisationId', 'raisedAt'])
export class VigilAlert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne('Request', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id' })
  requestRef?: unknown;

  @Column({ type: 'uuid' })
  clientId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  raisedAt: Date;

  /** How many offers had gone out, and how many were declined, when the alert was raised. */
  @Column({ type: 'integer' })
  offersSent: number;

  @Column({ type: 'integer' })
  offersDeclined: number;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedByUserId: string | null;
}
