// Data source for the TypeORM CLI (`npm run migration:generate|run|revert`).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
// Not the @app/core barrel: it loads the Nest config module, which checks the whole environment.
import { AppConfig } from '../../core/src/config/app-config';
import { validateEnvironment } from '../../core/src/config/environment';
import { dataSourceOptions } from './data-source-options';

// Migrations are the owner's work: DATABASE_OWNER_URL, else DATABASE_URL's database as `postgres`.
const { DATABASE_URL, DATABASE_OWNER_URL } = process.env;
export default new DataSource(dataSourceOptions(new AppConfig(validateEnvironment({ DATABASE_URL, DATABASE_OWNER_URL })).database.ownerUrl));
