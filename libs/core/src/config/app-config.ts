import { resolve } from 'node:path';
import { defaultOwnerUrl, DEVELOPMENT_JWT_SECRET, Environment, NodeEnv } from './environment';

const hostList = (raw: string) => raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);

/**
 * The typed configuration every module reads. Built once from the validated environment;
 * inject it (`constructor(private readonly config: AppConfig)`) instead of reading process.env.
 */
export class AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly http: { port: number; host: string; bodyLimitBytes: number; trustProxy: boolean; publicUrl: string; portalDir: string };
  readonly database: { url: string; ownerUrl: string; migrateOnStart: boolean; poolSize: number; poolTimeoutMs: number };
  readonly redis: { url: string; prefix: string };
  readonly auth: {
    jwtSecret: string;
    usesDevelopmentSecret: boolean;
    accessTtlSeconds: number;
    refreshTtlDays: number;
    refreshReuseGraceSeconds: number;
    loginRateLimit: number;
    loginRateWindowSeconds: number;
    loginAccount: { freeAttempts: number; baseDelaySeconds: number; maxDelaySeconds: number; resetSeconds: number };
  };
  readonly bootstrap: { adminEmail?: string; adminPassword?: string; organisationName: string };
  readonly smtp: { host?: string; port: number; secure: boolean; user?: string; password?: string; from: string };
  readonly logLevel: string;
  readonly logFile?: string;
  readonly secretsKey?: string;
  readonly worker: { inProcess: boolean; concurrency: number; outboxPollMs: number; outboxRedeliverAfterSeconds: number };
  readonly geocoder: { url: string; timeoutMs: number; cacheSize: number };
  readonly webhooks: { timeoutMs: number; allowedPrivate: string[] };
  readonly followUps: { reconcileMs: number };
  /** VAPID keys from the environment (both or neither), and which private push endpoints are allowed. */
  readonly push: { publicKey?: string; privateKey?: string; subject?: string; allowedPrivate: string[] };
  readonly sms: { gatewayUrl?: string; token?: string; from?: string; timeoutMs: number };

  readonly notifications: { streamHeartbeatMs: number };

  constructor(env: Environment) {
    this.nodeEnv = env.NODE_ENV;
    this.http = {
      port: env.PORT,
      host: env.HOST,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      trustProxy: env.TRUST_PROXY,
      publicUrl: env.PUBLIC_URL.replace(/\/+$/, ''),
      portalDir: resolve(process.cwd(), env.PORTAL_DIR),
    };
    this.database = {
      url: env.DATABASE_URL,
      ownerUrl: env.DATABASE_OWNER_URL ?? defaultOwnerUrl(env.DATABASE_URL),
      migrateOnStart: env.MIGRATE_ON_START,
      poolSize: env.DATABASE_POOL_SIZE,
      poolTimeoutMs: env.DATABASE_POOL_TIMEOUT_MS,
    };
    this.redis = { url: env.REDIS_URL, prefix: env.REDIS_PREFIX };
    this.auth = {
      jwtSecret: env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
      usesDevelopmentSecret: !env.JWT_SECRET,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      refreshReuseGraceSeconds: env.REFRESH_REUSE_GRACE_SECONDS,
      loginRateLimit: env.LOGIN_RATE_LIMIT,
      loginRateWindowSeconds: env.LOGIN_RATE_WINDOW_SECONDS,
      loginAccount: {
        freeAttempts: env.LOGIN_ACCOUNT_FREE_ATTEMPTS,
        baseDelaySeconds: env.LOGIN_ACCOUNT_BASE_DELAY_SECONDS,
        maxDelaySeconds: env.LOGIN_ACCOUNT_MAX_DELAY_SECONDS,
        resetSeconds: env.LOGIN_ACCOUNT_RESET_SECONDS,
      },
    };
    this.bootstrap = {
      adminEmail: env.BOOTSTRAP_ADMIN_EMAIL,
      adminPassword: env.BOOTSTRAP_ADMIN_PASSWORD,
      organisationName: env.BOOTSTRAP_ORGANISATION,
    };
    this.smtp = {
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      secure: env.SMTP_SECURE,
      user: env.SMTP_USER,
      password: env.SMTP_PASSWORD,
      from: env.SMTP_FROM,
    };
    this.logLevel = env.LOG_LEVEL;
    this.logFile = env.LOG_FILE;
    this.secretsKey = env.SECRETS_KEY;
    this.worker = {
      inProcess: env.WORKER_IN_PROCESS,
      concurrency: env.WORKER_CONCURRENCY,
      outboxPollMs: env.OUTBOX_POLL_MS,
      outboxRedeliverAfterSeconds: env.OUTBOX_REDELIVER_AFTER_SECONDS,
    };
    this.geocoder = { url: env.GEOCODER_URL.replace(/\/+$/, ''), timeoutMs: env.GEOCODER_TIMEOUT_MS, cacheSize: env.GEOCODER_CACHE_SIZE };
    this.webhooks = {
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      allowedPrivate: hostList(env.WEBHOOK_ALLOWED_PRIVATE),
    };
    this.followUps = { reconcileMs: env.FOLLOWUP_RECONCILE_MS };
    this.push = {
      publicKey: env.VAPID_PUBLIC_KEY,
      privateKey: env.VAPID_PRIVATE_KEY,
      subject: env.VAPID_SUBJECT,
      allowedPrivate: hostList(env.PUSH_ALLOWED_PRIVATE),
    };
    this.sms = { gatewayUrl: env.SMS_GATEWAY_URL, token: env.SMS_GATEWAY_TOKEN, from: env.SMS_FROM, timeoutMs: env.SMS_TIMEOUT_MS };

    this.notifications = { streamHeartbeatMs: env.NOTIFICATION_STREAM_HEARTBEAT_MS };
  }
}
