import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppError, AuthenticatedRequest, ConflictError, ForbiddenError, Principal } from '@app/core';
import { AuditService } from '@app/audit';
import type { Locale } from '@app/i18n';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../entities/role';
import { User } from '../entities/user.entity';
import { AccountTokenRepository } from '../repositories/account-token.repository';
import { UserRepository } from '../repositories/user.repository';
import { linkRefused, sha256Hex } from './account-secrets';
import { PasswordService } from './password.service';
import { UsersService } from './users.service';
import { phrase } from '@app/i18n';

export interface InvitationInput {
  email: string;
  name: string;
  role: Role;
  referralSourceId?: string | null;
  volunteerId?: string | null;
  locale?: Locale;
}

/** Coordinators give logins to the people they work with; admins and coordinators are an admin's call. */
const INVITED_BY_COORDINATORS: readonly Role[] = [Role.Volunteer, Role.Referrer];

/**
 * An invitation creates the account without a password (nobody can log in to it) and, through the
 * outbox, emails a single-use link that sets one. Inviting the same address again while the
 * invitation is open updates who is invited and sends a new link; the old one stops working.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly usersService: UsersService,
    private readonly tokens: AccountTokenRepository,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  async invite(actor: Principal, input: InvitationInput): Promise<User> {
    const id = await this.dataSource.transaction((manager) => this.inviteWithin(manager, actor, input));
    return this.usersService.get(actor, id);
  }

  /** The invitation inside the caller's transaction (a volunteer profile created in the same call). Returns the user id. */
  async inviteWithin(manager: EntityManager, actor: Principal, input: InvitationInput): Promise<string> {
    this.checkRole(actor, input.role);
    const links = await this.usersService.checkLinks(actor, input.role, input.referralSourceId ?? null, input.volunteerId ?? null, manager);
    const existing = await this.users.lockByEmail(manager, actor.organisationId, input.email);
    if (existing && !existing.pending) throw new ConflictError('email_taken');
    if (existing) this.checkRole(actor, existing.role);
    const fields = { name: input.name, role: input.role, locale: input.locale ?? 'nl', ...links } as const;
    const userId = existing
      ? (await this.users.updateInvited(manager, actor.organisationId, existing.id, fields), existing.id)
      : (await this.users.insert(manager, actor.organisationId, { ...fields, email: input.email, passwordHash: null })).id;
    await this.tokens.addInvitationEvent(manager, actor.organisationId, userId);
    return userId;
  }

  /**
   * The invitation of a volunteer profile being created, to run in its transaction: to the address
   * given, else the volunteer's own. Checked before anything is written.
   */
  forNewVolunteer(actor: Principal, volunteer: { firstName: string; lastName: string; email?: string | null }, invite: { email?: string; locale?: Locale }) {
    const email = invite.email ?? volunteer.email;
    if (!email) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'email_required');
    const name = `${volunteer.firstName} ${volunteer.lastName}`;
    return (manager: EntityManager, volunteerId: string) => this.inviteWithin(manager, actor, { email, name, role: Role.Volunteer, volunteerId, locale: invite.locale });
  }

  /** Sets the invited person's password; from then on they log in like anyone else. */
  async accept(token: string, password: string, request: AuthenticatedRequest): Promise<void> {
    const row = await this.tokens.findByHash('invitation', sha256Hex(token));
    const refuse = async (error: Error, reason: string) => {
      await this.audit.record({ action: 'update', resourceType: 'invitation', resourceId: row?.userId ?? null, outcome: 'failure', actorUserId: row?.userId ?? null, organisationId: row?.organisationId ?? null, details: { reason } }, request);
      return error;
    };
    if (!row) throw await refuse(linkRefused.invalid(), 'invalid_token');
    if (row.usedAt) throw await refuse(linkRefused.used(), 'token_used');
    if (row.expiresAt.getTime() <= Date.now()) throw await refuse(linkRefused.expired(), 'token_expired');
    const invited = await this.users.contactOf(row.userId);
    if (!invited?.active || !invited.pending) throw await refuse(linkRefused.invalid(), 'account_not_pending');
    const passwordHash = await this.passwords.hashNew(password, invited);
    if (!(await this.tokens.redeem(row.id, (manager) => this.users.setPassword(manager, row.userId, passwordHash)))) throw await refuse(linkRefused.used(), 'token_used');
    await this.audit.record({ action: 'update', resourceType: 'invitation', resourceId: row.userId, outcome: 'success', actorUserId: row.userId, organisationId: row.organisationId, details: { accepted: true } }, request);
  }

  private checkRole(actor: Principal, role: Role): void {
    if (actor.role === Role.Coordinator && !INVITED_BY_COORDINATORS.includes(role)) {
      throw new ForbiddenError(phrase('errors.forbidden_coordinator_invites'));
    }
  }
}
