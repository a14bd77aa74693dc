// Data source for the TypeORM CLI (`npm run migration:generate|run|revert`).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/volunteer_match';

export default new DataSource(dataSourceOptions(process.env.DATABASE_URL || DEFAULT_URL));
