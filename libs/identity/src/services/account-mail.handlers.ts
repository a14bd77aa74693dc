import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { I18nService } from '@app/i18n';
import { EmailChannel, EmailRenderer } from '@app/notifications';
import { HandlesJob, JobHandler, JobName, JobPayload } from '@app/outbox';
import { AccountTokenPurpose } from '../entities/account-token.entity';
import { AccountTokenRepository } from '../repositories/account-token.repository';
import { AccountContact, UserRepository } from '../repositories/user.repository';
import { newLinkToken } from './account-secrets';

const LINKS: Record<AccountTokenPurpose, { path: string; ttlMs: number; texts: string }> = {
  invitation: { path: '/invitation', ttlMs: 7 * 24 * 3600_000, texts: 'account.invitation' },
  password_reset: { path: '/reset-password', ttlMs: 30 * 60_000, texts: 'account.passwordReset' },
};

/**
 * Mints a link token and emails it, in the person's language. The token is made here, in the job,
 * so it is never stored anywhere but in the email (the database keeps its hash). A job that runs
 * again after mailing sends nothing; one that failed before mailing makes a new token (the unsent
 * one is dropped).
 */
@Injectable()
export class AccountMailer {
  constructor(
    private readonly tokens: AccountTokenRepository,
    private readonly email: EmailChannel,
    private readonly renderer: EmailRenderer,
    private readonly i18n: I18nService,
    private readonly config: AppConfig,
  ) {}

  async send(to: AccountContact, purpose: AccountTokenPurpose, outboxId: string): Promise<void> {
    if (await this.tokens.sentByJob(outboxId, to.id)) return;
    const { path, ttlMs, texts } = LINKS[purpose];
    const { token, hash } = newLinkToken();
    const id = await this.tokens.replace({ organisationId: to.organisationId, userId: to.id, purpose, tokenHash: hash, outboxId, expiresAt: new Date(Date.now() + ttlMs) });
    const t = (key: string) => this.i18n.t(to.locale, `${texts}.${key}`, { organisation: to.organisationName, email: to.email });
    const content = this.renderer.render({
      locale: to.locale,
      recipientName: to.name,
      organisationName: to.organisationName,
      title: t('title'),
      paragraphs: [t('body'), t('expiry')],
      // In the fragment: browsers do not send it, so the token never reaches a server's access log.
      link: `${this.config.http.publicUrl}${path}#token=${token}`,
      action: t('action'),
    });
    await this.email.send({ to: to.email, subject: content.subject, text: content.text, html: content.html, idempotencyKey: `account-${id}` });
    await this.tokens.markSent(id);
  }
}

/** `account.invitation` → the invitation link, while the invitation is still open. */
@Injectable()
@HandlesJob(JobName.AccountInvitation)
export class InvitationMailHandler implements JobHandler<JobName.AccountInvitation> {
  constructor(
    private readonly users: UserRepository,
    private readonly mailer: AccountMailer,
  ) {}

  async handle({ organisationId, userId, outboxId }: JobPayload<JobName.AccountInvitation>): Promise<void> {
    const invited = await this.users.contactOf(userId);
    if (!invited || invited.organisationId !== organisationId || !invited.active || !invited.pending) return;
    await this.mailer.send(invited, 'invitation', outboxId);
  }
}

/**
 * `account.password-reset` → one email per active account of the address, each naming its
 * organisation and carrying its own link (one address may have accounts in several organisations;
 * each link resets only its own account). An unknown address gets nothing.
 */
@Injectable()
@HandlesJob(JobName.PasswordResetRequested)
export class PasswordResetMailHandler implements JobHandler<JobName.PasswordResetRequested> {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: AccountTokenRepository,
    private readonly mailer: AccountMailer,
  ) {}

  async handle({ resetRequestId, outboxId }: JobPayload<JobName.PasswordResetRequested>): Promise<void> {
    const asked = await this.tokens.findResetRequest(resetRequestId);
    if (!asked) return;
    for (const account of await this.users.contactsByEmail(asked.email)) {
      if (account.active && !account.pending) await this.mailer.send(account, 'password_reset', outboxId);
    }
    await this.tokens.deleteResetRequest(resetRequestId);
  }
}
