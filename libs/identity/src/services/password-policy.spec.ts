import { passwordProblem } from './password-policy';

const owner = { email: 'j.devries@hospice.example', name: 'Jan de Vries' };
const codeOf = (password: string) => passwordProblem(password, owner)?.code ?? null;

describe('passwordProblem', () => {
  it.each([
    ['            ', 'password_too_simple'],
    ['\t \t \t \t \t \t ', 'password_too_simple'],
    ['aaaaaaaaaaaa', 'password_too_simple'],
    ['121212121212', 'password_too_simple'],
    ['xyzxyzxyzxyz', 'password_too_simple'],
    ['abcdefghijklmnop', 'password_too_simple'],
    ['98765432109876', 'password_too_simple'],
    ['password1234', 'password_too_common'],
    ['QWERTY123456', 'password_too_common'],
    ['123456789012', 'password_too_simple'],
    ['1q2w3e4r5t6y', 'password_too_common'],
    ['j.devries@hospice.example', 'password_contains_email'],
    ['J.DeVries@Hospice.Example', 'password_contains_email'],
    ['J-DeVries-wachtwoord-77', 'password_contains_email'],
    ['jdevries2026!!', 'password_contains_email'],
    ['Jan de Vries 1958', 'password_contains_name'],
    ['JAN_DE_VRIES_is_mijn_naam', 'password_contains_name'],
  ])('refuses %j: %s', (password, code) => {
    expect(codeOf(password)).toBe(code);
  });

  it.each(['correct-horse-battery-1', 'kopje thee bij de open haard', 'change-me-please', 'Zomer aan zee, 1987!', 'jan-leest-graag-boeken', 'devries-wachtwoord-77', 'first-day-of-spring'])('accepts %j', (password) => {
    expect(codeOf(password)).toBeNull();
  });

  it('looks for the whole name and local part, not their words, and ignores values under 4 characters', () => {
    expect(passwordProblem('a-long-first-password', { email: 'first.admin@example.org', name: 'Administrator' })).toBeNull();
    expect(passwordProblem('al-is-a-long-password-yes', { email: 'al@example.org', name: 'Al' })).toBeNull();
  });

  it('refuses a password shorter than 12 characters wherever it is set (invitation, change, reset)', () => {
    for (const short of ['k9#q', 'hond', 'Bram2', 'vijf wortel']) expect([short, passwordProblem(short, owner)?.code]).toEqual([short, 'password_too_short']);
    expect(passwordProblem('vijf wortels!', owner)).toBeNull();
  });

  it('says why in words', () => {
    expect(passwordProblem('password1234', owner)?.message).toMatch(/common/);
    expect(passwordProblem('jdevries2026!!', owner)?.message).toMatch(/email/);
  });
});
