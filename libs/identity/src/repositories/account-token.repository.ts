import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, OutboxRepository } from '@app/outbox';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { AccountToken, AccountTokenPurpose } from '../entities/account-token.entity';
import { PasswordResetRequest } from '../entities/password-reset-request.entity';
import { RecoveryCode } from '../entities/recovery-code.entity';

export interface NewAccountToken {
  organisationId: string;
  userId: string;
  purpose: AccountTokenPurpose;
  tokenHash: string;
  outboxId: string;
  expiresAt: Date;
}

/** The single-use links of invitations and resets, pending reset requests, and recovery codes. */
@Injectable()
export class AccountTokenRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  /** Whether this job already mailed this user a link (a retried or redelivered job sends none). */
  async sentByJob(outboxId: string, userId: string): Promise<boolean> {
    return this.dataSource.getRepository(AccountToken).exists({ where: { outboxId, userId, sentAt: Not(IsNull()) } });
  }

  /** Stores a new token; every unused token of the same purpose for the user stops working. */
  async replace(token: NewAccountToken): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM account_token WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [token.userId, token.purpose]);
      const saved = await manager.getRepository(AccountToken).save(manager.getRepository(AccountToken).create(token));
      return saved.id;
    });
  }

  /** A new password makes every reset link still in the mail useless. */
  async deleteUnusedResets(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM account_token WHERE user_id = $1 AND purpose = 'password_reset' AND used_at IS NULL`, [userId]);
  }

  async markSent(id: string): Promise<void> {
    await this.dataSource.getRepository(AccountToken).update({ id }, { sentAt: new Date() });
  }

  async findByHash(purpose: AccountTokenPurpose, tokenHash: string): Promise<AccountToken | null> {
    return this.dataSource.getRepository(AccountToken).findOne({ where: { purpose, tokenHash } });
  }

  /**
   * Uses the token once, with `apply` in the same transaction: false when it was used or expired in
   * the meantime (two requests racing with one link).
   */
  async redeem(id: string, apply: (manager: EntityManager) => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [, affected] = await manager.query(`UPDATE account_token SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now()`, [id]);
      if (affected === 0) return false;
      await apply(manager);
      return true;
    });
  }

  /** The job that mints and mails an invitation link, in the caller's transaction. */
  async addInvitationEvent(manager: EntityManager, organisationId: string, userId: string): Promise<void> {
    await this.outbox.add(manager, JobName.AccountInvitation, { organisationId, userId });
  }

  /** A reset asked for an address, and its job, in one transaction: the same work whether it exists or not. */
  async addResetRequest(email: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(PasswordResetRequest).save({ email: email.trim().toLowerCase() });
      await this.outbox.add(manager, JobName.PasswordResetRequested, { resetRequestId: saved.id });
    });
  }

  async findResetRequest(id: string): Promise<PasswordResetRequest | null> {
    return this.dataSource.getRepository(PasswordResetRequest).findOne({ where: { id } });
  }

  async deleteResetRequest(id: string): Promise<void> {
    await this.dataSource.getRepository(PasswordResetRequest).delete({ id });
  }

  async replaceRecoveryCodes(manager: EntityManager, userId: string, codeHashes: string[]): Promise<void> {
    await manager.getRepository(RecoveryCode).delete({ userId });
    await manager.getRepository(RecoveryCode).insert(codeHashes.map((codeHash) => ({ userId, codeHash })));
  }

  async deleteRecoveryCodes(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(RecoveryCode).delete({ userId });
  }

  /** Uses a recovery code once, atomically; false if unknown or used. */
  async useRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query(`UPDATE recovery_code SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`, [userId, codeHash]);
    return affected > 0;
  }
}
