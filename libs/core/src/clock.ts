/** The one source of "now". Injected everywhere so tests and the dev clock can move time. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock that can be set. Used by tests, and by the dev clock endpoint when ALLOW_CLOCK_CONTROL=1:
 * after `set`, time keeps flowing from the new instant.
 */
export class AdjustableClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }

  isShifted(): boolean {
    return this.offsetMs !== 0;
  }
}
