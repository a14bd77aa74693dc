import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { RefreshToken } from '../entities/refresh-token.entity';

export type RotationResult =
  | { kind: 'rotated'; userId: string; newTokenId: string }
  | { kind: 'reused'; userId: string }
  | { kind: 'invalid' };

@Injectable()
export class RefreshTokenRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async issue(userId: string, familyId: string, secretHash: string, expiresAt: Date, manager?: EntityManager): Promise<string> {
    const repo = (manager ?? this.dataSource.manager).getRepository(RefreshToken);
    const row = await repo.save({ userId, familyId, secretHash, expiresAt });
    return row.id;
  }

  /**
   * Uses a token once, under a row lock: a valid unused token is marked used and replaced by a new one
   * in the same family; a token that was used before means replay, and its whole family is revoked.
   */
  async rotate(
    id: string,
    matches: (secretHash: string) => boolean,
    newSecretHash: string,
    newExpiresAt: Date,
    reuseGraceMs = 0,
  ): Promise<RotationResult> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(RefreshToken);
      const token = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!token || !matches(token.secretHash)) return { kind: 'invalid' };
      // The answer to a refresh can be lost (a reload while it was on its way; two tabs refreshing at
      // once share one cookie): the same token comes back seconds later, while its successor was never
      // used. Its successor is revoked (it was lost, or the other tab will take the new cookie) and another
      // issued, so the login never forks; should a thief have been quicker, the owner's next refresh
      // presents a revoked token, which ends the whole login. Anything later is a replay.
      if (token.usedAt && !token.revokedAt && token.expiresAt.getTime() > Date.now() && Date.now() - token.usedAt.getTime() < reuseGraceMs && !(await this.familyMovedOn(manager, token))) {
        await repo.update({ familyId: token.familyId, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: new Date() });
        const newTokenId = await this.issue(token.userId, token.familyId, newSecretHash, newExpiresAt, manager);
        return { kind: 'rotated', userId: token.userId, newTokenId };
      }
      if (token.usedAt || token.revokedAt) {
        await repo.update({ familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        return token.usedAt ? { kind: 'reused', userId: token.userId } : { kind: 'invalid' };
      }
      if (token.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' };
      await repo.update({ id }, { usedAt: new Date() });
      const newTokenId = await this.issue(token.userId, token.familyId, newSecretHash, newExpiresAt, manager);
      return { kind: 'rotated', userId: token.userId, newTokenId };
    });
  }

  /** Whether a token of the family was used after this one: its successor reached its owner. */
  private familyMovedOn(manager: EntityManager, token: RefreshToken): Promise<boolean> {
    return manager.getRepository(RefreshToken).exists({ where: { familyId: token.familyId, usedAt: MoreThan(token.usedAt as Date) } });
  }

  async findById(id: string): Promise<RefreshToken | null> {
    return this.dataSource.getRepository(RefreshToken).findOne({ where: { id } });
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.dataSource.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllForUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(RefreshToken).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
