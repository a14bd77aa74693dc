import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { I18nService, Locale, longDate } from '@app/i18n';
import { PersonMessage } from '../delivery/channel';
import { Notification } from '../inbox/notification.entity';

const TIME_FORMAT: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
};

/**
 * A notification in the reader's language: `notification.<kind>.title|body|action` from the
 * catalogues, with its params (times `…At` and dates `…On` written the reader's way, in Amsterdam time).
 */
@Injectable()
export class MessageComposer {
  constructor(
    private readonly i18n: I18nService,
    private readonly config: AppConfig,
  ) {}

  /** The reader's language and organisation (named in some texts, e.g. the welcome). */
  compose(notification: Notification, reader: { locale: Locale; organisationName: string }): PersonMessage {
    const { locale } = reader;
    const vars = { organisation: reader.organisationName, ...this.vars(notification.params ?? {}, locale) };
    const key = `notification.${notification.kind}`;
    return {
      notificationId: notification.id,
      kind: notification.kind,
      urgent: notification.urgent,
      title: this.i18n.t(locale, `${key}.title`, vars),
      body: this.i18n.t(locale, `${key}.body`, vars),
      link: notification.path ? this.link(notification.path) : null,
      action: this.i18n.t(locale, `${key}.action`, vars),
    };
  }

  link(path: string): string {
    return `${this.config.http.publicUrl}${path}`;
  }

  private vars(params: Record<string, string>, locale: Locale): Record<string, string> {
    return Object.fromEntries(
      Object.entries(params).map(([name, value]) => {
        if (name.endsWith('At')) return [name, TIME_FORMAT[locale].format(new Date(value))];
        if (name.endsWith('On')) return [name, longDate(locale, value)];
        if (name === 'credential') return [name, this.i18n.t(locale, `vocabulary.credential.${value}`)];
        return [name, value];
      }),
    );
  }
}
