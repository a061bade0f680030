import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { Clock } from '@app/core';
import { ObligationsService, periodContaining, previousPeriod } from '@app/reporting';
import { localDateOf } from '@app/workflows';
import { MonthlyCirculars } from './circulars/monthly-circulars';

/** At most this many months are caught up in one call (a demo clock jumping years ahead stays bounded). */
const MAX_CATCH_UP = 24;

/**
 * Opens each month's reporting period (its obligations) once the month has begun, and plans the circular (通报) of
 * the month before. Both are idempotent, so running this in several instances, or again after a restart, creates
 * nothing twice; after an outage or a dev-clock jump every month in between is opened in order.
 */
@Injectable()
export class PeriodCycle {
  private readonly logger = new Logger(PeriodCycle.name);
  private lastOpened: string | null = null;

  constructor(
    private readonly obligations: ObligationsService,
    private readonly clock: Clock,
    private readonly circulars: MonthlyCirculars,
  ) {}

  async catchUp(): Promise<string[]> {
    const now = this.clock.now();
    const current = periodContaining(localDateOf(now.getTime()), 'monthly');
    const due: string[] = [];
    for (
      let period = current;
      period !== this.lastOpened && due.length < MAX_CATCH_UP;
      period = previousPeriod(period)
    ) {
      due.unshift(period);
      if (this.lastOpened === null && due.length === 2) {
        break;
      }
    }
    for (const period of due) {
      await this.openMonth(period, now);
    }
    this.lastOpened = current;
    return due;
  }

  /**
   * One month's opening: its obligations, and the circular of the month before. In Temporal mode the monthly cycle
   * workflow calls this from its first page (`openPeriodObligations`), so both modes open a month the same way.
   */
  async openMonth(period: string, now: Date): Promise<void> {
    const result = await this.obligations.openPeriod(period, now);
    if (result.created > 0) {
      this.logger.log({ msg: 'period opened', ...result });
    }
    await this.circulars.plan(previousPeriod(period));
  }
}

/** Checks every minute whether a new month has begun. Safe in several instances (see `PeriodCycle`). */
@Injectable()
export class PeriodCyclePoller {
  private running = false;

  constructor(private readonly cycle: PeriodCycle) {}

  @Interval('period-cycle', 60_000)
  async tick(): Promise<void> {
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      await this.cycle.catchUp();
    } finally {
      this.running = false;
    }
  }
}
