import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
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
import { commaList, CONSENT_GIVERS, ConsentGiver, DIAGNOSIS_GROUPS, DiagnosisGroup, FREQUENCIES, Frequency, GENDERS, Gender, LANGUAGE_CODE, LIVING_SITUATIONS, LivingSituation, maskToSlots, PageMetaDto, PageQueryDto, PROGRAMME_KINDS, ProgrammeKind, REQUEST_STATUSES, RequestStatus, trim, trimLower, URGENCIES, Urgency, Optional, CalendarDate, DateTime, NestedObject, NestedObjects } from '@app/core';
import { Client, Request, RequestInfoExchange } from '@app/referrals';
import { LocationDto, LocationViewDto, SlotDto } from './common.dto';

export class NeedsDto {
  @ApiPropertyOptional({ type: String, example: 'Snel moe; kan nog korte stukjes lopen met rollator', nullable: true }) @IsOptional() @IsString() @MaxLength(2000) physical?: string | null;
  @ApiPropertyOptional({ type: String, example: 'Angstig over wat komen gaat', nullable: true }) @IsOptional() @IsString() @MaxLength(2000) psychological?: string | null;
  @ApiPropertyOptional({ type: String, example: 'Weinig bezoek sinds partner overleed', nullable: true }) @IsOptional() @IsString() @MaxLength(2000) social?: string | null;
  @ApiPropertyOptional({ type: String, example: 'Wil graag praten over het leven', nullable: true }) @IsOptional() @IsString() @MaxLength(2000) spiritual?: string | null;
}

export class VolunteerPreferencesDto {
  @ApiPropertyOptional({ enum: GENDERS, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsIn(GENDERS) volunteerGender?: Gender | null;
  @ApiPropertyOptional({ type: String, example: 'tr', nullable: true, description: 'A language the volunteer must speak (ISO 639-1)' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(LANGUAGE_CODE)
  language?: string | null;
  @ApiPropertyOptional({ type: Number, example: 50, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(16) @Max(120) volunteerAgeMin?: number | null;
  @ApiPropertyOptional({ type: Number, example: 80, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(16) @Max(120) volunteerAgeMax?: number | null;
}

export class ReferrerContactDto {
  @ApiProperty({ example: 'Sanne Visser' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional({ nullable: true, example: 's.visser@buurtzorg.example' }) @IsOptional() @Transform(trimLower) @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ nullable: true, example: '06 98765432' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional({ nullable: true, example: 'wijkverpleegkundige' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) role?: string;
}

export class VigilWindowDto {
  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-23T22:00:00+01:00' }) @DateTime() start: Date;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-24T07:00:00+01:00' }) @DateTime() end: Date;
}

export class RelativeDto {
  @ApiProperty({ example: 'Joke' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ example: 'dochter' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) relation: string;
  @ApiPropertyOptional({ nullable: true, example: '06 11122233' }) @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
}

export class GpContactDto {
  @ApiProperty({ example: 'dr. P. Smit' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional({ nullable: true, example: 'Huisartsenpraktijk De Linde' }) @IsOptional() @IsString() @MaxLength(200) practice?: string;
  @ApiPropertyOptional({ nullable: true, example: '030 123 4567' }) @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional({ nullable: true, example: 'praktijk@delinde.example' }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
}

export class ClientInputDto extends LocationDto {
  @ApiProperty({ example: 'Wilhelmina' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) firstName: string;
  @ApiProperty({ example: 'Jansen' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) lastName: string;
  @ApiProperty({ example: '1941-09-30' }) @CalendarDate({ past: true }) birthDate: string;
  @ApiPropertyOptional({ enum: GENDERS, example: 'female' }) @Optional() @IsIn(GENDERS) gender?: Gender;
  @ApiPropertyOptional({ nullable: true, example: 'Oudegracht' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(200) street?: string;
  @ApiPropertyOptional({ nullable: true, example: '030 765 4321' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional({ example: ['nl'] })
  @Optional() @IsArray() @ArrayUnique() @ArrayMaxSize(20) @Matches(LANGUAGE_CODE, { each: true, message: 'validation.languageCode' })
  languages?: string[];
  @ApiProperty({ enum: DIAGNOSIS_GROUPS, example: 'cancer_lung' }) @IsIn(DIAGNOSIS_GROUPS) diagnosisGroup: DiagnosisGroup;
  @ApiPropertyOptional({ nullable: true, example: 'Longcarcinoom met botmetastasen', description: 'For the coordinator only; never shown to volunteers' })
  @IsOptional() @IsString() @MaxLength(2000)
  diagnosisDetails?: string;
  @ApiPropertyOptional({ nullable: true, enum: LIVING_SITUATIONS, example: 'alone' }) @IsOptional() @IsIn(LIVING_SITUATIONS) livingSituation?: LivingSituation;
  @ApiPropertyOptional({ type: [RelativeDto] }) @Optional() @NestedObjects(() => RelativeDto) @ArrayMaxSize(20) relatives?: RelativeDto[];
  @ApiPropertyOptional({ nullable: true, type: GpContactDto }) @IsOptional() @NestedObject(() => GpContactDto) gp?: GpContactDto;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Default: now' }) @Optional() @DateTime() consentGivenAt?: Date;
  @ApiProperty({ enum: CONSENT_GIVERS, example: 'client', description: 'Who agreed to this referral' }) @IsIn(CONSENT_GIVERS) consentGivenBy: ConsentGiver;
}

class RequestFieldsDto {
  @ApiPropertyOptional({ enum: URGENCIES, example: 'normal' }) @Optional() @IsIn(URGENCIES) urgency?: Urgency;
  @ApiPropertyOptional({ type: NeedsDto, description: 'Needs on the four dimensions' }) @Optional() @NestedObject(() => NeedsDto) needs?: NeedsDto;
  @ApiPropertyOptional({ type: [SlotDto], example: [{ day: 'tue', part: 'afternoon' }], description: 'When support is wanted (not for vigils)' })
  @Optional() @NestedObjects(() => SlotDto) @ArrayMaxSize(28)
  desiredSlots?: SlotDto[];
  @ApiPropertyOptional({ nullable: true, enum: FREQUENCIES, example: 'weekly' }) @IsOptional() @IsIn(FREQUENCIES) frequency?: Frequency;
  @ApiPropertyOptional({ nullable: true, example: '2026-12-01' }) @IsOptional() @CalendarDate({ from: '2000-01-01' }) startDate?: string;
  @ApiPropertyOptional({ nullable: true, type: VigilWindowDto, description: 'Vigils: when someone must sit with the client' })
  @IsOptional() @NestedObject(() => VigilWindowDto)
  vigilWindow?: VigilWindowDto;
  @ApiPropertyOptional({ type: LocationDto, description: "Where the support happens; default: the client's address" })
  @Optional() @NestedObject(() => LocationDto)
  location?: LocationDto;
  @ApiPropertyOptional({ type: VolunteerPreferencesDto }) @Optional() @NestedObject(() => VolunteerPreferencesDto) preferences?: VolunteerPreferencesDto;
  @ApiPropertyOptional({ nullable: true, example: 'Dochter woont in het buitenland; bellen na 10 uur', description: 'For the coordinator; never shown to volunteers' })
  @IsOptional() @IsString() @MaxLength(4000)
  referrerNotes?: string;
}

export class SubmitRequestDto extends RequestFieldsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() programmeId: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Coordinators: the source the request comes from (referrers: always their own)' })
  @Optional() @IsUUID()
  referralSourceId?: string;
  @ApiPropertyOptional({ type: ClientInputDto, description: 'A new client; or give clientId' }) @Optional() @NestedObject(() => ClientInputDto) client?: ClientInputDto;
  @ApiPropertyOptional({ format: 'uuid', description: 'A client referred before by the same source' }) @Optional() @IsUUID() clientId?: string;
  @ApiProperty({ type: ReferrerContactDto, description: 'Who to give feedback to' }) @NestedObject(() => ReferrerContactDto) referrerContact: ReferrerContactDto;
}

export class ClientUpdateDto extends PartialType(OmitType(ClientInputDto, ['consentGivenBy', 'consentGivenAt'] as const), { skipNullProperties: false }) {}

export class UpdateRequestDto extends RequestFieldsDto {
  @ApiPropertyOptional({ type: ReferrerContactDto }) @Optional() @NestedObject(() => ReferrerContactDto) referrerContact?: ReferrerContactDto;
  @ApiPropertyOptional({ type: ClientUpdateDto }) @Optional() @NestedObject(() => ClientUpdateDto) client?: ClientUpdateDto;
  @ApiPropertyOptional({ nullable: true, description: 'Coordinators only' }) @IsOptional() @IsString() @MaxLength(4000) coordinatorNotes?: string;
}

export class TriageDto {
  @ApiProperty({ enum: ['accept', 'needs_info', 'reject'], example: 'accept' }) @IsIn(['accept', 'needs_info', 'reject']) decision: 'accept' | 'needs_info' | 'reject';
  @ApiPropertyOptional({ example: 'Graag de gewenste dagdelen aanvullen', description: 'Required for needs_info and reject' })
  @Optional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(1000)
  reason?: string;
}

export class InfoAnswerDto {
  @ApiProperty({ example: 'Zij wil graag bezoek op dinsdag- en donderdagmiddag; de dochter is contactpersoon', description: "The answer to the coordinator's question" })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(4000)
  answer: string;
  @ApiPropertyOptional({
    type: UpdateRequestDto,
    example: { desiredSlots: [{ day: 'thu', part: 'afternoon' }], referrerNotes: 'Dochter is contactpersoon' },
    description: 'Changes to the request, checked as PATCH /api/requests/{id} checks them',
  })
  @Optional() @NestedObject(() => UpdateRequestDto)
  changes?: UpdateRequestDto;
}

/** One round of questions at triage and the answer to it. */
export class InfoExchangeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ example: 1, description: '1 for the first time the request needed information, 2 for the second, …' }) round: number;
  @ApiProperty({ example: 'Graag de gewenste dagdelen aanvullen' }) question: string;
  @ApiProperty({ type: String, format: 'date-time' }) askedAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The coordinator who asked' }) askedByUserId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null until the referrer answers, or when they answered by changing the request only' }) answer: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The referrer, or a coordinator who answered for them' }) answeredByUserId: string | null;

  static from(e: RequestInfoExchange): InfoExchangeDto {
    return {
      id: e.id,
      requestId: e.requestId,
      round: e.round,
      question: e.question,
      askedAt: e.askedAt,
      askedByUserId: e.askedByUserId,
      answer: e.answer,
      answeredAt: e.answeredAt,
      answeredByUserId: e.answeredByUserId,
    };
  }
}

export class InfoExchangeListDto {
  @ApiProperty({ type: [InfoExchangeDto] }) items: InfoExchangeDto[];
}

export class ListRequestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES, isArray: true, description: 'One or more, comma separated' })
  @IsOptional()
  @Transform(commaList)
  @IsArray() @IsIn(REQUEST_STATUSES, { each: true })
  status?: RequestStatus[];
  @ApiPropertyOptional({ enum: PROGRAMME_KINDS }) @Optional() @IsIn(PROGRAMME_KINDS) kind?: ProgrammeKind;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID() programmeId?: string;
}

export class ClientDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Wilhelmina' }) firstName: string;
  @ApiProperty({ example: 'Jansen' }) lastName: string;
  @ApiProperty({ example: '1941-09-30' }) birthDate: string;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiProperty({ nullable: true, type: String }) street: string | null;
  @ApiProperty({ type: LocationViewDto }) address: LocationViewDto;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ example: ['nl'] }) languages: string[];
  @ApiProperty({ enum: DIAGNOSIS_GROUPS }) diagnosisGroup: DiagnosisGroup;
  @ApiProperty({ nullable: true, type: String }) diagnosisDetails: string | null;
  @ApiProperty({ enum: LIVING_SITUATIONS, nullable: true }) livingSituation: LivingSituation | null;
  @ApiProperty({ type: [RelativeDto] }) relatives: RelativeDto[];
  @ApiProperty({ type: GpContactDto, nullable: true }) gp: GpContactDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) consentGivenAt: Date;
  @ApiProperty({ enum: CONSENT_GIVERS }) consentGivenBy: ConsentGiver;

  static from(c: Client): ClientDto {
    return {
      id: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      birthDate: c.birthDate,
      gender: c.gender,
      street: c.street,
      address: { postcode: c.postcode, houseNumber: c.houseNumber, city: c.city, lat: c.lat, lon: c.lon },
      phone: c.phone,
      languages: c.languages,
      diagnosisGroup: c.diagnosisGroup,
      diagnosisDetails: c.diagnosisDetails,
      livingSituation: c.livingSituation,
      relatives: c.relatives,
      gp: c.gp,
      consentGivenAt: c.consentGivenAt,
      consentGivenBy: c.consentGivenBy,
    };
  }
}

export class RequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ enum: PROGRAMME_KINDS, example: 'buddy' }) kind: ProgrammeKind;
  @ApiProperty({ enum: REQUEST_STATUSES, example: 'submitted' }) status: RequestStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Why it is in this status (triage, rejection, cancellation, closing)' }) statusReason: string | null;
  @ApiProperty({ enum: URGENCIES }) urgency: Urgency;
  @ApiProperty({ type: NeedsDto }) needs: NeedsDto;
  @ApiProperty({ type: [SlotDto] }) desiredSlots: SlotDto[];
  @ApiProperty({ enum: FREQUENCIES, nullable: true }) frequency: Frequency | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-01' }) startDate: string | null;
  @ApiProperty({ type: VigilWindowDto, nullable: true }) vigilWindow: VigilWindowDto | null;
  @ApiProperty({ type: LocationViewDto }) location: LocationViewDto;
  @ApiProperty({ type: VolunteerPreferencesDto }) preferences: VolunteerPreferencesDto;
  @ApiProperty({ type: ReferrerContactDto }) referrerContact: ReferrerContactDto;
  @ApiProperty({ nullable: true, type: String }) referrerNotes: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Coordinators only' }) coordinatorNotes?: string | null;
  @ApiProperty({ format: 'uuid' }) referralSourceId: string;
  @ApiProperty({ type: ClientDto }) client: ClientDto;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) triagedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) proposedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) matchedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When it was rejected or cancelled' }) endedAt: Date | null;

  /** Referrers see what they submitted plus the status; the coordinator's notes are not theirs. */
  static from(r: Request, forReferrer: boolean): RequestDto {
    const dto: RequestDto = {
      id: r.id,
      programmeId: r.programmeId,
      kind: r.kind,
      status: r.status,
      statusReason: r.statusReason,
      urgency: r.urgency,
      needs: r.needs,
      desiredSlots: maskToSlots(r.desiredMask),
      frequency: r.frequency,
      startDate: r.startDate,
      vigilWindow: r.vigilWindowStart && r.vigilWindowEnd ? { start: r.vigilWindowStart, end: r.vigilWindowEnd } : null,
      location: { postcode: r.postcode, houseNumber: r.houseNumber, city: r.city, lat: r.lat, lon: r.lon },
      preferences: r.preferences,
      referrerContact: r.referrerContact as ReferrerContactDto,
      referrerNotes: r.referrerNotes,
      referralSourceId: r.referralSourceId,
      client: ClientDto.from(r.client as Client),
      submittedAt: r.submittedAt,
      triagedAt: r.triagedAt,
      proposedAt: r.proposedAt,
      matchedAt: r.matchedAt,
      closedAt: r.closedAt,
      endedAt: r.endedAt,
    };
    if (!forReferrer) dto.coordinatorNotes = r.coordinatorNotes;
    return dto;
  }
}

export class RequestPageDto extends PageMetaDto {
  @ApiProperty({ type: [RequestDto] }) items: RequestDto[];
}
