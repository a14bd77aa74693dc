import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createApp } from './create-app';
import { buildOpenApiDocument } from './openapi';

/**
 * Writes the OpenAPI document to a file without serving it (`npm run api:client` turns it into the
 * portal's typed client). The app is built but never initialised, so nothing starts or listens.
 */
async function main(): Promise<void> {
  const target = process.argv[2] ?? 'openapi.json';
  const app = await createApp({ withWorker: false });
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
