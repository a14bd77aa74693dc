export * from './match.entity';
