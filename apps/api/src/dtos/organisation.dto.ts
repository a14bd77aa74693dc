import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { trim, trimLower, NestedObject } from '@app/core';
import { Organisation, Role } from '@app/identity';
import { UserDto } from './user.dto';

export class FirstAdminDto {
  @ApiProperty() @Transform(trimLower) @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(1024)
  password: string;
}

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Hospice De Linde' })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiProperty({ type: FirstAdminDto, description: 'The first administrator of the new organisation' })
  @NestedObject(() => FirstAdminDto)
  admin: FirstAdminDto;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() isHost: boolean;
  @ApiProperty({ enum: Role, isArray: true, description: 'Roles that must log in with a second factor' }) requireTwoFactorFor: Role[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;

  static from(organisation: Organisation): OrganisationDto {
    const required = organisation.settings.requireTwoFactorFor;
    return { id: organisation.id, name: organisation.name, isHost: organisation.isHost, requireTwoFactorFor: Array.isArray(required) ? (required as Role[]) : [], createdAt: organisation.createdAt };
  }
}

export class CreatedOrganisationDto {
  @ApiProperty({ type: OrganisationDto }) organisation: OrganisationDto;
  @ApiProperty({ type: UserDto }) admin: UserDto;
}

export class MeDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({ type: OrganisationDto }) organisation: OrganisationDto;
}
