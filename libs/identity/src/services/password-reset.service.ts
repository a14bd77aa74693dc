import { Injectable } from '@nestjs/common';
import { AuthenticatedRequest } from '@app/core';
import { AuditService } from '@app/audit';
import { AccountTokenRepository } from '../repositories/account-token.repository';
import { RefreshTokenRepository } from '../repositories/refresh-token.repository';
import { UserRepository } from '../repositories/user.repository';
import { linkRefused, sha256Hex } from './account-secrets';
import { LoginAttemptsService } from './login-attempts.service';
import { PasswordService } from './password.service';

/**
 * Password resets by email. Asking does the same work for every address, known or not: count it,
 * store the request, queue its job, audit; looking up accounts, minting links and mailing happen in
 * the job (`PasswordResetMailHandler`), off the request path, so neither the answer nor its timing
 * tells whether the address has an account.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly tokens: AccountTokenRepository,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly passwords: PasswordService,
    private readonly attempts: LoginAttemptsService,
    private readonly audit: AuditService,
  ) {}

  async request(email: string, request: AuthenticatedRequest): Promise<void> {
    await this.attempts.reserve(email, 'password-reset');
    await this.tokens.addResetRequest(email);
    await this.audit.record({ action: 'create', resourceType: 'password_reset', outcome: 'success' }, request);
  }

  /** Sets the new password and ends every session of the account (a reset means it may be in other hands). */
  async confirm(token: string, newPassword: string, request: AuthenticatedRequest): Promise<void> {
    const row = await this.tokens.findByHash('password_reset', sha256Hex(token));
    const refuse = async (error: Error, reason: string) => {
      await this.audit.record({ action: 'update', resourceType: 'password', resourceId: row?.userId ?? null, outcome: 'failure', actorUserId: row?.userId ?? null, organisationId: row?.organisationId ?? null, details: { via: 'reset', reason } }, request);
      return error;
    };
    if (!row) throw await refuse(linkRefused.invalid(), 'invalid_token');
    if (row.usedAt) throw await refuse(linkRefused.used(), 'token_used');
    if (row.expiresAt.getTime() <= Date.now()) throw await refuse(linkRefused.expired(), 'token_expired');
    const owner = await this.users.contactOf(row.userId);
    if (!owner?.active) throw await refuse(linkRefused.invalid(), 'account_inactive');
    const passwordHash = await this.passwords.hashNew(newPassword, owner, 'newPassword');
    const redeemed = await this.tokens.redeem(row.id, async (manager) => {
      await this.users.setPassword(manager, row.userId, passwordHash);
      await this.refreshTokens.revokeAllForUser(row.userId, manager);
    });
    if (!redeemed) throw await refuse(linkRefused.used(), 'token_used');
    await this.audit.record({ action: 'update', resourceType: 'password', resourceId: row.userId, outcome: 'success', actorUserId: row.userId, organisationId: row.organisationId, details: { via: 'reset' } }, request);
  }
}
