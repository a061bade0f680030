import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, DomainError, UnitOfWork, Clock, describeActor } from '@app/core';
import { toDayNumber } from '../policy/shanghai-time';
import { CalendarCorrectionEntry, OfficeNoticeYear } from './calendar-correction.entity';
import { WorkingCalendarProvider } from './working-calendar.provider';

export interface CorrectionInput {
  date: string;
  kind: 'holiday' | 'workday';
  note?: string | null;
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** The office's corrections to the working-day calendar. Every change is audited and reloads the calendar. */
@Injectable()
export class CalendarCorrectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly provider: WorkingCalendarProvider,
    private readonly clock: Clock,
  ) {}

  list(year?: number): Promise<CalendarCorrectionEntry[]> {
    const qb = this.dataSource.getRepository(CalendarCorrectionEntry).createQueryBuilder('c').orderBy('c.date', 'ASC');
    if (year !== undefined) {
      qb.where('c.date LIKE :prefix', { prefix: `${year}-%` });
    }
    return qb.getMany();
  }

  noticeYears(): Promise<OfficeNoticeYear[]> {
    return this.dataSource.getRepository(OfficeNoticeYear).find({ order: { year: 'ASC' } });
  }

  async add(actor: Actor, input: CorrectionInput): Promise<CalendarCorrectionEntry> {
    const date = checkDate(input.date);
    if (input.kind !== 'holiday' && input.kind !== 'workday') {
      throw DomainError.invalid('kind', '取值必须是以下之一：holiday, workday');
    }
    const note = (input.note ?? '').trim();
    if (note.length > 200) {
      throw DomainError.invalid('note', '长度不能超过 200 个字符');
    }
    const entry = await this.unitOfWork.run(async (em) => {
      if (await em.existsBy(CalendarCorrectionEntry, { date })) {
        throw new DomainError('CONFLICT', `${date} 已有更正，请先删除再添加`, { date: ['该日期已有更正'] });
      }
      const row = em.create(CalendarCorrectionEntry, {
        date,
        kind: input.kind,
        note,
        createdBy: describeActor(actor),
        createdAt: this.clock.now(),
      });
      await em.insert(CalendarCorrectionEntry, row);
      await this.audit.record(em, {
        actor,
        action: 'calendar_correction.add',
        entityType: 'calendar_correction',
        entityId: date,
        unitId: null,
        after: { date, kind: row.kind, note },
      });
      return row;
    });
    await this.provider.invalidate();
    return entry;
  }

  async remove(actor: Actor, rawDate: string): Promise<void> {
    const date = checkDate(rawDate);
    await this.unitOfWork.run(async (em) => {
      const row = await em.findOneBy(CalendarCorrectionEntry, { date });
      if (!row) {
        throw DomainError.notFound('日历更正', date);
      }
      await em.delete(CalendarCorrectionEntry, { id: row.id });
      await this.audit.record(em, {
        actor,
        action: 'calendar_correction.remove',
        entityType: 'calendar_correction',
        entityId: date,
        unitId: null,
        before: { date, kind: row.kind, note: row.note },
      });
    });
    await this.provider.invalidate();
  }

  /** The office says it has entered the year's State Council notice as corrections: the year stops being provisional. */
  async markNoticeEntered(actor: Actor, year: number, note?: string | null): Promise<OfficeNoticeYear> {
    checkYear(year);
    const text = (note ?? '').trim();
    if (text.length > 200) {
      throw DomainError.invalid('note', '长度不能超过 200 个字符');
    }
    const row = await this.unitOfWork.run(async (em) => {
      const existing = await em.findOneBy(OfficeNoticeYear, { year });
      if (existing) {
        return existing;
      }
      const created = em.create(OfficeNoticeYear, {
        year,
        note: text,
        createdBy: describeActor(actor),
        createdAt: this.clock.now(),
      });
      await em.insert(OfficeNoticeYear, created);
      await this.audit.record(em, {
        actor,
        action: 'calendar_notice_year.mark',
        entityType: 'calendar_notice_year',
        entityId: year,
        unitId: null,
        after: { year, note: text },
      });
      return created;
    });
    await this.provider.invalidate();
    return row;
  }

  async unmarkNoticeEntered(actor: Actor, year: number): Promise<void> {
    checkYear(year);
    await this.unitOfWork.run(async (em) => {
      const row = await em.findOneBy(OfficeNoticeYear, { year });
      if (!row) {
        throw DomainError.notFound('已录入通知的年份', year);
      }
      await em.delete(OfficeNoticeYear, { year });
      await this.audit.record(em, {
        actor,
        action: 'calendar_notice_year.unmark',
        entityType: 'calendar_notice_year',
        entityId: year,
        unitId: null,
        before: { year, note: row.note },
      });
    });
    await this.provider.invalidate();
  }
}

function checkDate(date: string): string {
  try {
    toDayNumber(date);
  } catch {
    throw DomainError.invalid('date', '必须是有效的日期（YYYY-MM-DD）');
  }
  checkYear(Number(date.slice(0, 4)), 'date');
  return date;
}

function checkYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw DomainError.invalid(field, `年份须在 ${MIN_YEAR}–${MAX_YEAR} 之间`);
  }
}
