import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppError, AuthenticatedRequest, ConflictError, Principal, UnauthorizedError } from '@app/core';
import { AuditService } from '@app/audit';
import { DataSource } from 'typeorm';
import { User } from '../entities/user.entity';
import { RefreshTokenRepository } from '../repositories/refresh-token.repository';
import { UserRepository } from '../repositories/user.repository';
import { AccountTokenRepository } from '../repositories/account-token.repository';
import { LoginAttemptsService } from './login-attempts.service';
import { PasswordService } from './password.service';
import { CHALLENGE_TTL_SECONDS, TokenPair, TokenService } from './token.service';
import { TotpEnrolment, twoFactorRequiredFor, TwoFactorService } from './two-factor.service';

/** The password was right; the login finishes with `POST /api/auth/login/totp`. */
export interface TwoFactorChallenge {
  twoFactorRequired: true;
  /** The organisation requires a second factor and the user has none yet: enrol first (`/api/auth/login/totp/enrol`). */
  enrolmentRequired: boolean;
  challenge: string;
  expiresIn: number;
}

export function principalOf(user: Pick<User, 'id' | 'organisationId' | 'role' | 'referralSourceId' | 'volunteerId' | 'locale'>): Principal {
  return { userId: user.id, organisationId: user.organisationId, role: user.role, referralSourceId: user.referralSourceId, volunteerId: user.volunteerId, locale: user.locale };
}


@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly audit: AuditService,
    private readonly attempts: LoginAttemptsService,
    private readonly twoFactor: TwoFactorService,
    private readonly accountTokens: AccountTokenRepository,
  ) {}

  /**
   * Every attempt is audited; a failure says nothing about whether the email exists. An email may
   * have accounts in several organisations: the password is checked against each (at once, so the
   * time taken does not tell how many there are). When it opens more than one, the caller, who has
   * proved the password, is told which organisations and must choose with `organisationId`.
   * With two-factor login on (or required by the organisation for the role) the answer is a
   * challenge instead of tokens, and the account's attempt count goes on until the second factor.
   */
  async login(email: string, password: string, request: AuthenticatedRequest, organisationId?: string): Promise<TokenPair | TwoFactorChallenge> {
    await this.attempts.reserve(email); // before any check, so a waiting account gives no answer about the password
    const candidates = await this.users.findForLogin(email, organisationId);
    const verified = candidates.length
      ? await Promise.all(candidates.map((candidate) => (candidate.passwordHash ? this.passwords.verify(candidate.passwordHash, password) : this.passwords.verifyAgainstNothing(password))))
      : [await this.passwords.verifyAgainstNothing(password)];
    const accounts = candidates.filter((candidate, i) => verified[i] && candidate.active);
    if (accounts.length === 0) {
      const failures = candidates.length
        ? candidates.map((candidate, i) => ({ user: candidate, reason: !candidate.passwordHash ? 'invitation_pending' : !verified[i] ? 'wrong_password' : 'inactive' }))
        : [{ user: null, reason: 'unknown_email' }];
      for (const { user, reason } of failures) {
        await this.audit.record(
          { action: 'login_failed', resourceType: 'session', outcome: 'failure', actorUserId: user?.id ?? null, organisationId: user?.organisationId ?? null, details: { reason } },
          request,
        );
      }
      throw new UnauthorizedError('invalid_credentials');
    }
    if (accounts.length > 1) {
      throw new ConflictError(
        'organisation_required',
        undefined,
        { organisations: accounts.map((account) => ({ id: account.organisationId, name: account.organisationName })) },
      );
    }
    const [account] = accounts;
    const required = twoFactorRequiredFor(account.requireTwoFactorFor, account.role);
    if (account.totpEnabled || required) {
      await this.audit.record({ action: 'login', resourceType: 'session', outcome: 'success', actor: principalOf(account), details: { stage: 'password' } }, request);
      return { twoFactorRequired: true, enrolmentRequired: !account.totpEnabled, challenge: await this.tokens.issueChallenge(account.id), expiresIn: CHALLENGE_TTL_SECONDS };
    }
    await this.attempts.succeeded(email);
    return this.finishLogin(account, request);
  }

  /** Enrolment inside a login, for a user whose organisation requires a second factor they do not have yet. */
  async enrolAtLogin(challenge: string, request: AuthenticatedRequest): Promise<TotpEnrolment> {
    const user = await this.challenged(challenge);
    await this.checkEnrolmentRequired(user);
    const enrolment = await this.twoFactor.startEnrolment(user.id);
    await this.audit.record({ action: 'create', resourceType: 'totp', outcome: 'success', actor: principalOf(user), details: { atLogin: true } }, request);
    return enrolment;
  }

  /**
   * The second step: a TOTP code (not used before) or a recovery code (once). For a required
   * enrolment, the first code confirms it and the answer carries the recovery codes, shown once.
   * Every attempt counts on the account like a password attempt.
   */
  async loginSecondFactor(challenge: string, proof: { code?: string; recoveryCode?: string }, request: AuthenticatedRequest): Promise<TokenPair & { recoveryCodes?: string[] }> {
    const user = await this.challenged(challenge);
    if (!(await this.twoFactor.enabled(user.id))) {
      // Only a required enrolment gets here: its first code confirms it (and counts, in confirm).
      await this.checkEnrolmentRequired(user);
      if (!proof.code) throw new AppError(HttpStatus.BAD_REQUEST, 'code_required');
      const recoveryCodes = await this.confirmOrFail(user, proof.code, request);
      return { ...(await this.finishLogin(user, request, 'totp_enrolment')), recoveryCodes };
    }
    await this.attempts.reserve(user.email);
    const used = await this.twoFactor.verifyLogin(user.id, proof);
    if (!used) {
      await this.audit.record({ action: 'login_failed', resourceType: 'session', outcome: 'failure', actorUserId: user.id, organisationId: user.organisationId, details: { reason: 'wrong_second_factor' } }, request);
      throw new UnauthorizedError('invalid_code');
    }
    await this.attempts.succeeded(user.email);
    return this.finishLogin(user, request, used);
  }

  /**
   * A new password for the signed-in user, who proves the current one (counted like a login
   * attempt, so this cannot be used to guess). Every refresh token of the user is revoked, then
   * the caller gets a fresh pair: other devices must log in again, this one goes on.
   */
  async changePassword(actor: Principal, currentPassword: string, newPassword: string): Promise<TokenPair> {
    const owner = await this.users.contactOf(actor.userId);
    if (!owner) throw new UnauthorizedError('account_inactive');
    await this.attempts.reserve(owner.email);
    const hash = await this.users.passwordHashOf(actor.userId);
    if (!(hash ? await this.passwords.verify(hash, currentPassword) : await this.passwords.verifyAgainstNothing(currentPassword))) {
      throw new AppError(HttpStatus.FORBIDDEN, 'wrong_password');
    }
    await this.attempts.succeeded(owner.email);
    const passwordHash = await this.passwords.hashNew(newPassword, owner, 'newPassword');
    await this.dataSource.transaction(async (manager) => {
      await this.users.setPassword(manager, actor.userId, passwordHash);
      await this.refreshTokens.revokeAllForUser(actor.userId, manager);
      await this.accountTokens.deleteUnusedResets(manager, actor.userId);
    });
    return this.tokens.issuePair(actor);
  }

  private async confirmOrFail(user: User, code: string, request: AuthenticatedRequest): Promise<string[]> {
    try {
      return await this.twoFactor.confirm(user.id, code);
    } catch (error) {
      await this.audit.record({ action: 'login_failed', resourceType: 'session', outcome: 'failure', actorUserId: user.id, organisationId: user.organisationId, details: { reason: 'wrong_second_factor' } }, request);
      if (error instanceof AppError && error.code === 'invalid_code') throw new UnauthorizedError('invalid_code');
      throw error;
    }
  }

  private async checkEnrolmentRequired(user: User): Promise<void> {
    const [account] = await this.users.findForLogin(user.email, user.organisationId);
    if (!account || account.totpEnabled || !twoFactorRequiredFor(account.requireTwoFactorFor, account.role)) {
      throw new ConflictError('enrolment_not_required');
    }
  }

  private async challenged(challenge: string): Promise<User> {
    const user = await this.users.findActiveById(await this.tokens.verifyChallenge(challenge));
    if (!user) throw new UnauthorizedError('account_inactive');
    return user;
  }

  private async finishLogin(user: Parameters<typeof principalOf>[0], request: AuthenticatedRequest, secondFactor?: string): Promise<TokenPair> {
    const principal = principalOf(user);
    await this.users.recordLogin(principal.userId);
    await this.audit.record({ action: 'login', resourceType: 'session', outcome: 'success', actor: principal, details: secondFactor ? { secondFactor } : null }, request);
    return this.tokens.issuePair(principal);
  }

  refresh(refreshToken: string): Promise<TokenPair> {
    return this.tokens.rotate(refreshToken, async (userId) => {
      const user = await this.users.findActiveById(userId);
      return user ? principalOf(user) : null;
    });
  }

  /** Ends the login of the refresh token, or with `everywhere` every login of its user. */
  logout(refreshToken: string, everywhere = false): Promise<void> {
    return this.tokens.revoke(refreshToken, everywhere);
  }

  /** The signed-in caller behind an access token, or 401. */
  async authenticate(accessToken: string): Promise<Principal> {
    const { userId, expiresAt } = await this.tokens.verifyAccessToken(accessToken);
    const user = await this.users.findActiveById(userId);
    if (!user) throw new UnauthorizedError('account_inactive');
    return { ...principalOf(user), accessExpiresAt: expiresAt };
  }
}
