import { I18nService, CATALOGUES } from './i18n.service';
import { LOCALES } from './locales';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('The message catalogues', () => {
  const catalogues = Object.fromEntries(LOCALES.map((locale) => [locale, new Map(leaves(CATALOGUES[locale] as Tree))]));

  it.each(LOCALES)('has every key in %s that any language has, and no empty text', (locale) => {
    const all = new Set(LOCALES.flatMap((l) => [...catalogues[l].keys()]));
    const missing = [...all].filter((key) => !catalogues[locale].has(key));
    expect(missing).toEqual([]);
    expect([...catalogues[locale]].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const differing = [...catalogues.nl.keys()].filter((key) => LOCALES.some((l) => placeholders(catalogues[l].get(key) ?? '').join() !== placeholders(catalogues.nl.get(key) ?? '').join()));
    expect(differing).toEqual([]);
  });

  it('fills in a text in the language asked for', () => {
    const i18n = new I18nService();
    expect(i18n.t('nl', 'notification.welcome.title', { organisation: 'Hospice De Linde' })).toBe('Welkom bij Hospice De Linde');
    expect(i18n.t('en', 'notification.welcome.title', { organisation: 'Hospice De Linde' })).toBe('Welcome to Hospice De Linde');
  });

  it.each([
    [undefined, 'nl'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,en;q=0.5', 'en'],
    ['nl-BE', 'nl'],
    ['fr', 'nl'],
  ])('chooses a language from Accept-Language %s', (header, locale) => {
    expect(I18nService.fromAcceptLanguage(header)).toBe(locale);
  });
});
