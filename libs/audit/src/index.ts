export * from './audit-event.entity';
export * from './audit.repository';
export * from './audit.service';
export * from './audited.decorator';
export * from './audit.interceptor';
export * from './audit.module';
