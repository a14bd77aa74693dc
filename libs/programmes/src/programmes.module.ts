import { Module } from '@nestjs/common';
import { ProgrammeRepository } from './programme.repository';
import { ProgrammesService } from './programmes.service';

@Module({
  providers: [ProgrammeRepository, ProgrammesService],
  exports: [ProgrammesService, ProgrammeRepository],
})
export class ProgrammesModule {}
