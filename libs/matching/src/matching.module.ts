import { Module } from '@nestjs/common';
import { CandidateRepository } from './candidate.repository';
import { MatchingService } from './matching.service';

@Module({
  providers: [CandidateRepository, MatchingService],
  exports: [MatchingService],
})
export class MatchingModule {}
