import { Module } from '@nestjs/common';
import { OutboxRepository } from './outbox.repository';

/** Writing events: any library that changes state imports this and calls `OutboxRepository.add`. */
@Module({
  providers: [OutboxRepository],
  exports: [OutboxRepository],
})
export class OutboxModule {}
