/* eslint-disable no-console -- a command-line tool: the summary goes to stdout, progress to stderr */
import 'reflect-metadata';
import { LoggerService } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { AppConfig, validateEnvironment } from '@app/core';
import { prepareDatabase } from '@app/database';
import { seed } from './seed';

const USAGE = `Usage: npm run seed -- [--volunteers N] [--requests M] [--organisation NAME] [--seed S]

Creates a demo organisation: programmes of every kind, referral sources of every type, users of every
role, N volunteers (with credentials and absences) and M open requests (each with its client), spread
over real Dutch places. The same --seed gives the same people; every run makes a new organisation.

  --volunteers N       volunteers to create (default 200)
  --requests M         open requests to create, one client each (default 50)
  --organisation NAME  the organisation's name (default "Demo hospice")
  --seed S             seed of the generated data (default 1)
  --help               print this text

DATABASE_URL picks the database, as for the service (default
postgres://volunteer_match_app@127.0.0.1:5432/volunteer_match). The data is written as the owner
(DATABASE_OWNER_URL, default the user postgres), which also creates and migrates the database first
when needed. Progress goes to stderr, the summary and logins to stdout.`;

/** Migration messages go to stderr, so stdout carries only the summary. */
const stderrLogger: LoggerService = {
  log: (message: unknown) => console.error(String(message)),
  warn: (message: unknown) => console.error(String(message)),
  error: (message: unknown) => console.error(String(message)),
};

function count(name: string, raw: string, max: number): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < 0 || n > max) throw new Error(`--${name} must be a whole number from 0 to ${max} (got "${raw}")`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      volunteers: { type: 'string', default: '200' },
      requests: { type: 'string', default: '50' },
      organisation: { type: 'string', default: 'Demo hospice' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const organisation = values.organisation.trim();
  if (!organisation) throw new Error('--organisation must not be empty');
  // Only the database settings, with the service's defaults; the rest of the environment is not needed.
  const { DATABASE_URL, DATABASE_OWNER_URL } = process.env;
  const database = new AppConfig(validateEnvironment({ DATABASE_URL, DATABASE_OWNER_URL })).database;
  const options = {
    databaseUrl: database.ownerUrl, // a bulk load is the owner's work: ANALYZE afterwards needs the table owner
    volunteers: count('volunteers', values.volunteers, 2_000_000),
    requests: count('requests', values.requests, 1_000_000),
    organisation,
    seed: count('seed', values.seed, 2 ** 32 - 1),
  };
  const started = Date.now();
  await prepareDatabase(database, stderrLogger);
  const result = await seed(options, (line) => console.error(line));

  const name = decodeURIComponent(new URL(options.databaseUrl).pathname.slice(1));
  console.log(`Seeded "${options.organisation}" (organisation ${result.organisationId}) into ${name} with --seed ${options.seed}`);
  console.log(`in ${result.seconds.toFixed(1)} s (${((Date.now() - started) / 1000).toFixed(1)} s with database preparation):`);
  for (const [what, n] of Object.entries(result.counts)) console.log(`  ${what.padEnd(20)} ${n.toLocaleString('en-GB')}`);
  console.log('\nLogins (one per role; every user of this organisation has the same password):');
  for (const login of result.logins) console.log(`  ${login.role.padEnd(12)} ${login.email.padEnd(44)} ${result.password}   (${login.name})`);
}

main().catch((error: Error) => {
  console.error(`seed failed: ${error.message}`);
  process.exit(1);
});
