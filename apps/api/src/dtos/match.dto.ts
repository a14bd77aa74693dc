import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { commaList, DAY_PARTS, DIAGNOSIS_GROUPS, DiagnosisGroup, FREQUENCIES, Frequency, Optional, PageMetaDto, PageQueryDto, PROGRAMME_KINDS, ProgrammeKind, queryBoolean, trim, DateTime } from '@app/core';
import {
  DECLINE_REASONS,
  DeclineReason,
  END_REASONS,
  EndReason,
  MATCH_STATUSES,
  MatchStatus,
  OFFER_STATUSES,
  OfferStatus,
  Visit,
  VISIT_STATUSES,
  VisitStatus,
  VigilAlert,
} from '@app/matches';
import { SlotDto } from './common.dto';
import { NeedsDto, VigilWindowDto } from './request.dto';
import { ScoreComponentDto } from './matching.dto';

/** An optional short free text. */
const Note = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ example: 'Woont te ver weg voor wekelijkse bezoeken', description }),
    Optional(),
    Transform(trim),
    IsString(),
    MinLength(1),
    MaxLength(1000),
  );

export class ListMatchesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MATCH_STATUSES, isArray: true, description: 'One or more, comma separated' })
  @IsOptional() @Transform(commaList) @IsArray() @IsIn(MATCH_STATUSES, { each: true })
  status?: MatchStatus[];
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID() requestId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Coordinators: one volunteer (volunteers always see only their own)' }) @Optional() @IsUUID() volunteerId?: string;
}

export class DeclineMatchDto {
  @ApiProperty({ enum: DECLINE_REASONS, example: 'too_far' }) @IsIn(DECLINE_REASONS) reason: DeclineReason;
  @Note('Free text for the coordinator') note?: string;
}

export class WithdrawMatchDto {
  @Note('Why the proposal is withdrawn') note?: string;
}

export class EndMatchDto {
  @ApiProperty({ enum: END_REASONS, example: 'goal_reached' }) @IsIn(END_REASONS) reason: EndReason;
  @Note('Anything the coordinator wants to keep about the ending') note?: string;
}

export class NeighbourhoodDto {
  @ApiProperty({ type: String, nullable: true, example: '3511' }) postcodeDigits: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Utrecht' }) city: string | null;
}

export class AddressDto {
  @ApiProperty({ type: String, nullable: true, example: 'Oudegracht' }) street: string | null;
  @ApiProperty({ type: String, nullable: true, example: '12' }) houseNumber: string | null;
  @ApiProperty({ type: String, nullable: true, example: '3511AB' }) postcode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Utrecht' }) city: string | null;
}

export class SupportLocationDto {
  @ApiProperty({ type: String, nullable: true, example: '3511AB' }) postcode: string | null;
  @ApiProperty({ type: String, nullable: true, example: '12' }) houseNumber: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Utrecht' }) city: string | null;
}

/** The client as a volunteer sees them. The last five fields only while the volunteer's match is active. */
export class VolunteerClientViewDto {
  @ApiProperty({ example: 'Wilhelmina' }) firstName: string;
  @ApiProperty({ example: '80–89' }) ageBand: string;
  @ApiProperty({ type: NeighbourhoodDto }) neighbourhood: NeighbourhoodDto;
  @ApiProperty({ enum: PROGRAMME_KINDS }) kind: ProgrammeKind;
  @ApiProperty({ type: NeedsDto }) needs: NeedsDto;
  @ApiProperty({ type: [SlotDto], description: `Desired times (parts: ${DAY_PARTS.join(', ')})` }) desiredSlots: SlotDto[];
  @ApiProperty({ enum: FREQUENCIES, nullable: true }) frequency: Frequency | null;
  @ApiProperty({ type: String, nullable: true, example: '2027-01-04' }) startDate: string | null;
  @ApiProperty({ type: VigilWindowDto, nullable: true }) vigilWindow: VigilWindowDto | null;
  @ApiPropertyOptional({ enum: DIAGNOSIS_GROUPS, description: 'Active match only' }) diagnosisGroup?: DiagnosisGroup;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Active match only' }) phone?: string | null;
  @ApiPropertyOptional({ type: AddressDto, description: "Active match only: the client's home" }) address?: AddressDto;
  @ApiPropertyOptional({ type: SupportLocationDto, description: 'Active match only: where the support happens' }) supportLocation?: SupportLocationDto;
}

export class PersonNameDto {
  @ApiProperty({ example: 'Marieke' }) firstName: string;
  @ApiProperty({ example: 'de Vries' }) lastName: string;
}

/** A match. Volunteers get the client view; coordinators also the names, score and note. */
export class MatchViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MATCH_STATUSES }) status: MatchStatus;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ type: String, format: 'date-time' }) proposedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: Date | null;
  @ApiProperty({ enum: DECLINE_REASONS, nullable: true }) declineReason: DeclineReason | null;
  @ApiProperty({ enum: END_REASONS, nullable: true }) endReason: EndReason | null;
  @ApiProperty({ description: 'Volunteers: VolunteerClientView; coordinators: the client\'s name', oneOf: [{ $ref: '#/components/schemas/VolunteerClientViewDto' }, { $ref: '#/components/schemas/PersonNameDto' }] })
  client: VolunteerClientViewDto | PersonNameDto;
  @ApiPropertyOptional({ format: 'uuid', description: 'Coordinators only' }) volunteerId?: string;
  @ApiPropertyOptional({ type: PersonNameDto, description: 'Coordinators only' }) volunteer?: PersonNameDto;
  @ApiPropertyOptional({ description: 'Coordinators only', example: 81.5 }) score?: number;
  @ApiPropertyOptional({ type: [ScoreComponentDto], description: 'Coordinators only' }) breakdown?: ScoreComponentDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Coordinators only' }) note?: string | null;
}

export class MatchViewPageDto extends PageMetaDto {
  @ApiProperty({ type: [MatchViewDto] }) items: MatchViewDto[];
}

export class PlanVisitDto {
  @ApiProperty({ type: String, format: 'date-time', example: '2027-01-05T14:00:00+01:00' }) @DateTime() startsAt: Date;
  @ApiProperty({ type: String, format: 'date-time', example: '2027-01-05T16:00:00+01:00' }) @DateTime() endsAt: Date;
  @Note('What the visit is for') note?: string;
}

export class CompleteVisitDto {
  @Note('A short note on how it went (no medical details)') note?: string;
}

export class VisitReasonDto {
  @Note('Why') reason?: string;
}

export class ListOwnVisitsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Default: now' }) @Optional() @DateTime() from?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) @Optional() @DateTime() to?: Date;
  @ApiPropertyOptional({ enum: VISIT_STATUSES, isArray: true, description: 'One or more, comma separated' })
  @IsOptional() @Transform(commaList) @IsArray() @IsIn(VISIT_STATUSES, { each: true })
  status?: VisitStatus[];
}

export class VisitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ format: 'uuid' }) volunteerId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ type: String, format: 'date-time' }) startsAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) endsAt: Date;
  @ApiProperty({ enum: VISIT_STATUSES }) status: VisitStatus;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was declined or cancelled' }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: Date | null;

  static from(v: Visit): VisitDto {
    return {
      id: v.id,
      matchId: v.matchId,
      volunteerId: v.volunteerId,
      clientId: v.clientId,
      startsAt: v.startsAt,
      endsAt: v.endsAt,
      status: v.status,
      note: v.note,
      reason: v.reason,
      confirmedAt: v.confirmedAt,
      completedAt: v.completedAt,
      cancelledAt: v.cancelledAt,
    };
  }
}

export class VisitPageDto extends PageMetaDto {
  @ApiProperty({ type: [VisitDto] }) items: VisitDto[];
}

export class CalendarAddressDto {
  @ApiProperty({ example: 'https://matching.example.org/api/calendar/Xy3…9.ics', description: 'Secret: anyone with it can read the calendar. Shown once; a new one replaces it.' })
  url: string;
}

export class ListOffersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OFFER_STATUSES, isArray: true, description: 'One or more, comma separated' })
  @IsOptional() @Transform(commaList) @IsArray() @IsIn(OFFER_STATUSES, { each: true })
  status?: OfferStatus[];
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID() requestId?: string;
}

export class DeclineOfferDto {
  @Note('Why not (optional)') reason?: string;
}

export class OfferVolunteerDto extends PersonNameDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class OfferDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: OFFER_STATUSES }) status: OfferStatus;
  @ApiProperty({ example: 1 }) wave: number;
  @ApiProperty({ type: String, format: 'date-time' }) sentAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The match an accepted offer became' }) matchId: string | null;
  @ApiPropertyOptional({ type: VolunteerClientViewDto, description: 'Volunteers only' }) client?: VolunteerClientViewDto;
  @ApiPropertyOptional({ description: 'Volunteers only: the vigil is at most this far from their home, as the crow flies (km): 2, 5, 10, 20, 50 or a multiple of 50; a band, never exact, so the client cannot be located before the offer is accepted', example: 5 }) distanceKm?: number;
  @ApiPropertyOptional({ type: OfferVolunteerDto, description: 'Coordinators only' }) volunteer?: OfferVolunteerDto;
  @ApiPropertyOptional({ description: 'Coordinators only' }) score?: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Coordinators only' }) declineReason?: string | null;
}

export class OfferPageDto extends PageMetaDto {
  @ApiProperty({ type: [OfferDto] }) items: OfferDto[];
}

export class ListVigilAlertsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only alerts nobody resolved yet', example: true }) @Optional() @Transform(queryBoolean) @IsIn([true, false]) open?: boolean;
}

export class VigilAlertDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ type: String, format: 'date-time' }) raisedAt: Date;
  @ApiProperty({ example: 10 }) offersSent: number;
  @ApiProperty({ example: 3 }) offersDeclined: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) resolvedByUserId: string | null;

  static from(a: VigilAlert): VigilAlertDto {
    return { id: a.id, requestId: a.requestId, clientId: a.clientId, raisedAt: a.raisedAt, offersSent: a.offersSent, offersDeclined: a.offersDeclined, resolvedAt: a.resolvedAt, resolvedByUserId: a.resolvedByUserId };
  }
}

export class VigilAlertPageDto extends PageMetaDto {
  @ApiProperty({ type: [VigilAlertDto] }) items: VigilAlertDto[];
}
