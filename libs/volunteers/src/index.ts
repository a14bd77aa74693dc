export * from './volunteer.entity';
export * from './credential.entity';
export * from './unavailable-period.entity';
export * from './volunteer.repository';
export * from './volunteers.service';
export * from './volunteers.module';
