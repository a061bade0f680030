import { Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { Clock } from '@app/core';
import { CalendarYearInfo, loadCalendarData } from './calendar-data.loader';
import { CalendarCorrectionsStore, OfficeCalendar } from './calendar-corrections.store';
import { WorkingCalendar } from '../policy/working-calendar';
import { localDateOf, yearOf } from '../policy/shanghai-time';

/** Years around "now" the calendar covers: back for late reports, forward for multi-year plans. */
const YEARS_BACK = 2;
const YEARS_AHEAD = 6;

/**
 * How long another API instance may keep using corrections from before the office's change. `invalidate()` reloads
 * at once in the instance that made the change; the others notice within this time.
 */
const REFRESH_AFTER_MS = 60_000;

const NO_OFFICE_CALENDAR: OfficeCalendar = { corrections: [], officeNoticeYears: [] };

/**
 * The working-day calendar the services use: the holiday package, the statutory fallback for years it lacks, and
 * the office's corrections from the database, which always win. `calendar()` stays synchronous (the policy and
 * every caller need it in the middle of a computation), so the corrections are loaded ahead: at start-up, by
 * `invalidate()` after a change, and in the background once they are older than `REFRESH_AFTER_MS`.
 */
@Injectable()
export class WorkingCalendarProvider implements OnModuleInit {
  private readonly logger = new Logger(WorkingCalendarProvider.name);
  private cached: { fromYear: number; calendar: WorkingCalendar; years: readonly CalendarYearInfo[] } | null = null;
  private office: OfficeCalendar = NO_OFFICE_CALENDAR;
  private loadedAt = 0;
  /** Bumped by every reload, so a slow background read never overwrites a newer `invalidate()`. */
  private generation = 0;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly clock: Clock,
    @Optional() private readonly store?: CalendarCorrectionsStore,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.invalidate();
  }

  calendar(): WorkingCalendar {
    return this.load().calendar;
  }

  years(): readonly CalendarYearInfo[] {
    return this.load().years;
  }

  /** Reloads the office's corrections and rebuilds the calendar; call it after a correction changes. */
  async invalidate(): Promise<void> {
    if (!this.store) {
      this.cached = null;
      return;
    }
    const generation = ++this.generation;
    const office = await this.store.load();
    if (generation === this.generation) {
      this.office = office;
      this.loadedAt = performance.now();
      this.cached = null;
    }
  }

  private load() {
    this.refreshIfStale();
    const fromYear = yearOf(localDateOf(this.clock.now().getTime())) - YEARS_BACK;
    if (this.cached?.fromYear !== fromYear) {
      const loaded = loadCalendarData({
        fromYear,
        toYear: fromYear + YEARS_BACK + YEARS_AHEAD,
        corrections: this.office.corrections,
        officeNoticeYears: this.office.officeNoticeYears,
      });
      this.cached = { fromYear, calendar: new WorkingCalendar(loaded.data), years: loaded.years };
    }
    return this.cached;
  }

  private refreshIfStale(): void {
    if (!this.store || this.refreshing || performance.now() - this.loadedAt < REFRESH_AFTER_MS) {
      return;
    }
    this.refreshing = this.invalidate()
      .catch((error: unknown) => this.logger.warn(`日历更正刷新失败，继续使用已加载的数据：${String(error)}`))
      .finally(() => {
        this.refreshing = null;
      });
  }
}
