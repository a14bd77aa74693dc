import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OutboxModule } from '../outbox/outbox.module';
import { OutboxRelayService } from '../outbox/outbox-relay.service';
import { QueueModule } from '../queue/queue.module';
import { JobDispatcher } from './job-dispatcher.service';

/** What the worker runs, without the loops: the outbox relay, the job handlers and their dispatcher. */
@Module({
  imports: [DiscoveryModule, OutboxModule, QueueModule],
  providers: [OutboxRelayService, JobDispatcher],
  exports: [OutboxRelayService, JobDispatcher, OutboxModule, QueueModule],
})
export class JobsModule {}
