export * from './types';
export * from './eligibility';
export * from './score';
export * from './assignment';
export * from './candidate.repository';
export * from './matching.service';
export * from './matching.module';
export * from './vigil-wave.handler';
