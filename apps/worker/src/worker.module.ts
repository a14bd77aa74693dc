import { Module } from '@nestjs/common';
import { JobHandlersModule } from './job-handlers.module';
import { QUEUE_PROCESSORS } from './queue.processors';
import { OutboxRelayLoop } from './outbox-relay.loop';
import { FollowUpReconcilerLoop } from './follow-up-reconciler.loop';
import { CredentialScanStarter } from './credential-scan.starter';

/**
 * The worker: the outbox relay loop, the follow-up reconciler, the start of the daily credential scan
 * and one BullMQ processor per queue. Imported by the worker's
 * own process, and by the API process when WORKER_IN_PROCESS=true (`npm start`).
 */
@Module({
  imports: [JobHandlersModule],
  providers: [OutboxRelayLoop, FollowUpReconcilerLoop, CredentialScanStarter, ...QUEUE_PROCESSORS],
})
export class WorkerModule {}
