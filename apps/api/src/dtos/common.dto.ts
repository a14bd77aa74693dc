import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsLatitude, IsLongitude, IsNumber, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DAY_PARTS, DayPart, DAYS, Day, DUTCH_POSTCODE, Optional, trim } from '@app/core';

/** One part of one weekday. */
export class SlotDto {
  @ApiProperty({ enum: DAYS, example: 'tue' }) @IsIn(DAYS) day: Day;
  @ApiProperty({ enum: DAY_PARTS, example: 'afternoon', description: 'morning 08–12, afternoon 12–17, evening 17–22, night 22–08' })
  @IsIn(DAY_PARTS)
  part: DayPart;
}

/** Where someone is: coordinates, or a Dutch postcode + house number that the service geocodes. */
export class LocationDto {
  @ApiPropertyOptional({ example: '3511 LX' })
  @Optional() @IsString() @Matches(DUTCH_POSTCODE, { message: 'validation.dutchPostcode' })
  postcode?: string;

  @ApiPropertyOptional({ example: '1' })
  @Optional() @Transform(trim) @IsString() @Matches(/^[1-9][0-9]{0,4}[ -]?[A-Za-z0-9]{0,6}$/, { message: 'validation.houseNumber' })
  houseNumber?: string;

  @ApiPropertyOptional({ example: 'Utrecht' })
  @Optional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ example: 52.0907 })
  @Optional() @IsNumber() @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ example: 5.1214 })
  @Optional() @IsNumber() @IsLongitude()
  lon?: number;
}

export class LocationViewDto {
  @ApiProperty({ nullable: true, type: String, example: '3511LX' }) postcode: string | null;
  @ApiProperty({ nullable: true, type: String, example: '1' }) houseNumber: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Utrecht' }) city: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 52.0907 }) lat: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 5.1214 }) lon: number | null;
}

export class ReasonDto {
  @ApiProperty({ example: 'Cliënt is verhuisd naar een hospice buiten de regio' })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(1000)
  reason: string;
}
