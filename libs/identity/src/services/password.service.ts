import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { PasswordOwner, passwordProblem, PasswordRefusedError } from './password-policy';

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordService {
  private dummyHash?: Promise<string>;

  private hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  /** A password being set: refused (400, `field` named) unless the policy accepts it, then hashed. */
  async hashNew(password: string, owner: PasswordOwner, field = 'password'): Promise<string> {
    const problem = passwordProblem(password, owner);
    if (problem) throw new PasswordRefusedError(problem, field);
    return this.hash(password);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, so response time does not reveal whether an email exists. */
  async verifyAgainstNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash('no-such-user-placeholder-password');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
