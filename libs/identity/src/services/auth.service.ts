import { Injectable } from '@nestjs/common';
import { AuthenticatedRequest, ConflictError, Principal, UnauthorizedError } from '@app/core';
import { AuditService } from '@app/audit';
import { User } from '../entities/user.entity';
import { UserRepository } from '../repositories/user.repository';
import { LoginAttemptsService } from './login-attempts.service';
import { PasswordService } from './password.service';
import { TokenPair, TokenService } from './token.service';

export function principalOf(user: Pick<User, 'id' | 'organisationId' | 'role' | 'referralSourceId' | 'volunteerId' | 'locale'>): Principal {
  return { userId: user.id, organisationId: user.organisationId, role: user.role, referralSourceId: user.referralSourceId, volunteerId: user.volunteerId, locale: user.locale };
}

const BAD_CREDENTIALS = 'The email address or password is not correct';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly attempts: LoginAttemptsService,
  ) {}

  /**
   * Every attempt is audited; a failure says nothing about whether the email exists. An email may
   * have accounts in several organisations: the password is checked against each (at once, so the
   * time taken does not tell how many there are). When it opens more than one, the caller, who has
   * proved the password, is told which organisations and must choose with `organisationId`.
   */
  async login(email: string, password: string, request: AuthenticatedRequest, organisationId?: string): Promise<TokenPair> {
    await this.attempts.reserve(email); // before any check, so a waiting account gives no answer about the password
    const candidates = await this.users.findForLogin(email, organisationId);
    const verified = candidates.length
      ? await Promise.all(candidates.map((candidate) => this.passwords.verify(candidate.passwordHash, password)))
      : [await this.passwords.verifyAgainstNothing(password)];
    const accounts = candidates.filter((candidate, i) => verified[i] && candidate.active);
    if (accounts.length === 0) {
      const failures = candidates.length
        ? candidates.map((candidate, i) => ({ user: candidate, reason: !verified[i] ? 'wrong_password' : 'inactive' }))
        : [{ user: null, reason: 'unknown_email' }];
      for (const { user, reason } of failures) {
        await this.audit.record(
          { action: 'login_failed', resourceType: 'session', outcome: 'failure', actorUserId: user?.id ?? null, organisationId: user?.organisationId ?? null, details: { reason } },
          request,
        );
      }
      throw new UnauthorizedError(BAD_CREDENTIALS, 'invalid_credentials');
    }
    await this.attempts.succeeded(email);
    if (accounts.length > 1) {
      throw new ConflictError(
        'organisation_required',
        'This email address and password belong to accounts in several organisations; log in again with organisationId set to one of them',
        { organisations: accounts.map((account) => ({ id: account.organisationId, name: account.organisationName })) },
      );
    }
    const principal = principalOf(accounts[0]);
    await this.users.recordLogin(principal.userId);
    await this.audit.record({ action: 'login', resourceType: 'session', outcome: 'success', actor: principal }, request);
    return this.tokens.issuePair(principal);
  }

  refresh(refreshToken: string): Promise<TokenPair> {
    return this.tokens.rotate(refreshToken, async (userId) => {
      const user = await this.users.findActiveById(userId);
      return user ? principalOf(user) : null;
    });
  }

  logout(refreshToken: string): Promise<void> {
    return this.tokens.revoke(refreshToken);
  }

  /** The signed-in caller behind an access token, or 401. */
  async authenticate(accessToken: string): Promise<Principal> {
    const userId = await this.tokens.verifyAccessToken(accessToken);
    const user = await this.users.findActiveById(userId);
    if (!user) throw new UnauthorizedError('This account is not active', 'account_inactive');
    return principalOf(user);
  }
}
