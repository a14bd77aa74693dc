import { Module } from '@nestjs/common';
import { GeoModule } from '@app/core';
import { FeedbackModule } from '@app/feedback';
import { IdentityModule } from '@app/identity';
import { JobsModule } from '@app/outbox';
import { MatchesModule } from '@app/matches';
import { MatchingModule } from '@app/matching';
import { NotificationsModule } from '@app/notifications';

/**
 * The job dispatcher with every library that holds a job handler, so its startup check (exactly one
 * handler per job) sees them all. Without the loops and processors: tests use it to run handlers.
 */
@Module({
  imports: [GeoModule, JobsModule, NotificationsModule, IdentityModule, MatchingModule, MatchesModule, FeedbackModule],
  exports: [JobsModule, FeedbackModule],
})
export class JobHandlersModule {}
