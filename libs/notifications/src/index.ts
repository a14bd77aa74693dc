export * from './inbox/notification.entity';
export * from './inbox/notification.repository';
export * from './inbox/user-created.handler';
export * from './webhook-address';
export * from './webhook.channel';
export * from './email.channel';
export * from './notifications.module';
