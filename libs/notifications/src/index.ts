export * from './webhook-address';
export * from './webhook.channel';
export * from './email.channel';
export * from './notifications.module';
