import { Module } from '@nestjs/common';
import { JobsModule } from '@app/followups';
import { NotificationsProcessor } from './notifications.processor';
import { OutboxRelayLoop } from './outbox-relay.loop';

/**
 * The worker: the outbox relay loop and one BullMQ processor per queue. Imported by the worker's
 * own process, and by the API process when WORKER_IN_PROCESS=true (`npm start`).
 */
@Module({
  imports: [JobsModule],
  providers: [OutboxRelayLoop, NotificationsProcessor],
})
export class WorkerModule {}
