import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { MatchScoreComponent } from './match.entity';

export const OFFER_STATUSES = ['sent', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** An urgent vigil shift offered to one volunteer, in a wave. The first to accept gets it. */
@Entity('vigil_offer')
@Index('uq_vigil_offer_volunteer', ['requestId', 'volunteerId'], { unique: true }) // one offer per volunteer per vigil
@Index('uq_vigil_offer_accepted', ['requestId'], { unique: true, where: "(status = 'accepted'::text)" }) // one winner per vigil
@Index(['volunteerId', 'status'])
@Index(['requestId', 'wave'])
@Check('chk_vigil_offer_status', "(status = ANY (ARRAY['sent'::text, 'accepted'::text, 'declined'::text, 'expired'::text, 'withdrawn'::text]))")
export class VigilOffer {
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

  @Column({ type: 'uuid' })
  volunteerId: string;

  @ManyToOne('Volunteer', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id' })
  volunteerRef?: unknown;

  /** 1 for the first wave, 2 for the next, … */
  @Column({ type: 'integer' })
  wave: number;

  @Column({ type: 'text', default: 'sent' })
  status: OfferStatus;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'jsonb', default: [] })
  breakdown: MatchScoreComponent[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  sentAt: Date;

  /** When the volunteer answered, or the offer was withdrawn or expired. */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  /** The match this offer became when accepted. */
  @Column({ type: 'uuid', nullable: true })
  matchId: string | null;
}
