import { Global, Module } from '@nestjs/common';
import { GeocoderService } from './geocoder.service';

/** One geocoder (and so one cache) per process. */
@Global()
@Module({ providers: [GeocoderService], exports: [GeocoderService] })
export class GeoModule {}
