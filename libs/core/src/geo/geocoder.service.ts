import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DUTCH_POSTCODE, normalisePostcode } from '../domain/vocabulary';
import { AppError } from '../errors/app-errors';

export interface GeocodedAddress {
  lat: number;
  lon: number;
  city: string | null;
  street: string | null;
  postcode: string;
}

export class GeocoderUnavailableError extends AppError {
  constructor() {
    super(HttpStatus.SERVICE_UNAVAILABLE, 'geocoder_unavailable');
  }
}

interface PdokResponse {
  response?: { numFound?: number; docs?: Array<{ centroide_ll?: string; woonplaatsnaam?: string; straatnaam?: string; postcode?: string }> };
}

const POINT = /^POINT\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/;

/**
 * Dutch postcode + house number → coordinates, through the public PDOK Locatieserver. Answers
 * (also "not found") are cached in a small LRU; failures are not, so a retry asks again.
 */
@Injectable()
export class GeocoderService {
  private readonly logger = new Logger(GeocoderService.name);
  private readonly cache = new Map<string, GeocodedAddress | null>();

  constructor(private readonly config: AppConfig) {}

  async resolve(postcode: string, houseNumber: string): Promise<GeocodedAddress | null> {
    const pc = normalisePostcode(postcode);
    const number = /^\d+/.exec(houseNumber.trim())?.[0];
    // Not an address PDOK could know; checking here also keeps stray query syntax out of `q`.
    if (!DUTCH_POSTCODE.test(pc) || !number) return null;
    const key = `${pc}|${number}`;
    if (this.cache.has(key)) {
      const hit = this.cache.get(key) as GeocodedAddress | null;
      this.cache.delete(key); // refresh its place in the LRU order
      this.cache.set(key, hit);
      return hit;
    }
    const found = await this.lookup(pc, number);
    this.remember(key, found);
    return found;
  }

  private async lookup(postcode: string, houseNumber: string): Promise<GeocodedAddress | null> {
    const { url, timeoutMs } = this.config.geocoder;
    const query = new URLSearchParams({
      q: `postcode:${postcode} and huisnummer:${houseNumber}`,
      fq: 'type:adres',
      rows: '1',
      fl: 'centroide_ll,woonplaatsnaam,straatnaam,postcode',
    });
    let body: PdokResponse;
    try {
      const response = await fetch(`${url}/free?${query}`, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`status ${response.status}`);
      body = (await response.json()) as PdokResponse;
    } catch (error) {
      // The address itself is personal data: it is not logged.
      this.logger.warn(`Geocoder lookup failed: ${(error as Error).message}`);
      throw new GeocoderUnavailableError();
    }
    const doc = body.response?.docs?.[0];
    const point = doc?.centroide_ll ? POINT.exec(doc.centroide_ll) : null;
    if (!doc || !point) return null;
    return { lon: Number(point[1]), lat: Number(point[2]), city: doc.woonplaatsnaam ?? null, street: doc.straatnaam ?? null, postcode };
  }

  private remember(key: string, value: GeocodedAddress | null): void {
    const size = this.config.geocoder.cacheSize;
    if (size === 0) return;
    this.cache.set(key, value);
    if (this.cache.size > size) this.cache.delete(this.cache.keys().next().value as string);
  }
}
