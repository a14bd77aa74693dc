import { Module } from '@nestjs/common';
import { OutboxModule } from '@app/outbox';
import { I18nModule } from '@app/i18n';
import { NotificationsModule } from '@app/notifications';
import { ReferralsModule } from '@app/referrals';
import { CandidateRepository } from './candidate.repository';
import { MatchingService } from './matching.service';
import { VigilWaveHandler } from './vigil-wave.handler';

@Module({
  imports: [I18nModule, ReferralsModule, OutboxModule, NotificationsModule],
  providers: [CandidateRepository, MatchingService, VigilWaveHandler],
  exports: [MatchingService],
})
export class MatchingModule {}
