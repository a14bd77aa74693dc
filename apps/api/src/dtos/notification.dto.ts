import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { NestedObject, NestedObjects, Optional, PageMetaDto } from '@app/core';
import { CHANNEL_NAMES, ChannelName, InboxItem, NOTIFICATION_KINDS, NotificationKind, Preferences } from '@app/notifications';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HH_MM_MESSAGE = 'validation.timeOfDay';

export class InboxItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: string;
  @ApiProperty({ description: 'Vigil offers and alerts: sent at once, quiet hours or not' }) urgent: boolean;
  @ApiProperty({ description: "In the reader's language; a client is named by first name and place at most" }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true, description: 'The portal page it concerns, e.g. /offers/<id>', example: '/offers/6f1c…' }) path: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;

  static from(item: InboxItem): InboxItemDto {
    return { ...item };
  }
}

export class InboxPageDto extends PageMetaDto {
  @ApiProperty({ type: [InboxItemDto], description: 'Unread first, then newest' }) items: InboxItemDto[];
}

export class UnreadCountDto {
  @ApiProperty() count: number;
}

export class ReadAllDto {
  @ApiProperty({ description: 'How many were unread' }) updated: number;
}

export class KindPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsEnum(NotificationKind)
  kind: NotificationKind;

  @ApiProperty({ enum: CHANNEL_NAMES, isArray: true, description: 'Channels besides the inbox, which always has it' })
  @IsArray() @ArrayUnique() @ArrayMaxSize(CHANNEL_NAMES.length) @IsIn(CHANNEL_NAMES, { each: true })
  channels: ChannelName[];

  @ApiProperty({ description: 'Also in the daily email digest of what is still unread (when email is not a channel)' })
  @IsBoolean()
  digest: boolean;
}

export class QuietHoursDto {
  @ApiProperty({ example: '22:00', pattern: HH_MM.source }) @IsString() @Matches(HH_MM, { message: HH_MM_MESSAGE }) start: string;
  @ApiProperty({ example: '07:00', pattern: HH_MM.source }) @IsString() @Matches(HH_MM, { message: HH_MM_MESSAGE }) end: string;
}

export class PreferencesDto {
  @ApiProperty({ type: [KindPreferenceDto] }) kinds: KindPreferenceDto[];
  @ApiProperty({ type: QuietHoursDto, nullable: true, description: 'Europe/Amsterdam; non-urgent channel messages wait until the end' }) quietHours: QuietHoursDto | null;
  @ApiProperty({ example: '08:00', description: 'When the daily digest goes out (Europe/Amsterdam)' }) digestAt: string;

  static from(preferences: Preferences): PreferencesDto {
    return { ...preferences };
  }
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ type: [KindPreferenceDto], description: 'Kinds not named keep their choice' })
  @Optional() @NestedObjects(() => KindPreferenceDto) @ArrayMaxSize(NOTIFICATION_KINDS.length)
  kinds?: KindPreferenceDto[];

  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true, description: 'null: no quiet hours' })
  @IsOptional() @NestedObject(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;

  @ApiPropertyOptional({ example: '08:00', pattern: HH_MM.source })
  @Optional() @IsString() @Matches(HH_MM, { message: HH_MM_MESSAGE })
  digestAt?: string;
}
