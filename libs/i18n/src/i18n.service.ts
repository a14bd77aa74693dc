import { Injectable } from '@nestjs/common';
import i18next, { i18n } from 'i18next';
import Negotiator from 'negotiator';
import en from './locales/en.json';
import nl from './locales/nl.json';
import { DEFAULT_LOCALE, Locale, LOCALES } from './locales';

export const CATALOGUES: Record<Locale, Record<string, unknown>> = { nl, en };

/**
 * A text to be written in the reader's language later: a catalogue key and its values, some of
 * which are phrases themselves (a diagnosis, a credential). Pure code (the matcher) returns phrases;
 * they are stored as JSON and rendered for whoever reads them.
 */
export interface Phrase {
  key: string;
  params?: Record<string, PhraseParam>;
}
export type PhraseParam = string | number | Phrase | Phrase[];

export const phrase = (key: string, params?: Record<string, PhraseParam>): Phrase => (params ? { key, params } : { key });

const AMSTERDAM: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};

const LONG_DATE: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }),
};
/** A calendar day as noon in Amsterdam, so formatting it never slips to the day before or after. */
const dayOf = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+01:00`) : new Date(value));

/** A calendar day (`YYYY-MM-DD` or an instant) written out: "5 december 2026" / "5 December 2026". */
export const longDate = (locale: Locale, value: string): string => LONG_DATE[locale].format(dayOf(value));

/** "Wed 2 Dec 06:00" / "wo 2 dec 06:00", in the time the users live in. */
function amsterdamText(instant: Date, locale: Locale): string {
  const parts = AMSTERDAM[locale].formatToParts(instant);
  const part = (type: string) => (parts.find((p) => p.type === type)?.value ?? '').replace(/\.$/, '');
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('hour')}:${part('minute')}`;
}

/**
 * Every text a person reads comes from the catalogues in `locales/` (i18next): Dutch by default,
 * English complete. Keys are stable; a missing key is a test failure, not a silent English text.
 */
@Injectable()
export class I18nService {
  private readonly i18n: i18n;

  constructor() {
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      initImmediate: false, // the catalogues are in memory: ready synchronously
      resources: Object.fromEntries(LOCALES.map((locale) => [locale, { translation: CATALOGUES[locale] }])),
      lng: DEFAULT_LOCALE,
      fallbackLng: false,
      supportedLngs: [...LOCALES],
      interpolation: { escapeValue: false }, // templates escape HTML themselves
      returnNull: false,
      showSupportNotice: false,
    });
    // `{{at, amsterdam}}`: an instant as people in the Netherlands read it ("wo 2 dec 06:00").
    this.i18n.services.formatter?.add('amsterdam', (value: string, lng: string | undefined) => amsterdamText(new Date(value), lng === 'en' ? 'en' : 'nl'));
    // `{{day, longDate}}`: a calendar day (`YYYY-MM-DD` or an instant) written out ("5 december 2026").
    this.i18n.services.formatter?.add('longDate', (value: string, lng: string | undefined) => longDate(lng === 'en' ? 'en' : 'nl', value));
  }

  /** A phrase in `locale`; a plain string (stored before texts were phrases) is returned as it is. */
  render(locale: Locale, text: Phrase | string): string {
    if (typeof text === 'string') return text;
    const vars: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(text.params ?? {})) {
      vars[name] = Array.isArray(value) ? value.map((p) => this.render(locale, p)).join(', ') : typeof value === 'object' ? this.render(locale, value) : value;
    }
    return this.t(locale, text.key, vars);
  }

  /** The text under `key` in `locale`, with `{{vars}}` filled in. */
  t(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
    return this.i18n.t(key, { ...vars, lng: locale }) as string;
  }

  /** Whether a key exists (in Dutch, which holds every key). */
  has(key: string): boolean {
    return this.i18n.exists(key, { lng: DEFAULT_LOCALE });
  }

  /** The best of our locales for an `Accept-Language` header; Dutch when none fits. */
  static fromAcceptLanguage(header: string | undefined): Locale {
    if (!header) return DEFAULT_LOCALE;
    const chosen = new Negotiator({ headers: { 'accept-language': header } }).language([...LOCALES]);
    return (chosen as Locale | undefined) ?? DEFAULT_LOCALE;
  }
}
