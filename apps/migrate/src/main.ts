import 'reflect-metadata';
// The files themselves, not the @app/core and @app/database barrels: those load the Nest config
// module, which checks the whole environment (JWT_SECRET in production) that this step does not need.
import { AppConfig } from '../../../libs/core/src/config/app-config';
import { validateEnvironment } from '../../../libs/core/src/config/environment';
import { bootLogger, exitOnBootFailure } from '../../../libs/core/src/lifecycle/boot';
import { prepareDatabase } from '../../../libs/database/src/prepare-database';

/**
 * The database step on its own, as the owner (DATABASE_OWNER_URL): create the database, migrate,
 * create the service's role and grant it. docker-compose runs this before the api and worker, which
 * then start with MIGRATE_ON_START=false and never see the owner's password.
 */
async function main(): Promise<void> {
  // Only the database settings: this step needs (and should get) no other secret.
  const { DATABASE_URL, DATABASE_OWNER_URL } = process.env;
  const config = new AppConfig(validateEnvironment({ DATABASE_URL, DATABASE_OWNER_URL }));
  await prepareDatabase(config.database, bootLogger('Database'));
  bootLogger('Migrate').log('Database ready');
}

main().catch(exitOnBootFailure('Migrate'));
