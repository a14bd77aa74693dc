export * from './data-source-options';
export * from './prepare-database';
export * from './database.module';
export * from './safe-query-logger';
