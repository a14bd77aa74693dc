// After `vite build`: a brotli and a gzip copy beside each text file, so the API serves them
// compressed without compressing on every request (@fastify/static `preCompressed`). On a phone on 3G
// the bundle's size is most of the wait.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('../../dist/portal', import.meta.url).pathname;
const TEXT = /\.(js|css|html|svg|webmanifest|json)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.test(name)) yield path;
  }
}

// The service worker keeps every file of the build, so any screen opens without the network.
const assets = readdirSync(join(root, 'assets')).filter((name) => !/\.(br|gz)$/.test(name)).map((name) => `/assets/${name}`);
writeFileSync(join(root, 'asset-list.json'), JSON.stringify(assets));

for (const path of files(root)) {
  const content = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
}
