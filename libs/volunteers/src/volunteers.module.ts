import { Module } from '@nestjs/common';
import { LocationService } from '@app/core';
import { ProgrammesModule } from '@app/programmes';
import { ReferralsModule } from '@app/referrals';
import { VolunteerRepository } from './volunteer.repository';
import { VolunteersService } from './volunteers.service';

@Module({
  imports: [ProgrammesModule, ReferralsModule],
  providers: [VolunteerRepository, VolunteersService, LocationService],
  exports: [VolunteersService, VolunteerRepository],
})
export class VolunteersModule {}
