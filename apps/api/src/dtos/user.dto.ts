import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsIn, IsOptional, IsPhoneNumber, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { PageMetaDto, PageQueryDto, queryBoolean, trim, trimLower, Optional } from '@app/core';
import { Role, User } from '@app/identity';
import { Locale, LOCALES } from '@app/i18n';

export class CreateUserDto {
  @ApiProperty({ example: 'j.devries@hospice.example' })
  @Transform(trimLower) @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Jan de Vries' })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role: Role;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters' })
  @IsString() @MinLength(12) @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: 'Referrers: the referral source they work for (required)' })
  @IsOptional() @IsUUID()
  referralSourceId?: string;

  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: 'Volunteers: their volunteer profile (required)' })
  @IsOptional() @IsUUID()
  volunteerId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Jan de Vries' })
  @Optional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: Role })
  @Optional() @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ description: 'false deactivates the user: their logins end at once' })
  @Optional() @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @IsOptional() @IsUUID()
  referralSourceId?: string;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @IsOptional() @IsUUID()
  volunteerId?: string;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Role })
  @Optional() @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional()
  @Optional() @Transform(queryBoolean) @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name or email' })
  @Optional() @Transform(trim) @IsString() @MaxLength(100)
  q?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty({ enum: LOCALES, example: 'nl', description: 'The language messages to this person are in' }) locale: Locale;
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) referralSourceId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) volunteerId: string | null;
  @ApiProperty({ nullable: true, type: String, example: '+31612345678', description: 'For text messages (a volunteer without one is texted at their profile phone)' }) phone: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastLoginAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;

  static from(user: User): UserDto {
    return {
      id: user.id,
      organisationId: user.organisationId,
      email: user.email,
      name: user.name,
      role: user.role,
      locale: user.locale,
      active: user.active,
      referralSourceId: user.referralSourceId,
      volunteerId: user.volunteerId,
      phone: user.phone,
      lastLoginAt: user.lastLoginAt,
      createdAt: user.createdAt,
    };
  }
}

export class UserPageDto extends PageMetaDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
}

/** A number as typed in the Netherlands ("06 12345678") becomes +31612345678; anything else is left for the validators. */
const internationalPhone = ({ value }: { value: unknown }) => (typeof value === 'string' ? (parsePhoneNumberFromString(value, 'NL')?.number ?? value) : value);

export class UpdateMeDto {
  @ApiPropertyOptional({ example: 'Marieke de Vries' }) @Optional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: LOCALES, example: 'nl', description: 'The language of emails, pushes, inbox messages and error messages' })
  @Optional() @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ type: String, nullable: true, example: '06 12345678', description: 'A mobile number for text messages, stored in international form; null removes it' })
  @IsOptional() @Transform(internationalPhone) @IsString() @IsPhoneNumber(undefined, { message: 'validation.phoneNumber' }) @MaxLength(40)
  phone?: string | null;
}
