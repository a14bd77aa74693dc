export * from './programme.entity';
export * from './programme-defaults';
export * from './programme.repository';
export * from './programmes.service';
export * from './programmes.module';
