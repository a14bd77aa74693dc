import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MinLength,
  Min,
  validateSync,
} from 'class-validator';
import { createECDH } from 'node:crypto';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** The development-only JWT secret. Never valid when NODE_ENV=production. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me-0123456789';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no', ''].includes(v)) return false;
  return value;
};
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable the service reads, with its default.
 * Validated once at boot; a bad value stops the process with a message naming the variable.
 */
export class Environment {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @Transform(toInt) @Min(0) @Max(65535) @IsInt()
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /**
   * What the service connects as: a limited role that owns no table and may only read and append
   * the audit log. Created with its grants by the owner (below) when missing.
   */
  @Matches(/^postgres(ql)?:\/\/[^/@]+@.+/, { message: 'DATABASE_URL must be a postgres:// URL with a user name' })
  DATABASE_URL = 'postgres://volunteer_match_app@127.0.0.1:5432/volunteer_match';

  /**
   * The owner: creates the database, runs migrations, creates the service's role and grants it what
   * it needs. Default: DATABASE_URL's server and database as the user `postgres`, without password.
   */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^postgres(ql)?:\/\/[^/@]+@.+/, { message: 'DATABASE_OWNER_URL must be a postgres:// URL with a user name' })
  DATABASE_OWNER_URL?: string;

  /** Prepare the database (create, migrate, role and grants) at start; false when a separate step does it. */
  @Transform(toBool) @IsBoolean()
  MIGRATE_ON_START = true;

  /** Connections to PostgreSQL per process. */
  @Transform(toInt) @Min(1) @Max(200) @IsInt()
  DATABASE_POOL_SIZE = 10;

  /** How long a request may wait for a free connection before it gets 503 (busy) instead. */
  @Transform(toInt) @Min(100) @Max(600000) @IsInt()
  DATABASE_POOL_TIMEOUT_MS = 30000;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Key prefix of every BullMQ and rate-limit key in Redis. */
  @Matches(/^[a-z0-9_-]{1,32}$/i, { message: 'REDIS_PREFIX must be 1-32 letters, digits, - or _' })
  REDIS_PREFIX = 'vm';

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Encrypts stored secrets (webhook signing secrets, TOTP secrets): 32 random bytes, base64 (`openssl rand -base64 32`). */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'SECRETS_KEY must be 32 random bytes in base64 (openssl rand -base64 32)' })
  SECRETS_KEY?: string;

  @Transform(toInt) @Min(60) @Max(86400) @IsInt()
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt) @Min(1) @Max(365) @IsInt()
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** A used refresh token presented again this soon, before its successor was used, is a lost answer, not a theft. */
  @Transform(toInt) @Min(0) @Max(60) @IsInt()
  REFRESH_REUSE_GRACE_SECONDS = 10;

  @Transform(emptyToUndefined) @IsOptional() @IsEmail({}, { message: 'BOOTSTRAP_ADMIN_EMAIL must be an email address' })
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(12, { message: 'BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @IsString() @MinLength(1)
  BOOTSTRAP_ORGANISATION = 'Demo organisation';

  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** The portal's built files (Vite's output), served at `/`; relative to the working directory. */
  @IsString() @MinLength(1, { message: 'PORTAL_DIR must not be empty' })
  PORTAL_DIR = 'dist/portal';

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  SMTP_HOST?: string;

  @Transform(toInt) @Min(1) @Max(65535) @IsInt()
  SMTP_PORT = 587;

  @Transform(toBool) @IsBoolean()
  SMTP_SECURE = false;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  SMTP_USER?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  SMTP_PASSWORD?: string;

  @IsString()
  SMTP_FROM = 'Volunteer Match <no-reply@localhost>';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Append logs to this file instead of writing them to standard output. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  LOG_FILE?: string;

  @Transform(toInt) @Min(1) @Max(10000) @IsInt()
  LOGIN_RATE_LIMIT = 10;

  @Transform(toInt) @Min(1) @Max(86400) @IsInt()
  LOGIN_RATE_WINDOW_SECONDS = 60;

  /**
   * Per account, from any address: after this many attempts without a successful login, each further
   * attempt waits LOGIN_ACCOUNT_BASE_DELAY_SECONDS × 2^k, at most LOGIN_ACCOUNT_MAX_DELAY_SECONDS.
   */
  @Transform(toInt) @Min(1) @Max(1000) @IsInt()
  LOGIN_ACCOUNT_FREE_ATTEMPTS = 10;

  @Transform(toInt) @Min(1) @Max(3600) @IsInt()
  LOGIN_ACCOUNT_BASE_DELAY_SECONDS = 1;

  /** The longest an account's owner can be kept waiting, however many attempts others make. */
  @Transform(toInt) @Min(1) @Max(86400) @IsInt()
  LOGIN_ACCOUNT_MAX_DELAY_SECONDS = 900;

  /** An account's count of attempts is forgotten after this long without one. */
  @Transform(toInt) @Min(1) @Max(86400 * 7) @IsInt()
  LOGIN_ACCOUNT_RESET_SECONDS = 900;

  @Transform(toInt) @Min(1024) @Max(50 * 1024 * 1024) @IsInt()
  BODY_LIMIT_BYTES = 1024 * 1024;

  @Transform(toBool) @IsBoolean()
  TRUST_PROXY = false;

  /** `npm start` sets this: the worker runs inside the API process. */
  @Transform(toBool) @IsBoolean()
  WORKER_IN_PROCESS = false;

  @Transform(toInt) @Min(10) @Max(60000) @IsInt()
  OUTBOX_POLL_MS = 500;

  /** A relayed outbox row not processed after this long is relayed again (Redis lost it). */
  @Transform(toInt) @Min(0) @Max(86400) @IsInt()
  OUTBOX_REDELIVER_AFTER_SECONDS = 300;

  @Transform(toInt) @Min(1) @Max(64) @IsInt()
  WORKER_CONCURRENCY = 4;

  /** PDOK Locatieserver: resolves a Dutch postcode + house number to coordinates. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'GEOCODER_URL must be an http(s) URL' })
  GEOCODER_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';

  @Transform(toInt) @Min(100) @Max(30000) @IsInt()
  GEOCODER_TIMEOUT_MS = 3000;

  @Transform(toInt) @Min(0) @Max(1000000) @IsInt()
  GEOCODER_CACHE_SIZE = 10000;

  /** A webhook receiver that has not answered after this long is cut off; the delivery is retried later. */
  @Transform(toInt) @Min(100) @Max(60000) @IsInt()
  WEBHOOK_TIMEOUT_MS = 5000;

  /**
   * Webhooks may only reach public addresses. Hosts, IP addresses or CIDR ranges listed here
   * (comma separated, e.g. `127.0.0.1,10.1.0.0/16,hooks.internal`) are allowed even if private.
   */
  @IsString()
  WEBHOOK_ALLOWED_PRIVATE = '';

  /**
   * Web Push (VAPID): the key pair as `npx web-push generate-vapid-keys` prints it (base64url), and a
   * contact for the push services (`mailto:` or an https URL). Without keys, development and tests
   * generate a pair once and keep it in PostgreSQL; production leaves push off.
   */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^[A-Za-z0-9_-]{87}$/, { message: 'VAPID_PUBLIC_KEY must be a P-256 public key in base64url (87 characters)' })
  VAPID_PUBLIC_KEY?: string;

  @Transform(emptyToUndefined) @IsOptional() @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'VAPID_PRIVATE_KEY must be a P-256 private key in base64url (43 characters)' })
  VAPID_PRIVATE_KEY?: string;

  @Transform(emptyToUndefined) @IsOptional() @Matches(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, { message: 'VAPID_SUBJECT must be a mailto: address or an https URL' })
  VAPID_SUBJECT?: string;

  /**
   * Push endpoints must be public https addresses. Hosts, IP addresses or CIDR ranges listed here
   * (comma separated) are allowed even if private, and may use plain http (a local push service).
   */
  @IsString()
  PUSH_ALLOWED_PRIVATE = '';

  /** SMS through an HTTP gateway (JSON POST `{to, from, text}` with a bearer token); off without a URL. */
  @Transform(emptyToUndefined) @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'SMS_GATEWAY_URL must be an http(s) URL' })
  SMS_GATEWAY_URL?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  SMS_GATEWAY_TOKEN?: string;

  /** The sender shown on the phone: a number, or up to 11 letters and digits. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^(\+?[0-9]{3,15}|[A-Za-z0-9 ]{1,11})$/, { message: 'SMS_FROM must be a phone number or at most 11 letters and digits' })
  SMS_FROM?: string;

  @Transform(toInt) @Min(100) @Max(60000) @IsInt()
  SMS_TIMEOUT_MS = 5000;

  /** How often the worker looks for due follow-ups whose reminder the queue lost. */
  @Transform(toInt) @Min(100) @Max(3600000) @IsInt()
  FOLLOWUP_RECONCILE_MS = 60000;

  /** How often an open notification stream gets a heartbeat comment (keeps proxies from closing it). */
  @Transform(toInt) @Min(50) @Max(300000) @IsInt()
  NOTIFICATION_STREAM_HEARTBEAT_MS = 25000;
}

const databaseOf = (url: string) => new URL(url).pathname;

/** The owner's URL when DATABASE_OWNER_URL is not set: the same server and database as the user `postgres`. */
export function defaultOwnerUrl(url: string): string {
  const owner = new URL(url);
  if (decodeURIComponent(owner.username) === 'postgres') return url; // already the owner: keep its password
  owner.username = 'postgres';
  owner.password = '';
  return owner.toString();
}

/** Whether the P-256 private key (base64url) yields the public key (base64url, uncompressed point). */
function vapidKeysBelongTogether(publicKey: string, privateKey: string): boolean {
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(privateKey, 'base64url'));
    return ecdh.getPublicKey().equals(Buffer.from(publicKey, 'base64url'));
  } catch {
    return false;
  }
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Parses and checks raw environment variables; throws one error that names every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const known = Object.keys(new Environment());
  const relevant = Object.fromEntries(
    Object.entries(raw).filter(([key]) => known.includes(key) || ['JWT_SECRET', 'SECRETS_KEY', 'DATABASE_OWNER_URL', 'LOG_FILE'].includes(key) || key.startsWith('BOOTSTRAP_') || key.startsWith('SMTP_') || key.startsWith('VAPID_') || key.startsWith('SMS_')),
  );
  const env = plainToInstance(Environment, relevant, { exposeDefaultValues: true });
  // One message per variable; values are never echoed (they may be secrets).
  const problems = validateSync(env, { skipMissingProperties: false, stopAtFirstError: true }).map(
    (error) => `${error.property}: ${Object.values(error.constraints ?? {})[0]}`,
  );
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    problems.push('JWT_SECRET: required when NODE_ENV=production');
  }
  if (env.LOGIN_ACCOUNT_MAX_DELAY_SECONDS < env.LOGIN_ACCOUNT_BASE_DELAY_SECONDS) {
    problems.push('LOGIN_ACCOUNT_MAX_DELAY_SECONDS: must not be less than LOGIN_ACCOUNT_BASE_DELAY_SECONDS');
  }
  if (Boolean(env.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(env.BOOTSTRAP_ADMIN_PASSWORD)) {
    problems.push('BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together');
  }
  if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
    problems.push('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together');
  } else if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY && !problems.some((p) => p.startsWith('VAPID_'))) {
    if (!env.VAPID_SUBJECT) problems.push('VAPID_SUBJECT: required with VAPID keys (mailto: or https URL the push services can reach you at)');
    if (!vapidKeysBelongTogether(env.VAPID_PUBLIC_KEY, env.VAPID_PRIVATE_KEY)) problems.push('VAPID_PUBLIC_KEY: is not the public key of VAPID_PRIVATE_KEY');
  }
  if (env.SMS_GATEWAY_URL && !env.SMS_FROM) {
    problems.push('SMS_FROM: required with SMS_GATEWAY_URL');
  }
  if (env.DATABASE_OWNER_URL && !problems.some((p) => p.startsWith('DATABASE_')) && databaseOf(env.DATABASE_OWNER_URL) !== databaseOf(env.DATABASE_URL)) {
    problems.push('DATABASE_OWNER_URL: must name the same database as DATABASE_URL');
  }
  if (problems.length > 0) {
    throw new ConfigurationError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return env;
}
