import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { NestedObject, Optional, trim } from '@app/core';

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** The keys of a browser's PushSubscription (`subscription.toJSON().keys`). */
export class PushKeysDto {
  @ApiProperty({ description: "The browser's P-256 public key, base64url", example: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM' })
  @IsString() @Matches(BASE64URL, { message: 'validation.base64url' }) @MaxLength(200)
  p256dh: string;

  @ApiProperty({ description: 'The 16-byte auth secret, base64url', example: 'tBHItJI5svbpez7KI4CCXg' })
  @IsString() @Matches(BASE64URL, { message: 'validation.base64url' }) @MaxLength(100)
  auth: string;
}

export class CreatePushSubscriptionDto {
  @ApiProperty({ description: 'The push service address the browser gave (https)', example: 'https://updates.push.services.mozilla.com/wpush/v2/gAAAAABexample' })
  @IsString() @MinLength(1) @MaxLength(2048)
  endpoint: string;

  @ApiProperty({ type: PushKeysDto })
  @NestedObject(() => PushKeysDto)
  keys: PushKeysDto;

  @ApiPropertyOptional({ description: 'So you can tell your devices apart', example: 'Firefox on Android' })
  @Optional() @Transform(trim) @IsString() @MaxLength(300)
  userAgent?: string;
}

export class PushSubscriptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) userAgent: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class PushPublicKeyDto {
  @ApiProperty({ description: 'The VAPID public key (base64url): `applicationServerKey` of `pushManager.subscribe`' }) publicKey: string;
}
