#!/usr/bin/env node
// Before the browser tests: Debian's Chromium must be there. Playwright's own download does not work
// here (and the tests must never fetch a browser at test time), so as root we install the distribution's
// package; anyone else gets the command to run. Never skips: a missing browser fails the test run.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const { accessSync, constants } = require('node:fs');

const browser = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const runnable = () => {
  try {
    accessSync(browser, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const hasAptGet = () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const aptInstall = () =>
  spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  }).status === 0;

function fail(message) {
  console.error(`\nThe browser tests need Chromium at ${browser}. ${message}\n`);
  process.exit(1);
}

if (!runnable()) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.env.CHROMIUM_PATH) fail('CHROMIUM_PATH names a file that is not there (or not executable).');
  if (!root || !hasAptGet()) fail('Install it with:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n\nor set CHROMIUM_PATH to a Chromium binary.');
  console.error('Chromium is missing: installing Debian\'s chromium package');
  // A fresh machine's package lists may be stale or empty: update only when the install fails without.
  if (!aptInstall()) {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    if (!aptInstall()) fail('apt-get install -y chromium failed (see above).');
  }
  if (!runnable()) fail('apt-get installed chromium, yet the binary is not there.');
}
