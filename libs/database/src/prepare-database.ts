import { Logger, LoggerService } from '@nestjs/common';
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS_TABLE } from './data-source-options';

const MIGRATION_LOCK_ID = 741_852_963; // arbitrary, fixed: one migrator at a time across processes

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    throw new Error(`DATABASE_URL names the database "${name}"; use letters, digits, _ or -`);
  }
  return name;
}

function maintenanceUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  const name = databaseName(url);
  const client = new Client({ connectionString: maintenanceUrl(url) });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42P04') throw error; // created by a concurrent starter
    }
    return true;
  } finally {
    await client.end();
  }
}

/** Runs `fn` on a one-connection data source holding the advisory lock, so api and worker can start together. */
async function withMigrationLock<T>(url: string, fn: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource({ ...dataSourceOptions(url), extra: { max: 1 } });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      return await fn(dataSource);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    await dataSource.destroy();
  }
}

async function migrate(dataSource: DataSource, logger: LoggerService): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  for (const migration of applied) logger.log(`Applied migration ${migration.name}`);
  return applied.map((m) => m.name);
}

/** Applies pending migrations under an advisory lock, so api and worker can start together. */
export async function runPendingMigrations(url: string, logger: LoggerService = new Logger('Database')): Promise<string[]> {
  return withMigrationLock(url, (dataSource) => migrate(dataSource, logger));
}

/** The role and password a postgres:// URL logs in with. */
function credentials(url: string): { role: string; password?: string } {
  const u = new URL(url);
  return { role: decodeURIComponent(u.username), password: u.password ? decodeURIComponent(u.password) : undefined };
}

/**
 * A SCRAM-SHA-256 verifier (RFC 5803, as PostgreSQL stores it): CREATE ROLE gets this instead of the
 * password, so the password never appears in a statement the server might log.
 */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();
  const storedKey = createHash('sha256').update(hmac(salted, 'Client Key')).digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${hmac(salted, 'Server Key').toString('base64')}`;
}

const duplicateRole = (error: unknown) => ['42710', '23505'].includes((error as { code?: string }).code ?? '');

/** Creates the service's login role when missing: no superuser, no CREATEDB/CREATEROLE, no BYPASSRLS. */
async function ensureRole(dataSource: DataSource, role: string, password: string | undefined, logger: LoggerService): Promise<void> {
  const [exists] = await dataSource.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (exists) return; // made by the operator, or by an earlier start: left as it is
  const [{ sql }] = await dataSource.query(
    `SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS' || CASE WHEN $2::text IS NULL THEN '' ELSE ' PASSWORD %L' END, $1::text, $2::text) AS sql`,
    [role, password === undefined ? null : scramVerifier(password)],
  );
  try {
    await dataSource.query(sql);
    logger.log(`Created the database role ${role} for the service (DATABASE_URL)`);
  } catch (error) {
    if (duplicateRole(error)) return; // created meanwhile by a starter of another database
    if ((error as { code?: string }).code === '42501') {
      throw new Error(
        `The role "${role}" of DATABASE_URL does not exist, and the role of DATABASE_OWNER_URL may not create roles. ` +
          'Create it once as a superuser (CREATE ROLE <name> LOGIN PASSWORD \'...\'), or give the owner CREATEROLE.',
      );
    }
    throw error;
  }
}

/**
 * Gives the service's role exactly what it needs, after every migration run (new tables included):
 * read and write on the tables, on `audit_event` only read and insert, nothing on the migrations
 * table. Revoke-then-grant in one transaction, so the result is exact and concurrent queries see
 * either the old or the new privileges. A role that is superuser or owns tables is left alone:
 * revoking would strip an owner of its own tables, and such a role is refused by checkServiceRole.
 */
async function grantServiceRole(dataSource: DataSource, role: string, logger: LoggerService): Promise<void> {
  const [{ powerful }] = await dataSource.query(
    `SELECT r.rolsuper OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND pg_has_role(r.oid, c.relowner, 'MEMBER')) AS powerful
       FROM pg_roles r WHERE r.rolname = $1`,
    [role],
  );
  if (powerful) {
    logger.warn(`Not granting privileges to ${role}: it is a superuser or owns tables, so it could switch off the audit log's protection`);
    return;
  }
  const [{ sql }] = await dataSource.query(
    `SELECT format($f$
       REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %1$I;
       REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %1$I;
       GRANT USAGE ON SCHEMA public TO %1$I;
       GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1$I;
       GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %1$I;
       REVOKE ALL ON TABLE %2$I FROM %1$I;
       REVOKE ALL ON SEQUENCE %3$s FROM %1$I;
       REVOKE ALL ON TABLE audit_event FROM %1$I;
       GRANT SELECT, INSERT ON TABLE audit_event TO %1$I;
     $f$, $1::text, $2::text, pg_get_serial_sequence(quote_ident($2::text), 'id')) AS sql`,
    [role, MIGRATIONS_TABLE],
  );
  await dataSource.transaction((manager) => manager.query(sql));
}

/**
 * What the api and worker do before they boot (unless MIGRATE_ON_START=false), as the owner: create
 * the database if needed, migrate, create the service's role if missing and (re)apply its grants.
 */
export async function prepareDatabase(urls: { url: string; ownerUrl: string }, logger: LoggerService = new Logger('Database')): Promise<void> {
  if (await ensureDatabaseExists(urls.ownerUrl)) logger.log(`Created database ${databaseName(urls.ownerUrl)}`);
  const { role, password } = credentials(urls.url);
  await withMigrationLock(urls.ownerUrl, async (dataSource) => {
    await migrate(dataSource, logger);
    await ensureRole(dataSource, role, password, logger);
    await grantServiceRole(dataSource, role, logger);
  });
}

/**
 * Refuses (in production; elsewhere warns) to run as a role that could rewrite or switch off the
 * audit log: a superuser, an owner of tables (or a member of the owner) or one allowed to change
 * `audit_event`. Connects as the service does (DATABASE_URL).
 */
export async function checkServiceRole(url: string, options: { production: boolean }, logger: LoggerService = new Logger('Database')): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT r.rolsuper AS superuser,
              EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owner,
              CASE WHEN to_regclass('public.audit_event') IS NULL THEN false
                   ELSE has_table_privilege('public.audit_event', 'UPDATE, DELETE, TRUNCATE, TRIGGER') END AS audit_writer
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const [{ superuser, owner, audit_writer: auditWriter }] = rows;
    const problems = [superuser && 'is a superuser', owner && 'owns tables', auditWriter && 'may change or empty audit_event'].filter(Boolean);
    if (problems.length === 0) return;
    const message =
      `DATABASE_URL logs in as "${credentials(url).role}", which ${problems.join(', ')}: the service could rewrite or switch off its own audit log. ` +
      'Use a role that owns nothing (see README, "Database roles")';
    if (options.production) throw new Error(message);
    logger.warn(message);
  } finally {
    await client.end();
  }
}
