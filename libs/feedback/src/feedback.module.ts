import { I18nModule } from '@app/i18n';
import { Module } from '@nestjs/common';
import { OutboxModule } from '@app/outbox';
import { NotificationsModule } from '@app/notifications';
import { ReferralsModule } from '@app/referrals';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackService } from './feedback.service';
import { FollowUpRepository } from './follow-up.repository';
import { FollowUpsService } from './follow-ups.service';
import { LOOP_HANDLERS } from './loop.handlers';
import { MatchFactsRepository } from './match-facts.repository';

/** The closed loop: follow-ups for coordinators, feedback for referrers and GPs, and the handlers that create them. */
@Module({
  imports: [I18nModule, OutboxModule, NotificationsModule, ReferralsModule],
  providers: [FeedbackRepository, FeedbackService, FollowUpRepository, FollowUpsService, MatchFactsRepository, ...LOOP_HANDLERS],
  exports: [FeedbackService, FollowUpsService, FollowUpRepository],
})
export class FeedbackModule {}
