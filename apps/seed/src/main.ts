/* eslint-disable no-console -- a command-line tool: its output is for the person running it */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { prepareDatabase } from '@app/database';
import { bootLogger } from '@app/core';
import { seed } from './seed';

const USAGE = `Usage: npm run seed -- [--volunteers N] [--requests M] [--organisation NAME] [--seed S]

Creates a demo organisation with programmes of every kind, referral sources of every type, users for
every role, N volunteers and M open requests spread over real Dutch places. DATABASE_URL picks the
database (default postgres://postgres@127.0.0.1:5432/volunteer_match); it is created and migrated first.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      volunteers: { type: 'string', default: '200' },
      requests: { type: 'string', default: '50' },
      organisation: { type: 'string', default: 'Demo hospice' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const count = (name: string, raw: string, max: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`--${name} must be a whole number from 0 to ${max}`);
    return n;
  };
  const options = {
    databaseUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/volunteer_match',
    volunteers: count('volunteers', values.volunteers as string, 2_000_000),
    requests: count('requests', values.requests as string, 500_000),
    organisation: values.organisation as string,
    seed: count('seed', values.seed as string, 2 ** 31),
  };
  await prepareDatabase(options.databaseUrl, bootLogger('Database'));
  const result = await seed(options, (line) => console.error(line));
  console.log(`\nSeeded "${options.organisation}" (${result.organisationId}) in ${result.seconds.toFixed(1)} s:`);
  for (const [what, n] of Object.entries(result.counts)) console.log(`  ${what.padEnd(16)} ${n}`);
  console.log(`\nLogins (password: ${result.password}):`);
  for (const login of result.logins) console.log(`  ${login.role.padEnd(12)} ${login.email}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
