import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { CREDENTIAL_TYPES, CredentialType, DIAGNOSIS_GROUPS, DiagnosisGroup, GENDERS, Gender, LANGUAGE_CODE, maskToSlots, PageMetaDto, PageQueryDto, PROGRAMME_KINDS, ProgrammeKind, trim, trimLower, VOLUNTEER_STATUSES, VolunteerStatus, Optional, CalendarDate, DateTime, NestedObject, NestedObjects } from '@app/core';
import { VolunteerInviteDto } from './account.dto';
import { Credential, VolunteerRecord } from '@app/volunteers';
import { LocationDto, LocationViewDto, SlotDto } from './common.dto';

const today = () => new Date().toISOString().slice(0, 10);

export class UnavailablePeriodDto {
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-20T00:00:00+01:00' }) @DateTime() startsAt: Date;
  @ApiProperty({ type: String, format: 'date-time', example: '2027-01-04T00:00:00+01:00' }) @DateTime() endsAt: Date;
  @ApiPropertyOptional({ type: String, example: 'Vakantie', nullable: true }) @IsOptional() @IsString() @MaxLength(200) reason?: string | null;
}

export class CreateVolunteerDto extends LocationDto {
  @ApiPropertyOptional({ type: VolunteerInviteDto, description: 'Invite the volunteer to log in, in the same call' })
  @Optional() @NestedObject(() => VolunteerInviteDto)
  invite?: VolunteerInviteDto;

  @ApiProperty({ example: 'Marieke' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) firstName: string;
  @ApiProperty({ example: 'de Vries' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) lastName: string;
  @ApiPropertyOptional({ nullable: true, example: 'marieke.devries@example.org' }) @IsOptional() @Transform(trimLower) @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ nullable: true, example: '06 12345678' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(40) phone?: string;
  @ApiProperty({ example: '1958-04-12', description: 'YYYY-MM-DD' }) @CalendarDate({ past: true }) birthDate: string;
  @ApiPropertyOptional({ enum: GENDERS, example: 'female' }) @Optional() @IsIn(GENDERS) gender?: Gender;

  @ApiPropertyOptional({ example: ['nl', 'en'], description: 'ISO 639-1 codes' })
  @Optional() @IsArray() @ArrayUnique() @ArrayMaxSize(20) @Matches(LANGUAGE_CODE, { each: true, message: 'validation.languageCode' })
  languages?: string[];

  @ApiPropertyOptional({ example: 10, default: 10 }) @Optional() @IsInt() @Min(0) @Max(300) maxTravelKm?: number;

  @ApiPropertyOptional({ enum: PROGRAMME_KINDS, isArray: true, example: ['buddy', 'vigil'] })
  @Optional() @IsArray() @ArrayUnique() @IsIn(PROGRAMME_KINDS, { each: true })
  kinds?: ProgrammeKind[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' }) @Optional() @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) programmeIds?: string[];

  @ApiPropertyOptional({ type: [SlotDto], description: 'Weekly availability' })
  @Optional() @NestedObjects(() => SlotDto) @ArrayMaxSize(28)
  availability?: SlotDto[];

  @ApiPropertyOptional({ example: 1, default: 1 }) @Optional() @IsInt() @Min(1) @Max(20) maxConcurrentClients?: number;

  @ApiPropertyOptional({ enum: DIAGNOSIS_GROUPS, isArray: true, description: 'Peers: diagnoses lived through' })
  @Optional() @IsArray() @ArrayUnique() @IsIn(DIAGNOSIS_GROUPS, { each: true })
  livedExperienceDiagnoses?: DiagnosisGroup[];

  @ApiPropertyOptional({ enum: DIAGNOSIS_GROUPS, isArray: true, example: ['cancer_lung', 'copd'], description: 'Experience with or comfort with' })
  @Optional() @IsArray() @ArrayUnique() @IsIn(DIAGNOSIS_GROUPS, { each: true })
  experienceDiagnoses?: DiagnosisGroup[];

  @ApiPropertyOptional({ type: Number, example: 60, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(0) @Max(120) preferredClientAgeMin?: number | null;
  @ApiPropertyOptional({ type: Number, example: 95, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(0) @Max(120) preferredClientAgeMax?: number | null;

  @ApiPropertyOptional({ example: ['wandelen', 'muziek'] })
  @Optional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(50, { each: true })
  interests?: string[];

  @ApiPropertyOptional({ enum: VOLUNTEER_STATUSES, default: 'applicant' }) @Optional() @IsIn(VOLUNTEER_STATUSES) status?: VolunteerStatus;

  @ApiPropertyOptional({ type: [UnavailablePeriodDto], description: 'Replaces the list when given' })
  @Optional() @NestedObjects(() => UnavailablePeriodDto) @ArrayMaxSize(100)
  unavailablePeriods?: UnavailablePeriodDto[];
}

export class UpdateVolunteerDto extends PartialType(OmitType(CreateVolunteerDto, ['invite'] as const), { skipNullProperties: false }) {}

export class AvailabilityDto {
  @ApiProperty({ type: [SlotDto], example: [{ day: 'tue', part: 'afternoon' }, { day: 'thu', part: 'evening' }] })
  @NestedObjects(() => SlotDto) @ArrayMaxSize(28)
  slots: SlotDto[];
}

export class CreateCredentialDto {
  @ApiProperty({ enum: CREDENTIAL_TYPES, example: 'vog' }) @IsIn(CREDENTIAL_TYPES) type: CredentialType;
  @ApiProperty({ example: '2025-03-01' }) @CalendarDate({ from: '1950-01-01', to: '2100-12-31' }) issuedOn: string;
  @ApiPropertyOptional({ type: String, example: '2028-03-01', nullable: true, description: 'Leave out when it does not expire' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @CalendarDate({ from: '1950-01-01', to: '2100-12-31' })
  expiresOn?: string | null;
}

export class ListVolunteersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROGRAMME_KINDS }) @Optional() @IsIn(PROGRAMME_KINDS) kind?: ProgrammeKind;
  @ApiPropertyOptional({ enum: VOLUNTEER_STATUSES }) @Optional() @IsIn(VOLUNTEER_STATUSES) status?: VolunteerStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID() programmeId?: string;
  @ApiPropertyOptional({ example: '2027-01-01', description: 'Volunteers with a credential expiring before this date (or expired)' })
  @Optional() @CalendarDate({ from: '1950-01-01', to: '2100-12-31' })
  credentialExpiringBefore?: string;
  @ApiPropertyOptional({ example: 52.09, description: 'With lon and km: only volunteers within km of this point, nearest first' })
  @Optional() @Type(() => Number) @IsNumber() @IsLatitude()
  lat?: number;
  @ApiPropertyOptional({ example: 5.12 }) @Optional() @Type(() => Number) @IsNumber() @IsLongitude() lon?: number;
  @ApiPropertyOptional({ example: 10 }) @Optional() @Type(() => Number) @IsNumber() @Min(0.1) @Max(300) km?: number;
  @ApiPropertyOptional({ description: 'Part of the name' }) @Optional() @Transform(trim) @IsString() @MaxLength(100) q?: string;
}

export class CredentialDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CREDENTIAL_TYPES, example: 'vog' }) type: CredentialType;
  @ApiProperty({ example: '2025-03-01' }) issuedOn: string;
  @ApiProperty({ nullable: true, type: String, example: '2028-03-01' }) expiresOn: string | null;
  @ApiProperty({ description: 'Valid today' }) valid: boolean;

  static from(c: Credential): CredentialDto {
    return { id: c.id, type: c.type, issuedOn: c.issuedOn, expiresOn: c.expiresOn, valid: c.issuedOn <= today() && (!c.expiresOn || c.expiresOn >= today()) };
  }
}

export class VolunteerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Marieke' }) firstName: string;
  @ApiProperty({ example: 'de Vries' }) lastName: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ example: '1958-04-12' }) birthDate: string;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiProperty({ example: ['nl'] }) languages: string[];
  @ApiProperty({ type: LocationViewDto }) location: LocationViewDto;
  @ApiProperty({ example: 10 }) maxTravelKm: number;
  @ApiProperty({ enum: PROGRAMME_KINDS, isArray: true }) kinds: ProgrammeKind[];
  @ApiProperty({ type: [String] }) programmeIds: string[];
  @ApiProperty({ type: [SlotDto] }) availability: SlotDto[];
  @ApiProperty({ example: 1 }) maxConcurrentClients: number;
  @ApiProperty({ enum: DIAGNOSIS_GROUPS, isArray: true }) livedExperienceDiagnoses: DiagnosisGroup[];
  @ApiProperty({ enum: DIAGNOSIS_GROUPS, isArray: true }) experienceDiagnoses: DiagnosisGroup[];
  @ApiProperty({ nullable: true, type: Number }) preferredClientAgeMin: number | null;
  @ApiProperty({ nullable: true, type: Number }) preferredClientAgeMax: number | null;
  @ApiProperty({ type: [String] }) interests: string[];
  @ApiProperty({ enum: VOLUNTEER_STATUSES }) status: VolunteerStatus;
  @ApiProperty({ type: String, format: 'date-time' }) statusChangedAt: Date;
  @ApiProperty({ type: [CredentialDto] }) credentials: CredentialDto[];
  @ApiProperty({ type: [UnavailablePeriodDto] }) unavailablePeriods: UnavailablePeriodDto[];
  @ApiPropertyOptional({ description: 'Only when the list was filtered by a point', example: 2.4 }) distanceKm?: number;

  static from({ volunteer: v, credentials, unavailablePeriods, distanceKm }: VolunteerRecord): VolunteerDto {
    return {
      id: v.id,
      firstName: v.firstName,
      lastName: v.lastName,
      email: v.email,
      phone: v.phone,
      birthDate: v.birthDate,
      gender: v.gender,
      languages: v.languages,
      location: { postcode: v.postcode, houseNumber: v.houseNumber, city: v.city, lat: v.lat, lon: v.lon },
      maxTravelKm: v.maxTravelKm,
      kinds: v.kinds,
      programmeIds: v.programmeIds,
      availability: maskToSlots(v.availabilityMask),
      maxConcurrentClients: v.maxConcurrentClients,
      livedExperienceDiagnoses: v.livedExperienceDiagnoses,
      experienceDiagnoses: v.experienceDiagnoses,
      preferredClientAgeMin: v.preferredClientAgeMin,
      preferredClientAgeMax: v.preferredClientAgeMax,
      interests: v.interests,
      status: v.status,
      statusChangedAt: v.statusChangedAt,
      credentials: credentials.map(CredentialDto.from),
      unavailablePeriods: unavailablePeriods.map((p) => ({ startsAt: p.startsAt, endsAt: p.endsAt, reason: p.reason })),
      ...(distanceKm !== undefined ? { distanceKm: Math.round(distanceKm * 10) / 10 } : {}),
    };
  }
}

export class VolunteerPageDto extends PageMetaDto {
  @ApiProperty({ type: [VolunteerDto] }) items: VolunteerDto[];
}
