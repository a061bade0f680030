import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { CalendarYearInfo, loadCalendarData } from './calendar-data.loader';
import { WorkingCalendar } from '../policy/working-calendar';
import { localDateOf, yearOf } from '../policy/shanghai-time';

/** Years around "now" the calendar covers: back for late reports, forward for multi-year plans. */
const YEARS_BACK = 2;
const YEARS_AHEAD = 6;

/**
 * The working-day calendar the services use. Built from the holiday package and the statutory fallback; the
 * office's own corrections arrive with the reporting issue (they will be passed in as `corrections`).
 */
@Injectable()
export class WorkingCalendarProvider {
  private cached: { fromYear: number; calendar: WorkingCalendar; years: readonly CalendarYearInfo[] } | null = null;

  constructor(private readonly clock: Clock) {}

  calendar(): WorkingCalendar {
    return this.load().calendar;
  }

  years(): readonly CalendarYearInfo[] {
    return this.load().years;
  }

  private load() {
    const fromYear = yearOf(localDateOf(this.clock.now().getTime())) - YEARS_BACK;
    if (this.cached?.fromYear !== fromYear) {
      const loaded = loadCalendarData({ fromYear, toYear: fromYear + YEARS_BACK + YEARS_AHEAD });
      this.cached = { fromYear, calendar: new WorkingCalendar(loaded.data), years: loaded.years };
    }
    return this.cached;
  }
}
