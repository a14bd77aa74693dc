import { Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig } from '@app/core';

export interface Email {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to `text` (from EmailRenderer). */
  html?: string;
  /** Sent as a Message-ID derived from it, so mail systems can spot a repeat. */
  idempotencyKey: string;
}

/** Email over SMTP (nodemailer). Without SMTP_HOST every send fails, visibly, and is retried. */
@Injectable()
export class EmailChannel implements OnModuleDestroy {
  private transport?: Transporter;

  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return Boolean(this.config.smtp.host);
  }

  async send(email: Email): Promise<void> {
    const smtp = this.config.smtp;
    if (!smtp.host) throw new Error('Email cannot be sent: SMTP_HOST is not configured');
    this.transport ??= nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    const domain = smtp.from.match(/@([^>\s]+)/)?.[1] ?? 'localhost';
    await this.transport.sendMail({ from: smtp.from, to: email.to, subject: email.subject, text: email.text, html: email.html, messageId: `<${email.idempotencyKey}@${domain}>` });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
