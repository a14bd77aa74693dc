import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppError, ConflictError, Principal, SecretBox } from '@app/core';
import { authenticator } from 'otplib';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '../entities/role';
import { AccountTokenRepository } from '../repositories/account-token.repository';
import { TotpState, UserRepository } from '../repositories/user.repository';
import { sha256Hex } from './account-secrets';
import { LoginAttemptsService } from './login-attempts.service';
import { PasswordService } from './password.service';

const STEP_SECONDS = 30;
const RECOVERY_CODES = 10;
// RFC 6238 with SHA-1, 6 digits, 30 s steps (what authenticator apps expect); one step of clock drift either way.
const totp = authenticator.clone({ window: 1, step: STEP_SECONDS });

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
}

/** Whether the organisation's setting (`requireTwoFactorFor`) asks this role for a second factor. */
export function twoFactorRequiredFor(setting: unknown, role: Role): boolean {
  return Array.isArray(setting) && setting.includes(role);
}

/** 80 random bits as four groups of four base32 characters: xxxx-xxxx-xxxx-xxxx. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (byte) => alphabet[byte & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

const normaliseRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/[^a-z2-7]/g, '');

/**
 * TOTP second factor (otplib): enrolment, confirmation with recovery codes, checks at login. The
 * secret is sealed with SecretBox; a code's time step is taken atomically, so a code works once;
 * recovery codes are stored as sha256 and each works once.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly tokens: AccountTokenRepository,
    private readonly passwords: PasswordService,
    private readonly attempts: LoginAttemptsService,
    private readonly secrets: SecretBox,
  ) {}

  /**
   * A new secret, shown once; it protects logins only after `confirm`. The password is asked again:
   * a stolen access token must not be enough to put someone else's authenticator on the account.
   */
  async enrol(userId: string, password: string): Promise<TotpEnrolment> {
    const state = await this.stateOf(userId);
    if (state.totpEnabledAt) throw new ConflictError('totp_enabled');
    await this.attempts.reserve(state.email);
    if (state.passwordHash === null || !(await this.passwords.verify(state.passwordHash, password))) throw wrong('wrong_password');
    await this.attempts.succeeded(state.email);
    return this.startEnrolment(userId);
  }

  /** The secret itself, for a caller who proved the password just now (the login's challenge does). */
  async startEnrolment(userId: string): Promise<TotpEnrolment> {
    const state = await this.stateOf(userId);
    if (state.totpEnabledAt) throw new ConflictError('totp_enabled');
    const secret = totp.generateSecret(20);
    await this.users.setPendingTotpSecret(userId, this.secrets.seal(secret));
    return { secret, otpauthUri: totp.keyuri(state.email, state.organisationName, secret) };
  }

  /** The first code from the app switches two-factor login on; the recovery codes are shown this once. */
  async confirm(userId: string, code: string): Promise<string[]> {
    const state = await this.stateOf(userId);
    if (state.totpEnabledAt || !state.totpSecret) throw new ConflictError('totp_not_enrolling');
    await this.attempts.reserve(state.email);
    if (!(await this.checkCode(userId, state.totpSecret, code))) throw wrong('invalid_code');
    await this.attempts.succeeded(state.email);
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await this.dataSource.transaction(async (manager) => {
      await this.users.enableTotp(manager, userId);
      await this.tokens.replaceRecoveryCodes(manager, userId, codes.map((c) => sha256Hex(normaliseRecoveryCode(c))));
    });
    return codes;
  }

  /** Switches it off with a current code or the password; not while the organisation requires it for the role. */
  async disable(principal: Principal, proof: { code?: string; password?: string }): Promise<void> {
    const state = await this.stateOf(principal.userId);
    if (!state.totpEnabledAt || !state.totpSecret) throw new ConflictError('totp_not_enabled');
    if (twoFactorRequiredFor(state.requireTwoFactorFor, state.role)) throw new ConflictError('two_factor_required');
    await this.attempts.reserve(state.email);
    const proven = proof.code
      ? await this.checkCode(principal.userId, state.totpSecret, proof.code)
      : proof.password !== undefined && state.passwordHash !== null && (await this.passwords.verify(state.passwordHash, proof.password));
    if (!proven) throw wrong(proof.code ? 'invalid_code' : 'wrong_password');
    await this.attempts.succeeded(state.email);
    await this.dataSource.transaction(async (manager) => {
      await this.users.disableTotp(manager, principal.userId);
      await this.tokens.deleteRecoveryCodes(manager, principal.userId);
    });
  }

  /** A code or recovery code at login (the caller counts the attempt). */
  async verifyLogin(userId: string, proof: { code?: string; recoveryCode?: string }): Promise<'totp' | 'recovery_code' | null> {
    const state = await this.stateOf(userId);
    if (!state.totpEnabledAt || !state.totpSecret) return null;
    if (proof.code) return (await this.checkCode(userId, state.totpSecret, proof.code)) ? 'totp' : null;
    if (proof.recoveryCode) return (await this.tokens.useRecoveryCode(userId, sha256Hex(normaliseRecoveryCode(proof.recoveryCode)))) ? 'recovery_code' : null;
    return null;
  }

  /** Whether the user's two-factor login is on. */
  async enabled(userId: string): Promise<boolean> {
    return Boolean((await this.stateOf(userId)).totpEnabledAt);
  }

  /** Right for the current time step (±1) and that step not used before. */
  private async checkCode(userId: string, sealedSecret: string, code: string): Promise<boolean> {
    const now = Date.now();
    const delta = totp.clone({ epoch: now }).checkDelta(code.replace(/\s/g, ''), this.secrets.open(sealedSecret));
    if (delta === null) return false;
    return this.users.claimTotpStep(userId, Math.floor(now / 1000 / STEP_SECONDS) + delta);
  }

  private async stateOf(userId: string): Promise<TotpState> {
    const state = await this.users.totpStateOf(userId);
    if (!state) throw new AppError(HttpStatus.UNAUTHORIZED, 'account_inactive');
    return state;
  }
}

function wrong(code: 'invalid_code' | 'wrong_password'): AppError {
  return new AppError(HttpStatus.FORBIDDEN, code);
}
