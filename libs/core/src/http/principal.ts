import type { FastifyRequest } from 'fastify';

/** Who is calling: set on the request by the auth guard, read by controllers and the audit log. */
export interface Principal {
  userId: string;
  organisationId: string;
  role: 'admin' | 'coordinator' | 'referrer' | 'volunteer';
  /** Referrers: the referral source they work for (their requests are scoped by it). */
  referralSourceId: string | null;
  /** Volunteers: their own volunteer profile. */
  volunteerId: string | null;
  /** The language they read (from their account); Dutch when unknown. */
  locale?: 'nl' | 'en';
  /** When the access token of this request expires (ms since the epoch): long-lived answers end then. */
  accessExpiresAt?: number;
}

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };
