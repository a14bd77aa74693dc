import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsEnum, IsIn, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Optional, trim, trimLower } from '@app/core';
import { Role } from '@app/identity';
import { Locale, LOCALES } from '@app/i18n';
import { TokenPairDto } from './auth.dto';

const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;
const TOTP_CODE = /^\d{6}$/;

export class InviteDto {
  @ApiProperty({ example: 'j.devries@hospice.example' })
  @Transform(trimLower) @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Jan de Vries' })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiProperty({ enum: Role, description: 'Coordinators invite volunteers and referrers only' })
  @IsEnum(Role)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Referrers: the referral source they work for (required)' })
  @Optional() @IsUUID()
  referralSourceId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Volunteers: their volunteer profile (required)' })
  @Optional() @IsUUID()
  volunteerId?: string;

  @ApiPropertyOptional({ enum: LOCALES, example: 'nl', description: 'The language of the invitation and later messages (default nl)' })
  @Optional() @IsIn(LOCALES)
  locale?: Locale;
}

/** In `POST /api/volunteers`: give the new volunteer a login in the same call. */
export class VolunteerInviteDto {
  @ApiPropertyOptional({ example: 'marieke.devries@example.org', description: "Where the invitation goes; the volunteer's own email by default" })
  @Optional() @Transform(trimLower) @IsEmail() @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ enum: LOCALES, example: 'nl' })
  @Optional() @IsIn(LOCALES)
  locale?: Locale;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token from the link in the invitation email (after `#token=`)', example: 'q3Vb2m0t6Lr1cXy9Zk8Jw4Hn5Gd7Fs2Ap0Oe1Iu3Ty6' })
  @IsString() @Matches(LINK_TOKEN, { message: 'validation.linkToken' })
  token: string;

  @ApiProperty({ description: 'The new password (the password policy applies)', example: 'a long walk by the river Vecht', minLength: 12 })
  @IsString() @MinLength(12) @MaxLength(1024)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString() @MinLength(1) @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ description: 'The password policy applies', example: 'a long walk by the river Vecht', minLength: 12 })
  @IsString() @MinLength(12) @MaxLength(1024)
  newPassword: string;
}

export class PasswordResetDto {
  @ApiProperty({ example: 'coordinator@example.org' })
  @Transform(trimLower) @IsEmail() @MaxLength(254)
  email: string;
}

export class PasswordResetAcceptedDto {
  @ApiProperty({ example: 'If this address has an account, an email with a link is on its way. The link works once, for 30 minutes.' })
  message: string;
}

export class ConfirmPasswordResetDto {
  @ApiProperty({ description: 'The token from the link in the email (after `#token=`)', example: 'q3Vb2m0t6Lr1cXy9Zk8Jw4Hn5Gd7Fs2Ap0Oe1Iu3Ty6' })
  @IsString() @Matches(LINK_TOKEN, { message: 'validation.linkToken' })
  token: string;

  @ApiProperty({ description: 'The password policy applies', example: 'a long walk by the river Vecht', minLength: 12 })
  @IsString() @MinLength(12) @MaxLength(1024)
  newPassword: string;
}

export class TwoFactorChallengeDto {
  @ApiProperty({ enum: [true] }) twoFactorRequired: true;
  @ApiProperty({ description: 'The organisation requires a second factor and you have none yet: enrol with /api/auth/login/totp/enrol first' })
  enrolmentRequired: boolean;
  @ApiProperty({ description: 'Send with the code to /api/auth/login/totp' }) challenge: string;
  @ApiProperty({ description: 'Seconds the challenge stays valid', example: 300 }) expiresIn: number;
}

export class ChallengeDto {
  @ApiProperty({ description: 'The challenge from /api/auth/login', example: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' })
  @IsString() @MinLength(1) @MaxLength(2000)
  challenge: string;
}

export class SecondFactorDto extends ChallengeDto {
  @ApiPropertyOptional({ description: 'The 6-digit code of the authenticator app', example: '123456' })
  @Optional() @IsString() @Matches(TOTP_CODE, { message: 'validation.totpCode' })
  code?: string;

  @ApiPropertyOptional({ description: 'Instead of a code: one of the recovery codes (each works once)', example: 'abcd-efgh-ijkl-mnop' })
  @Optional() @IsString() @MinLength(1) @MaxLength(40)
  recoveryCode?: string;
}

export class SecondFactorTokensDto extends TokenPairDto {
  @ApiPropertyOptional({ type: [String], description: 'Only when this login finished a required enrolment: the recovery codes, shown this once' })
  recoveryCodes?: string[];
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'Base32; shown once. Type it into the app, or use the URI', example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }) secret: string;
  @ApiProperty({ description: 'For a QR code', example: 'otpauth://totp/Hospice:jan%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Hospice' }) otpauthUri: string;
}

export class PasswordProofDto {
  @ApiProperty({ description: 'Your current password: proof that it is you, not someone with your session', example: 'correct horse battery staple' })
  @IsString() @MinLength(1) @MaxLength(1024)
  password: string;
}

export class TotpCodeDto {
  @ApiProperty({ description: 'The 6-digit code of the authenticator app', example: '123456' })
  @IsString() @Matches(TOTP_CODE, { message: 'validation.totpCode' })
  code: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'Ten codes, each usable once instead of an app code; shown this once' }) recoveryCodes: string[];
}

export class DisableTotpDto {
  @ApiPropertyOptional({ description: 'A current code of the app, or else…', example: '123456' })
  @Optional() @IsString() @Matches(TOTP_CODE, { message: 'validation.totpCode' })
  code?: string;

  @ApiPropertyOptional({ description: '…the password' })
  @Optional() @IsString() @MinLength(1) @MaxLength(1024)
  password?: string;
}

export class OrganisationSecurityDto {
  @ApiProperty({ enum: Role, isArray: true, example: ['admin', 'coordinator'], description: 'Roles that must log in with a second factor (empty: nobody must)' })
  @IsArray() @ArrayMaxSize(4) @IsEnum(Role, { each: true })
  requireTwoFactorFor: Role[];
}

