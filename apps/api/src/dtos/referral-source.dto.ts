import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { FEEDBACK_CHANNELS, FeedbackChannel, PageMetaDto, PageQueryDto, queryBoolean, REFERRAL_SOURCE_TYPES, ReferralSourceType, trim, trimLower, Optional } from '@app/core';
import { ReferralSourceView } from '@app/referrals';
import { Locale, LOCALES } from '@app/i18n';

export class CreateReferralSourceDto {
  @ApiProperty({ example: 'UMC Utrecht – afdeling oncologie' })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiProperty({ enum: REFERRAL_SOURCE_TYPES, example: 'hospital' })
  @IsIn(REFERRAL_SOURCE_TYPES)
  type: ReferralSourceType;

  @ApiPropertyOptional({ nullable: true, example: 'Annelies Bakker' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(200)
  contactName?: string;

  @ApiPropertyOptional({ nullable: true, example: 'transferpunt@umcutrecht.example' })
  @IsOptional() @Transform(trimLower) @IsEmail() @MaxLength(254)
  contactEmail?: string;

  @ApiPropertyOptional({ nullable: true, example: '030 250 0000' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(40)
  contactPhone?: string;

  @ApiPropertyOptional({ enum: FEEDBACK_CHANNELS, default: 'none', description: 'How feedback about requests reaches this source' })
  @Optional() @IsIn(FEEDBACK_CHANNELS)
  feedbackChannel?: FeedbackChannel;

  @ApiPropertyOptional({ nullable: true, example: 'transferpunt@umcutrecht.example' })
  @IsOptional() @Transform(trimLower) @IsEmail() @MaxLength(254)
  feedbackEmail?: string;

  @ApiPropertyOptional({ nullable: true, example: 'https://zorgsysteem.example/hooks/volunteer-match' })
  @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false }) @MaxLength(2000)
  webhookUrl?: string;

  @ApiPropertyOptional({ nullable: true, writeOnly: true, minLength: 16, description: 'Signs webhook bodies (HMAC-SHA256); never returned' })
  @IsOptional() @IsString() @MinLength(16) @MaxLength(200)
  webhookSecret?: string;

  @ApiPropertyOptional({ default: true })
  @Optional() @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: LOCALES, default: 'nl', description: 'The language of the feedback messages' })
  @Optional() @IsIn(LOCALES)
  locale?: Locale;
}

export class UpdateReferralSourceDto extends PartialType(CreateReferralSourceDto, { skipNullProperties: false }) {}

export class ListReferralSourcesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REFERRAL_SOURCE_TYPES }) @Optional() @IsIn(REFERRAL_SOURCE_TYPES) type?: ReferralSourceType;
  @ApiPropertyOptional({ description: 'Part of the name' }) @Optional() @Transform(trim) @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @Optional() @Transform(queryBoolean) @IsBoolean() active?: boolean;
}

export class ReferralSourceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'UMC Utrecht – afdeling oncologie' }) name: string;
  @ApiProperty({ enum: REFERRAL_SOURCE_TYPES, example: 'hospital' }) type: ReferralSourceType;
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone: string | null;
  @ApiProperty({ enum: FEEDBACK_CHANNELS, example: 'email' }) feedbackChannel: FeedbackChannel;
  @ApiProperty({ nullable: true, type: String }) feedbackEmail: string | null;
  @ApiProperty({ nullable: true, type: String }) webhookUrl: string | null;
  @ApiProperty({ description: 'Whether a webhook secret is set (the secret itself is never returned)' }) hasWebhookSecret: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: LOCALES, example: 'nl' }) locale: Locale;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;

  static from(s: ReferralSourceView): ReferralSourceDto {
    return {
      id: s.id,
      name: s.name,
      type: s.type,
      contactName: s.contactName,
      contactEmail: s.contactEmail,
      contactPhone: s.contactPhone,
      feedbackChannel: s.feedbackChannel,
      feedbackEmail: s.feedbackEmail,
      webhookUrl: s.webhookUrl,
      hasWebhookSecret: s.hasWebhookSecret,
      active: s.active,
      locale: s.locale,
      createdAt: s.createdAt,
    };
  }
}

export class ReferralSourcePageDto extends PageMetaDto {
  @ApiProperty({ type: [ReferralSourceDto] }) items: ReferralSourceDto[];
}
