export * from './types';
export * from './eligibility';
export * from './score';
export * from './assignment';
