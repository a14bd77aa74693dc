import { HttpStatus, Injectable } from '@nestjs/common';
import { normalisePostcode } from '../domain/vocabulary';
import { AppError } from '../errors/app-errors';
import { GeocoderService } from './geocoder.service';
import { phrase } from '@app/i18n';

export interface LocationInput {
  postcode?: string | null;
  houseNumber?: string | null;
  city?: string | null;
  lat?: number | null;
  lon?: number | null;
}

export interface ResolvedLocation {
  postcode: string | null;
  houseNumber: string | null;
  city: string | null;
  lat: number;
  lon: number;
}

/**
 * Where someone is: given coordinates win; otherwise a Dutch postcode + house number is geocoded.
 * Call it before any write, so a failed lookup stores nothing.
 */
@Injectable()
export class LocationService {
  constructor(private readonly geocoder: GeocoderService) {}

  async resolve(input: LocationInput): Promise<ResolvedLocation> {
    const postcode = input.postcode ? normalisePostcode(input.postcode) : null;
    const houseNumber = input.houseNumber?.trim() || null;
    if (input.lat != null && input.lon != null) {
      return { postcode, houseNumber, city: input.city ?? null, lat: input.lat, lon: input.lon };
    }
    if (!postcode || !houseNumber) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'location_required');
    }
    const found = await this.geocoder.resolve(postcode, houseNumber);
    if (!found) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'address_not_found', phrase('errors.address_not_found', { postcode, houseNumber }));
    }
    return { postcode, houseNumber, city: input.city ?? found.city, lat: found.lat, lon: found.lon };
  }

  /** Like `resolve`, but an absent address is allowed (null) instead of an error. */
  async resolveOptional(input: LocationInput): Promise<ResolvedLocation | null> {
    const empty = input.lat == null && input.lon == null && !input.postcode && !input.houseNumber;
    return empty ? null : this.resolve(input);
  }
}
