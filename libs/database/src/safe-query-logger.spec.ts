import { Logger } from '@nestjs/common';
import { SafeQueryLogger } from './safe-query-logger';

describe('SafeQueryLogger', () => {
  afterEach(() => jest.restoreAllMocks());

  const captured = () => {
    const lines: string[] = [];
    for (const level of ['error', 'warn', 'debug', 'log'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => void lines.push(JSON.stringify(args)));
    }
    return lines;
  };

  it('logs a failed query by its SQL and error, never its parameters', () => {
    const lines = captured();
    new SafeQueryLogger().logQueryError(new Error('connection reset'), 'INSERT INTO app_user (email, password_hash) VALUES ($1, $2)', [
      'j.jansen@example.org',
      '$argon2id$v=19$secret-hash',
    ]);
    expect(lines.join('\n')).toContain('INSERT INTO app_user');
    expect(lines.join('\n')).not.toContain('j.jansen@example.org');
    expect(lines.join('\n')).not.toContain('argon2id');
  });

  it('logs an expected constraint violation at debug level, not as an error', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    new SafeQueryLogger().logQueryError(Object.assign(new Error('duplicate key'), { code: '23505' }), 'INSERT ...', ['x']);
    expect(error).not.toHaveBeenCalled();
    expect(debug).toHaveBeenCalledTimes(1);
  });
});
