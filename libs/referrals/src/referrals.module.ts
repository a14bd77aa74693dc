import { Module } from '@nestjs/common';
import { LocationService } from '@app/core';
import { OutboxModule } from '@app/outbox';
import { ProgrammesModule } from '@app/programmes';
import { ReferralSourceRepository } from './referral-source.repository';
import { ReferralSourcesService } from './referral-sources.service';
import { RequestInfoRepository } from './request-info.repository';
import { RequestRepository } from './request.repository';
import { RequestsService } from './requests.service';

@Module({
  imports: [ProgrammesModule, OutboxModule],
  providers: [ReferralSourceRepository, ReferralSourcesService, RequestRepository, RequestInfoRepository, RequestsService, LocationService],
  exports: [ReferralSourcesService, RequestsService, ReferralSourceRepository, RequestRepository, RequestInfoRepository],
})
export class ReferralsModule {}
