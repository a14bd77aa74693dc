import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Optional, trimLower } from '@app/core';

export class LoginDto {
  @ApiProperty({ example: 'coordinator@example.org' })
  @Transform(trimLower) @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString() @MinLength(1) @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only when the email and password open accounts in several organisations (409 organisation_required lists them): the one to log in to',
  })
  @Optional() @IsUUID()
  organisationId?: string;
}

export class RefreshDto {
  @ApiPropertyOptional({
    description: 'The refresh token from login or the previous refresh. Left out, the `vm_refresh` cookie is used instead (browsers; the request must then carry the service\'s own `Origin`, else 403 origin_refused)',
    example: '3f0c8a4e-6d1b-4b7e-9a53-2f1c0d9e8b7a.Qm9ndXMgZXhhbXBsZSB0b2tlbiBvZiA0MyBjaGFyYWN0ZXJz',
  })
  @Optional() @IsString() @MaxLength(200)
  refreshToken?: string;
}

export class LogoutDto extends RefreshDto {
  @ApiPropertyOptional({ description: 'End every login of the token\'s user (all devices), not only this one (default false)', example: true })
  @Optional() @IsBoolean()
  everywhere?: boolean;
}

export class TokenPairDto {
  @ApiProperty({ description: 'Short-lived JWT; send as `Authorization: Bearer <token>`' })
  accessToken: string;

  @ApiPropertyOptional({ description: 'Single use: exchange at /api/auth/refresh for a new pair. Absent when the request had `X-Session: cookie`: the token is then in the `vm_refresh` cookie' })
  refreshToken?: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn: number;
}
