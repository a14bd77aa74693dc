import { AppConfig } from './app-config';
import { DEVELOPMENT_JWT_SECRET, validateEnvironment } from './environment';

describe('Configuration', () => {
  it('has working defaults for a development machine', () => {
    const config = new AppConfig(validateEnvironment({}));
    expect(config.database.url).toBe('postgres://volunteer_match_app@127.0.0.1:5432/volunteer_match');
    expect(config.database.ownerUrl).toBe('postgres://postgres@127.0.0.1:5432/volunteer_match');
    expect(config.database.migrateOnStart).toBe(true);
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.http.port).toBe(3000);
    expect(config.auth.jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(config.auth.usesDevelopmentSecret).toBe(true);
    expect(config.bootstrap.organisationName).toBe('Demo organisation');
    expect(config.auth.loginAccount).toEqual({ freeAttempts: 10, baseDelaySeconds: 1, maxDelaySeconds: 900, resetSeconds: 900 });
  });

  it('converts numbers and booleans from their string form', () => {
    const config = new AppConfig(validateEnvironment({ PORT: '8080', SMTP_SECURE: 'true', WORKER_IN_PROCESS: '1' }));
    expect(config.http.port).toBe(8080);
    expect(config.smtp.secure).toBe(true);
    expect(config.worker.inProcess).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://127.0.0.1:5432/volunteer_match' }, 'DATABASE_URL'],
    [{ DATABASE_OWNER_URL: 'postgres://127.0.0.1/volunteer_match' }, 'DATABASE_OWNER_URL'],
    [{ DATABASE_OWNER_URL: 'postgres://postgres@127.0.0.1/other' }, 'DATABASE_OWNER_URL'],
    [{ MIGRATE_ON_START: 'sometimes' }, 'MIGRATE_ON_START'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org' }, 'BOOTSTRAP_ADMIN_PASSWORD'],
    [{ LOGIN_ACCOUNT_FREE_ATTEMPTS: '0' }, 'LOGIN_ACCOUNT_FREE_ATTEMPTS'],
    [{ LOGIN_ACCOUNT_BASE_DELAY_SECONDS: 'soon' }, 'LOGIN_ACCOUNT_BASE_DELAY_SECONDS'],
    [{ LOGIN_ACCOUNT_BASE_DELAY_SECONDS: '60', LOGIN_ACCOUNT_MAX_DELAY_SECONDS: '30' }, 'LOGIN_ACCOUNT_MAX_DELAY_SECONDS'],
    [{ LOGIN_ACCOUNT_RESET_SECONDS: '-1' }, 'LOGIN_ACCOUNT_RESET_SECONDS'],
  ])('refuses %j with a message naming %s', (env, variable) => {
    expect(() => validateEnvironment(env)).toThrow(new RegExp(`\\b${variable}\\b`));
  });

  it("takes the owner from DATABASE_OWNER_URL, else from DATABASE_URL's server and database as postgres", () => {
    const url = 'postgres://vm_app:s3cret@db.example:5433/vm?sslmode=require';
    expect(new AppConfig(validateEnvironment({ DATABASE_URL: url })).database.ownerUrl).toBe('postgres://postgres@db.example:5433/vm?sslmode=require');
    expect(new AppConfig(validateEnvironment({ DATABASE_URL: 'postgres://postgres:pw@db/vm' })).database.ownerUrl).toBe('postgres://postgres:pw@db/vm');
    const ownerUrl = 'postgres://vm_owner:other@db.example:5433/vm';
    expect(new AppConfig(validateEnvironment({ DATABASE_URL: url, DATABASE_OWNER_URL: ownerUrl, MIGRATE_ON_START: 'false' })).database).toMatchObject({
      url,
      ownerUrl,
      migrateOnStart: false,
    });
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow('JWT_SECRET: required when NODE_ENV=production');
    const config = new AppConfig(validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }));
    expect(config.auth.usesDevelopmentSecret).toBe(false);
  });

  it('takes SECRETS_KEY only as 32 bytes in base64', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(new AppConfig(validateEnvironment({ SECRETS_KEY: key })).secretsKey).toBe(key);
    expect(() => validateEnvironment({ SECRETS_KEY: 'too-short' })).toThrow('SECRETS_KEY: SECRETS_KEY must be 32 random bytes in base64 (openssl rand -base64 32)');
  });

  it('takes VAPID keys only as a matching pair with a subject, and an SMS gateway only with a sender', () => {
    const pair = { VAPID_PUBLIC_KEY: 'BEAKgviG5q9bpSGw-3AR0E29nXhIQQrHkwuKdmfl85MY1TirndUlhJQtuNk4lG-zyFwUhjLMI0e8i0EthQ_3fA8', VAPID_PRIVATE_KEY: '-JDPpQg3r-a9psJqdB-Wt89yBNw_xdsQ78vjCLX1fKE' };
    expect(() => validateEnvironment({ VAPID_PUBLIC_KEY: pair.VAPID_PUBLIC_KEY })).toThrow('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together');
    expect(() => validateEnvironment(pair)).toThrow('VAPID_SUBJECT: required');
    const other = 'BJMCyeby4pOwADnZrNRLsYRnBaGcM8JhCMp_cMLl9OZwS2gFZ9ue9Ft8zoq1bZZ8jF4N8EMSptjPixmdY3yGkXw';
    expect(() => validateEnvironment({ ...pair, VAPID_PUBLIC_KEY: other, VAPID_SUBJECT: 'mailto:ops@example.org' })).toThrow('is not the public key of VAPID_PRIVATE_KEY');
    expect(() => validateEnvironment({ ...pair, VAPID_SUBJECT: 'http://example.org' })).toThrow('VAPID_SUBJECT must be a mailto: address or an https URL');
    expect(new AppConfig(validateEnvironment({ ...pair, VAPID_SUBJECT: 'mailto:ops@example.org' })).push).toMatchObject({ publicKey: pair.VAPID_PUBLIC_KEY, subject: 'mailto:ops@example.org' });
    expect(() => validateEnvironment({ SMS_GATEWAY_URL: 'https://sms.example.org/send' })).toThrow('SMS_FROM: required with SMS_GATEWAY_URL');
    expect(new AppConfig(validateEnvironment({})).sms.gatewayUrl).toBeUndefined();
  });

  it('says what is wrong with a value in one line per variable, without echoing it', () => {
    expect(() => validateEnvironment({ PORT: 'abc', JWT_SECRET: 'hunter2' })).toThrow(
      'Invalid configuration:\n  - PORT: PORT must be an integer number\n  - JWT_SECRET: JWT_SECRET must be at least 32 characters',
    );
  });

  it('names every bad variable at once', () => {
    expect(() => validateEnvironment({ PORT: 'x', REDIS_URL: 'y' })).toThrow(/PORT[\s\S]*REDIS_URL/);
  });
});
