import type { FastifyRequest } from 'fastify';

/** Who is calling: set on the request by the auth guard, read by controllers and the audit log. */
export interface Principal {
  userId: string;
  organisationId: string;
  role: 'admin' | 'coordinator' | 'referrer' | 'volunteer';
}

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };
