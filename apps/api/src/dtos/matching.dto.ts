import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { Optional } from '@app/core';
import { MATCH_STATUSES, MatchStatus } from '@app/matches';
import { ShownProposedMatch } from '@app/matching';

/** The hard rules, in the order the matcher applies them. */
const RULES = ['status', 'kind', 'credentials', 'capacity', 'distance', 'availability', 'language', 'excluded'];

export class CandidatesQueryDto {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @Optional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ enum: ['excluded'], description: 'Also say, for volunteers nearby, which rule excluded them' })
  @Optional() @IsIn(['excluded'])
  explain?: 'excluded';
}

export class ScoreComponentDto {
  @ApiProperty({ enum: ['diagnosis', 'age', 'distance', 'availability', 'load', 'continuity'], example: 'distance' }) name: string;
  @ApiProperty({ example: 20.3 }) points: number;
  @ApiProperty({ example: 25 }) weight: number;
  @ApiProperty({ example: '2.1 km away' }) reason: string;
}

export class CandidateDto {
  @ApiProperty({ format: 'uuid' }) volunteerId: string;
  @ApiProperty({ example: 'Marieke' }) firstName: string;
  @ApiProperty({ example: 'de Vries' }) lastName: string;
  @ApiProperty({ example: 87.5, description: '0–100' }) score: number;
  @ApiProperty({ example: 2.1 }) distanceKm: number;
  @ApiProperty({ type: [ScoreComponentDto] }) components: ScoreComponentDto[];
}

export class ExcludedVolunteerDto {
  @ApiProperty({ format: 'uuid' }) volunteerId: string;
  @ApiProperty({ example: 'Piet' }) firstName: string;
  @ApiProperty({ example: 'Jansen' }) lastName: string;
  @ApiProperty({ example: 3.4 }) distanceKm: number;
  @ApiProperty({ enum: RULES, example: 'credentials' }) rule: string;
  @ApiProperty({ example: 'No valid vog on 2027-01-04' }) reason: string;
}

export class CandidateListDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ type: [CandidateDto] }) candidates: CandidateDto[];
  @ApiPropertyOptional({ type: [ExcludedVolunteerDto] }) excluded?: ExcludedVolunteerDto[];
}

export class RuleOutcomeDto {
  @ApiProperty({ enum: RULES, example: 'credentials' }) rule: string;
  @ApiProperty({ example: false }) passed: boolean;
  @ApiProperty({ example: 'No valid vog on 2027-01-04' }) reason: string;
}

export class VolunteerExplanationDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ format: 'uuid' }) volunteerId: string;
  @ApiProperty({ example: 'Piet' }) firstName: string;
  @ApiProperty({ example: 'Jansen' }) lastName: string;
  @ApiProperty({ description: 'Whether every hard rule passes' }) eligible: boolean;
  @ApiProperty({ example: 3.4 }) distanceKm: number;
  @ApiPropertyOptional({ enum: RULES, description: 'The first rule that fails (as in the candidate list’s excluded)' }) rule?: string;
  @ApiPropertyOptional({ example: 'No valid vog on 2027-01-04' }) reason?: string;
  @ApiProperty({ type: [RuleOutcomeDto], description: 'Every hard rule, in the order they are applied' }) rules: RuleOutcomeDto[];
  @ApiPropertyOptional({ example: 87.5, description: '0–100, when eligible' }) score?: number;
  @ApiPropertyOptional({ type: [ScoreComponentDto], description: 'When eligible' }) components?: ScoreComponentDto[];
}

export class ProposeMatchDto {
  @ApiProperty({ format: 'uuid', example: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f' }) @IsUUID() volunteerId: string;
}

export class MatchDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ format: 'uuid' }) volunteerId: string;
  @ApiProperty({ enum: MATCH_STATUSES, example: 'proposed' }) status: MatchStatus;
  @ApiProperty({ example: 87.5 }) score: number;
  @ApiProperty({ type: [ScoreComponentDto] }) breakdown: ScoreComponentDto[];
  @ApiProperty({ type: String, format: 'date-time' }) proposedAt: Date;

  static from(m: ShownProposedMatch): MatchDto {
    return { id: m.id, requestId: m.requestId, clientId: m.clientId, volunteerId: m.volunteerId, status: m.status, score: m.score, breakdown: m.breakdown, proposedAt: m.proposedAt };
  }
}

export class AssignDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this programme's triaged requests" })
  @Optional() @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Only these requests (those not triaged are left out; vigils are left to their offer waves and listed as unassigned)' })
  @Optional() @IsArray() @ArrayMaxSize(5000) @IsUUID('all', { each: true })
  requestIds?: string[];

  @ApiPropertyOptional({ default: false, example: true, description: 'Compute and return the proposals without storing anything' })
  @Optional() @IsBoolean()
  dryRun: boolean = false;
}

export class ProposalDto extends CandidateDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The stored proposed match (not with dryRun)' }) matchId?: string;
}

export class UnassignedDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ example: 'No eligible volunteer' }) reason: string;
}

export class AssignOutcomeDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ example: 1734.5, description: 'Sum of the proposals’ scores: the highest possible' }) total: number;
  @ApiProperty({ type: [ProposalDto] }) proposals: ProposalDto[];
  @ApiProperty({ type: [UnassignedDto] }) unassigned: UnassignedDto[];
}
