import { Module } from '@nestjs/common';
import { NotificationRepository } from '../notifications/notification.repository';
import { OutboxRepository } from './outbox.repository';

/** Writing events and notifications: any library that changes state imports this and calls `OutboxRepository.add`. */
@Module({
  providers: [OutboxRepository, NotificationRepository],
  exports: [OutboxRepository, NotificationRepository],
})
export class OutboxModule {}
