import { Injectable } from '@nestjs/common';
import i18next, { i18n } from 'i18next';
import Negotiator from 'negotiator';
import en from './locales/en.json';
import nl from './locales/nl.json';
import { DEFAULT_LOCALE, Locale, LOCALES } from './locales';

export const CATALOGUES: Record<Locale, Record<string, unknown>> = { nl, en };

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
    });
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
