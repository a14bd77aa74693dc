import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { commaList, Optional, PageMetaDto, PageQueryDto, queryBoolean, trim, DateTime } from '@app/core';
import {
  FEEDBACK_EVENTS,
  FEEDBACK_STATUSES,
  FeedbackEvent,
  FeedbackMessage,
  FeedbackStatus,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_STATUSES,
  FollowUp,
  FollowUpKind,
  FollowUpOutcome,
  FollowUpStatus,
} from '@app/feedback';

export class ListFollowUpsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES, isArray: true, description: 'One or more, comma separated' })
  @IsOptional() @Transform(commaList) @IsArray() @IsIn(FOLLOW_UP_STATUSES, { each: true })
  status?: FollowUpStatus[];

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Due before this moment' })
  @Optional() @DateTime()
  dueBefore?: Date;

  @ApiPropertyOptional({ format: 'uuid', description: 'The coordinator who made the match' })
  @Optional() @IsUUID()
  coordinatorId?: string;

  @ApiPropertyOptional({ description: 'Only open follow-ups that are due already (status=open, dueBefore=now)', example: true })
  @Optional() @Transform(queryBoolean) @IsBoolean()
  overdue?: boolean;
}

export class CompleteFollowUpDto {
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES, example: 'going_well' }) @IsIn(FOLLOW_UP_OUTCOMES) outcome: FollowUpOutcome;
  @ApiPropertyOptional({ example: 'Klikt goed; wekelijks op dinsdag' }) @Optional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(2000) notes?: string;
}

export class SnoozeFollowUpDto {
  @ApiProperty({ type: String, format: 'date-time', example: '2027-02-01T09:00:00+01:00', description: 'The new due moment (in the future)' })
  @DateTime({ maxYearsAhead: 2 })
  until: Date;
}

export class FollowUpDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) coordinatorId: string | null;
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) kind: FollowUpKind;
  @ApiProperty({ example: 1 }) sequence: number;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt: Date;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status: FollowUpStatus;
  @ApiProperty({ description: 'Open and due already' }) overdue: boolean;
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES, nullable: true }) outcome: FollowUpOutcome | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) remindedAt: Date | null;

  static from(f: FollowUp): FollowUpDto {
    return {
      id: f.id,
      matchId: f.matchId,
      requestId: f.requestId,
      clientId: f.clientId,
      coordinatorId: f.coordinatorId,
      kind: f.kind,
      sequence: f.sequence,
      dueAt: f.dueAt,
      status: f.status,
      overdue: f.status === 'open' && f.dueAt.getTime() <= Date.now(),
      outcome: f.outcome,
      notes: f.notes,
      completedAt: f.completedAt,
      remindedAt: f.remindedAt,
    };
  }
}

export class FollowUpPageDto extends PageMetaDto {
  @ApiProperty({ type: [FollowUpDto] }) items: FollowUpDto[];
}

export class FeedbackMessageDto {
  @ApiProperty({ format: 'uuid', description: 'Also the Idempotency-Key header of its webhook' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ enum: FEEDBACK_EVENTS }) event: FeedbackEvent;
  @ApiProperty({ example: '', description: 'For progress messages: the period (YYYY-MM); for needs_info: the round (1, 2, …)' }) period: string;
  @ApiProperty({ enum: ['email', 'webhook'] }) channel: 'email' | 'webhook';
  @ApiProperty({ example: 'team@example.org' }) recipient: string;
  @ApiProperty({ example: 'A volunteer was found' }) subject: string;
  @ApiProperty({ example: 'Marieke will support W. J. from 2027-01-04. …' }) text: string;
  @ApiProperty({ enum: FEEDBACK_STATUSES }) status: FeedbackStatus;
  @ApiProperty({ example: 1 }) attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;

  static from(m: FeedbackMessage): FeedbackMessageDto {
    return {
      id: m.id,
      requestId: m.requestId,
      event: m.event,
      period: m.period,
      channel: m.channel,
      recipient: m.recipient,
      subject: m.subject,
      text: String(m.content.text ?? ''),
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      lastAttemptAt: m.lastAttemptAt,
      deliveredAt: m.deliveredAt,
      createdAt: m.createdAt,
    };
  }
}

export class FeedbackListDto {
  @ApiProperty({ type: [FeedbackMessageDto] }) items: FeedbackMessageDto[];
}
