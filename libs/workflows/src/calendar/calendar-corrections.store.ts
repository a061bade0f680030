import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarCorrection } from './calendar-data.loader';
import { CalendarCorrectionEntry, OfficeNoticeYear } from './calendar-correction.entity';

/** What the office has entered: its corrections and the years whose notice it entered in full. */
export interface OfficeCalendar {
  readonly corrections: readonly CalendarCorrection[];
  readonly officeNoticeYears: readonly number[];
}

/** Reads the office's calendar from the database, for `WorkingCalendarProvider`. */
@Injectable()
export class CalendarCorrectionsStore {
  constructor(private readonly dataSource: DataSource) {}

  async load(): Promise<OfficeCalendar> {
    const [rows, years] = await Promise.all([
      this.dataSource.getRepository(CalendarCorrectionEntry).find({ order: { date: 'ASC' } }),
      this.dataSource.getRepository(OfficeNoticeYear).find({ order: { year: 'ASC' } }),
    ]);
    return {
      corrections: rows.map((row) => ({ date: row.date, kind: row.kind, note: row.note })),
      officeNoticeYears: years.map((row) => row.year),
    };
  }
}
