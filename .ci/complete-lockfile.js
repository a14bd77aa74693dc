// The npm registry mirror these machines use lacks some platform builds of optional native packages
// (e.g. @msgpackr-extract/msgpackr-extract-darwin-arm64). `npm install` then leaves them out of
// package-lock.json, and `npm ci` refuses the lock as out of sync. This adds such entries back with
// their os/cpu, so `npm ci` skips them on other platforms without fetching. Run after `npm install`.
const fs = require('node:fs');

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openbsd', 'sunos', 'aix', 'netbsd'];
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el'];

const path = 'package-lock.json';
const lock = JSON.parse(fs.readFileSync(path, 'utf8'));
const added = [];
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${location}/node_modules/${name}`;
    if (lock.packages[key] || lock.packages[nested]) continue;
    const parts = name.split(/[/-]/).map((p) => (p === 'windows' ? 'win32' : p));
    const os = parts.find((p) => OS.includes(p));
    const cpu = parts.find((p) => CPU.includes(p));
    if (!os) continue; // not a platform build: leave it to npm
    // A build for one system but any processor (vite's napi-windows-process-start-time) names no cpu.
    lock.packages[key] = { version: version.replace(/^[\^~]/, ''), ...(cpu ? { cpu: [cpu] } : {}), optional: true, os: [os] };
    added.push(`${name}@${version} (${os}/${cpu ?? 'any'})`);
  }
}
const root = lock.packages[''];
const rest = Object.keys(lock.packages).filter((k) => k !== '').sort();
lock.packages = { '': root, ...Object.fromEntries(rest.map((k) => [k, lock.packages[k]])) };
fs.writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `Added to ${path}:\n  ${added.join('\n  ')}` : `${path} already complete`);
