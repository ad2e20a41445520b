import { Injectable } from '@nestjs/common';

/**
 * The time, as the code that depends on it to the second reads it (authenticator codes). One
 * provider, so a test can move it; everything else reads `new Date()` directly.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
