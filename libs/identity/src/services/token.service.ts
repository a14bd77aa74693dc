import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, Principal, UnauthorizedError } from '@app/core';
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { RefreshTokenRepository } from '../repositories/refresh-token.repository';
import { phrase } from '@app/i18n';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

interface AccessClaims {
  sub: string;
  org: string;
  role: Principal['role'];
}

/** How long the password step of a two-factor login stays open for the code. */
export const CHALLENGE_TTL_SECONDS = 300;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Refresh tokens look like `<row id>.<secret>`; only sha256(secret) is stored. */
function parseRefreshToken(token: string): { id: string; secret: string } | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { id: match[1], secret: match[2] } : null;
}

/** Short-lived access JWTs (HS256) and rotating, opaque refresh tokens. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly config: AppConfig,
  ) {}

  async issuePair(principal: Principal): Promise<TokenPair> {
    const secret = randomBytes(32).toString('base64url');
    const id = await this.refreshTokens.issue(principal.userId, randomUUID(), sha256(secret), this.refreshExpiry());
    return this.pair(principal, `${id}.${secret}`);
  }

  /** Uses the refresh token once and returns a new pair for its (still active) owner; otherwise 401, also on replay. */
  async rotate(refreshToken: string, loadPrincipal: (userId: string) => Promise<Principal | null>): Promise<TokenPair> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw new UnauthorizedError('invalid_refresh_token');
    const newSecret = randomBytes(32).toString('base64url');
    const result = await this.refreshTokens.rotate(
      parsed.id,
      (storedHash) => safeEqualHex(storedHash, sha256(parsed.secret)),
      sha256(newSecret),
      this.refreshExpiry(),
      this.config.auth.refreshReuseGraceSeconds * 1000,
    );
    if (result.kind === 'reused') {
      throw new UnauthorizedError('refresh_token_reused');
    }
    if (result.kind === 'invalid') throw new UnauthorizedError('invalid_refresh_token');
    const principal = await loadPrincipal(result.userId);
    if (!principal) {
      await this.refreshTokens.revokeAllForUser(result.userId);
      throw new UnauthorizedError('account_inactive');
    }
    return this.pair(principal, `${result.newTokenId}.${newSecret}`);
  }

  /**
   * Ends the login the refresh token belongs to (all tokens of its family), or with `everywhere`
   * every login of its user. Unknown tokens are ignored. Only a live token (unused, unrevoked, not
   * expired) ends other logins: an old copy of a used one must not log its owner out everywhere.
   */
  async revoke(refreshToken: string, everywhere = false): Promise<void> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) return;
    const token = await this.refreshTokens.findById(parsed.id);
    if (!token || !safeEqualHex(token.secretHash, sha256(parsed.secret))) return;
    const live = !token.usedAt && !token.revokedAt && token.expiresAt.getTime() > Date.now();
    if (everywhere && live) await this.refreshTokens.revokeAllForUser(token.userId);
    else await this.refreshTokens.revokeFamily(token.familyId);
  }

  async revokeAllForUser(userId: string): Promise<void> {
    await this.refreshTokens.revokeAllForUser(userId);
  }

  /**
   * The proof that a password was right, waiting for the second factor: a JWT under a key derived
   * for this purpose only, so it is never accepted as an access token (nor one as a challenge).
   */
  issueChallenge(userId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId }, { secret: this.challengeKey(), expiresIn: CHALLENGE_TTL_SECONDS, algorithm: 'HS256' });
  }

  async verifyChallenge(challenge: string): Promise<string> {
    try {
      const claims = await this.jwt.verifyAsync<{ sub?: unknown }>(challenge, { secret: this.challengeKey(), algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string') throw new Error('no subject');
      return claims.sub;
    } catch {
      throw new UnauthorizedError('invalid_challenge');
    }
  }

  private challengeKey(): string {
    return createHmac('sha256', this.config.auth.jwtSecret).update('login-challenge').digest('hex');
  }

  /** Verifies signature, algorithm and expiry; returns the user id the token was issued to. */
  /** The user behind a valid access token, and when the token expires (ms since the epoch). */
  async verifyAccessToken(token: string): Promise<{ userId: string; expiresAt: number }> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims & { exp?: number }>(token, { algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') throw new Error('no subject or expiry');
      return { userId: claims.sub, expiresAt: claims.exp * 1000 };
    } catch {
      throw new UnauthorizedError('invalid_token', phrase('errors.invalid_token_access'));
    }
  }

  private async pair(principal: Principal, refreshToken: string): Promise<TokenPair> {
    const claims: AccessClaims = { sub: principal.userId, org: principal.organisationId, role: principal.role };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.auth.accessTtlSeconds, algorithm: 'HS256' });
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.config.auth.accessTtlSeconds };
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.config.auth.refreshTtlDays * 24 * 3600 * 1000);
  }
}
