import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { I18nService, Locale } from '@app/i18n';

export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}

/** What one email says, already in the reader's language (from the catalogues). */
export interface EmailMessage {
  locale: Locale;
  recipientName: string;
  organisationName: string;
  title: string;
  /** Paragraphs of plain text; escaped in the HTML part. */
  paragraphs: string[];
  /** An absolute link into the portal: emails link to the data instead of carrying it. */
  link?: string | null;
  /** The label of the link's button; default "view it in the portal". */
  action?: string;
}

const template = (name: string) => Handlebars.compile(readFileSync(join(__dirname, 'templates', name), 'utf8'), { strict: false });

/**
 * Renders every email the service sends from one layout (Handlebars, HTML and plain text) and the
 * message catalogues, so the wording lives in `libs/i18n` and the markup in one place.
 */
@Injectable()
export class EmailRenderer {
  private readonly html = template('layout.html.hbs');
  private readonly text = template('layout.text.hbs');

  constructor(private readonly i18n: I18nService) {}

  render(message: EmailMessage): EmailContent {
    const t = (key: string, vars: Record<string, string> = {}) => this.i18n.t(message.locale, key, vars);
    const context = {
      locale: message.locale,
      title: message.title,
      paragraphs: message.paragraphs,
      link: message.link ?? null,
      action: message.action ?? t('common.openInPortal'),
      greeting: t('common.greeting', { name: message.recipientName }),
      closing: t('common.closing', { organisation: message.organisationName }),
      footer: t('common.footer', { organisation: message.organisationName }),
    };
    return { subject: message.title, html: this.html(context), text: this.text(context).replace(/\n{3,}/g, '\n\n').trim() + '\n' };
  }
}
