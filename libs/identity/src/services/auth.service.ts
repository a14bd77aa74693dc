import { Injectable } from '@nestjs/common';
import { AuthenticatedRequest, Principal, UnauthorizedError } from '@app/core';
import { AuditService } from '@app/audit';
import { User } from '../entities/user.entity';
import { UserRepository } from '../repositories/user.repository';
import { PasswordService } from './password.service';
import { TokenPair, TokenService } from './token.service';

export function principalOf(user: Pick<User, 'id' | 'organisationId' | 'role' | 'referralSourceId' | 'volunteerId'>): Principal {
  return { userId: user.id, organisationId: user.organisationId, role: user.role, referralSourceId: user.referralSourceId, volunteerId: user.volunteerId };
}

const BAD_CREDENTIALS = 'The email address or password is not correct';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  /** Every attempt is audited; a failure says nothing about whether the email exists. */
  async login(email: string, password: string, request: AuthenticatedRequest): Promise<TokenPair> {
    const user = await this.users.findForLogin(email);
    const ok = user ? await this.passwords.verify(user.passwordHash, password) : await this.passwords.verifyAgainstNothing(password);
    if (!user || !ok || !user.active) {
      await this.audit.record(
        {
          action: 'login_failed',
          resourceType: 'session',
          outcome: 'failure',
          actorUserId: user?.id ?? null,
          organisationId: user?.organisationId ?? null,
          details: { reason: !user ? 'unknown_email' : !ok ? 'wrong_password' : 'inactive' },
        },
        request,
      );
      throw new UnauthorizedError(BAD_CREDENTIALS, 'invalid_credentials');
    }
    const principal = principalOf(user);
    await this.users.recordLogin(user.id);
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
