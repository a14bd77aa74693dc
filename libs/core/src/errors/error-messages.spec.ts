import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { I18nService } from '@app/i18n';
import { resourceKey } from './app-errors';
import { STATUS_CODES } from './all-exceptions.filter';

const ROOT = join(__dirname, '../../../..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // The portal has catalogues of its own (apps/portal/src/shared/i18n) and throws no API errors.
    if (entry.isDirectory()) return entry.name === 'migrations' || path === join(ROOT, 'apps', 'portal') ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
// A call spread over lines is joined into one, so its code stays on the line naming the error.
const lines = ['libs', 'apps'].flatMap((dir) => sources(join(ROOT, dir))).flatMap((file) => readFileSync(file, 'utf8').replace(/([(,])\s*\n\s*/g, '$1 ').split('\n'));
const all = (pattern: RegExp, among: string[] = lines) => [...new Set(among.flatMap((line) => [...line.matchAll(pattern)].map((m) => m[1])))].sort();

// Lines that build an error: its class or a little helper, a `code` field or parameter, a table of codes.
const THROWING = /Error\(|unprocessable\(|fail\(|wrong\(|\bcode\s*[:=]|\bsuper\(|\berror: '|CLOSED|WITHDRAWN_UNTAKEN/;
// Snake-case literals on those lines are error codes (constraint names in isUniqueViolation are not).
const codes = all(/'([a-z]+(?:_[a-z]+)+|[a-z]+)'/g, lines.filter((line) => THROWING.test(line)).map((line) => line.replace(/isUniqueViolation\([^)]*\)/g, '')))
  .filter((code) => code.includes('_') || ['unauthorized', 'forbidden'].includes(code));

describe('Error messages in the catalogues', () => {
  const i18n = new I18nService();

  it('finds the error codes the code base throws (the walk below is not empty by accident)', () => {
    expect(['not_found', 'validation_failed', 'illegal_transition', 'offer_taken', 'password_too_common', 'invalid_credentials', 'too_many_requests', 'service_busy', 'internal_error'].filter((c) => !codes.includes(c))).toEqual([]);
    expect(codes).toEqual(expect.arrayContaining(['not_found', 'validation_failed', 'illegal_transition', 'offer_taken', 'password_too_common', 'invalid_credentials', 'too_many_requests', 'service_busy', 'internal_error']));
  });

  it('has errors.<code> for every error code thrown, and for every status the filter names', () => {
    const missing = [...codes, ...Object.values(STATUS_CODES)].filter((code) => !i18n.has(`errors.${code}`));
    expect(missing).toEqual([]);
  });

  it('has every message, field text and resource name the code asks for', () => {
    const keys = all(/'((?:errors|validation|units|resources)\.[A-Za-z_.]+)'/g).filter((key) => !key.endsWith('.'));
    const resources = all(/new NotFoundError\('([^']+)'/g).map(resourceKey);
    expect(keys.length).toBeGreaterThan(40);
    expect(resources).toContain('resources.referral_source');
    expect([...keys, ...resources].filter((key) => !i18n.has(key) && !i18n.has(`${key}_other`))).toEqual([]);
  });
});
