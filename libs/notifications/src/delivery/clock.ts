import { Injectable } from '@nestjs/common';

/** The time as the delivery rules see it; tests replace `now` to put a message in the night. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
