import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The VAPID key pair generated for development and tests when none is configured: one row, in
 * PostgreSQL rather than a file so the API and the worker, started apart, sign with the same key.
 */
@Entity('vapid_key')
@Check('chk_vapid_key_single', 'id = 1')
export class VapidKey {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'text' })
  publicKey: string;

  @Column({ type: 'text' })
  privateKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
