import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { SecretBox } from './secret-box';

const box = (key?: string) => new SecretBox({ secretsKey: key } as AppConfig);
const KEY = randomBytes(32).toString('base64');

describe('Stored secrets', () => {
  it('are sealed with AES-256-GCM under SECRETS_KEY and open again, a new IV each time', () => {
    const sealed = box(KEY).seal('webhook-secret-0123');
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain('webhook-secret');
    expect(box(KEY).open(sealed)).toBe('webhook-secret-0123');
    expect(box(KEY).seal('webhook-secret-0123')).not.toBe(sealed);
  });

  it('refuse to open when tampered with or under another key', () => {
    const sealed = box(KEY).seal('webhook-secret-0123');
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => box(KEY).open(tampered)).toThrow();
    expect(() => box(randomBytes(32).toString('base64')).open(sealed)).toThrow();
    expect(() => box().open(sealed)).toThrow('SECRETS_KEY is not set');
  });

  it('are kept as given without a key, and values stored before a key was set still read', () => {
    expect(box().seal('plain-secret')).toBe('plain-secret');
    expect(box(KEY).open('plain-secret')).toBe('plain-secret');
  });
});
