import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CREDENTIAL_TYPES, CredentialType, DIAGNOSIS_GROUPS, DiagnosisGroup, PageMetaDto, PageQueryDto, PROGRAMME_KINDS, ProgrammeKind, queryBoolean, trim, Optional, NestedObject } from '@app/core';
import { Programme } from '@app/programmes';

export class ScoringWeightsDto {
  @ApiProperty({ example: 15 }) @IsInt() @Min(0) @Max(100) diagnosis: number;
  @ApiProperty({ example: 15 }) @IsInt() @Min(0) @Max(100) age: number;
  @ApiProperty({ example: 25 }) @IsInt() @Min(0) @Max(100) distance: number;
  @ApiProperty({ example: 25 }) @IsInt() @Min(0) @Max(100) availability: number;
  @ApiProperty({ example: 10 }) @IsInt() @Min(0) @Max(100) load: number;
  @ApiProperty({ example: 10 }) @IsInt() @Min(0) @Max(100) continuity: number;
}

export class FollowUpScheduleDto {
  @ApiProperty({ example: 7, description: 'First contact check, days after the match starts' }) @IsInt() @Min(0) @Max(365) firstContactDays: number;
  @ApiProperty({ example: 6, description: 'First evaluation, weeks after the start' }) @IsInt() @Min(0) @Max(104) evaluationWeeks: number;
  @ApiProperty({ example: 3, description: 'Then an evaluation every N months' }) @IsInt() @Min(1) @Max(24) thenEveryMonths: number;
  @ApiProperty({ example: 4, description: 'Duration review, weeks before the maximum duration' }) @IsInt() @Min(0) @Max(52) durationReviewWeeksBefore: number;
}

class PartialScoringWeightsDto extends PartialType(ScoringWeightsDto, { skipNullProperties: false }) {}
class PartialFollowUpScheduleDto extends PartialType(FollowUpScheduleDto, { skipNullProperties: false }) {}

export class CreateProgrammeDto {
  @ApiProperty({ example: 'Buddyzorg Utrecht' })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiProperty({ enum: PROGRAMME_KINDS, example: 'buddy' })
  @IsIn(PROGRAMME_KINDS)
  kind: ProgrammeKind;

  @ApiPropertyOptional({ nullable: true, example: 'Wekelijks bezoek door een getrainde buddy, maximaal een jaar' })
  @IsOptional() @IsString() @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ default: true })
  @Optional() @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: CREDENTIAL_TYPES, isArray: true, example: ['vog', 'basic_training'], description: 'Default per kind' })
  @Optional() @IsArray() @ArrayUnique() @IsIn(CREDENTIAL_TYPES, { each: true })
  requiredCredentials?: CredentialType[];

  @ApiPropertyOptional({ type: Number, nullable: true, example: 70, description: 'Inclusion rule: minimum client age on the start date' })
  @IsOptional() @IsInt() @Min(0) @Max(120)
  minClientAge?: number | null;

  @ApiPropertyOptional({ enum: DIAGNOSIS_GROUPS, isArray: true, example: [], description: 'Inclusion rule: only these diagnosis groups (empty: all)' })
  @Optional() @IsArray() @ArrayUnique() @IsIn(DIAGNOSIS_GROUPS, { each: true })
  diagnosisGroups?: DiagnosisGroup[];

  @ApiPropertyOptional({ type: Number, example: 12, nullable: true, description: 'Maximum match duration (null: none)' })
  @IsOptional() @IsInt() @Min(1) @Max(120)
  maxMatchMonths?: number | null;

  @ApiPropertyOptional({ example: 15 })
  @Optional() @IsInt() @Min(1) @Max(300)
  maxDistanceKm?: number;

  @ApiPropertyOptional({ type: PartialScoringWeightsDto, description: 'Missing weights keep the default of the kind' })
  @Optional() @NestedObject(() => PartialScoringWeightsDto)
  scoringWeights?: PartialScoringWeightsDto;

  @ApiPropertyOptional({ type: PartialFollowUpScheduleDto })
  @Optional() @NestedObject(() => PartialFollowUpScheduleDto)
  followUpSchedule?: PartialFollowUpScheduleDto;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 5, description: 'Vigil: volunteers per offer wave' })
  @IsOptional() @IsInt() @Min(1) @Max(100)
  vigilWaveSize?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 30, description: 'Vigil: minutes between waves' })
  @IsOptional() @IsInt() @Min(1) @Max(1440)
  vigilWaveIntervalMinutes?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 120, description: 'Vigil: minutes until coordinators are alerted when nobody accepted' })
  @IsOptional() @IsInt() @Min(1) @Max(10080)
  vigilEscalationMinutes?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 72, description: 'Vigil: the longest window a request may ask for, in hours (default 72)' })
  @IsOptional() @IsInt() @Min(1) @Max(168)
  maxVigilHours?: number | null;

  @ApiPropertyOptional({ type: Number, example: 1, nullable: true, description: 'Feedback: a progress message to the referrer every N months of a running match (null: none)' })
  @IsOptional() @IsInt() @Min(1) @Max(24)
  progressFeedbackMonths?: number | null;

  @ApiPropertyOptional({ example: 14, description: 'Feedback: tell the referrer when a request has waited this many days without a match' })
  @Optional() @IsInt() @Min(1) @Max(365)
  noMatchFeedbackDays?: number;
}

export class UpdateProgrammeDto extends PartialType(OmitType(CreateProgrammeDto, ['kind'] as const), { skipNullProperties: false }) {}

export class ListProgrammesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROGRAMME_KINDS })
  @Optional() @IsIn(PROGRAMME_KINDS)
  kind?: ProgrammeKind;

  @ApiPropertyOptional()
  @Optional() @Transform(queryBoolean) @IsBoolean()
  active?: boolean;
}

export class ProgrammeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Buddyzorg Utrecht' }) name: string;
  @ApiProperty({ enum: PROGRAMME_KINDS, example: 'buddy' }) kind: ProgrammeKind;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: CREDENTIAL_TYPES, isArray: true, example: ['vog', 'basic_training'] }) requiredCredentials: CredentialType[];
  @ApiProperty({ nullable: true, type: Number, example: null }) minClientAge: number | null;
  @ApiProperty({ enum: DIAGNOSIS_GROUPS, isArray: true, example: [] }) diagnosisGroups: DiagnosisGroup[];
  @ApiProperty({ nullable: true, type: Number, example: 12 }) maxMatchMonths: number | null;
  @ApiProperty({ example: 15 }) maxDistanceKm: number;
  @ApiProperty({ type: ScoringWeightsDto }) scoringWeights: ScoringWeightsDto;
  @ApiProperty({ type: FollowUpScheduleDto }) followUpSchedule: FollowUpScheduleDto;
  @ApiProperty({ nullable: true, type: Number }) vigilWaveSize: number | null;
  @ApiProperty({ nullable: true, type: Number }) vigilWaveIntervalMinutes: number | null;
  @ApiProperty({ nullable: true, type: Number }) vigilEscalationMinutes: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 72 }) maxVigilHours: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 1 }) progressFeedbackMonths: number | null;
  @ApiProperty({ example: 14 }) noMatchFeedbackDays: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;

  static from(p: Programme): ProgrammeDto {
    return {
      id: p.id,
      name: p.name,
      kind: p.kind,
      description: p.description,
      active: p.active,
      requiredCredentials: p.requiredCredentials,
      minClientAge: p.minClientAge,
      diagnosisGroups: p.diagnosisGroups,
      maxMatchMonths: p.maxMatchMonths,
      maxDistanceKm: p.maxDistanceKm,
      scoringWeights: p.scoringWeights,
      followUpSchedule: p.followUpSchedule,
      vigilWaveSize: p.vigilWaveSize,
      vigilWaveIntervalMinutes: p.vigilWaveIntervalMinutes,
      vigilEscalationMinutes: p.vigilEscalationMinutes,
      maxVigilHours: p.maxVigilHours,
      progressFeedbackMonths: p.progressFeedbackMonths,
      noMatchFeedbackDays: p.noMatchFeedbackDays,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}

export class ProgrammePageDto extends PageMetaDto {
  @ApiProperty({ type: [ProgrammeDto] }) items: ProgrammeDto[];
}
