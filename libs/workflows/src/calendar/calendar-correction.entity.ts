import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';
import type { LocalDate } from '../policy/shanghai-time';

/** A day the office set itself (`CalendarCorrection` as stored): it always wins over the package and the law. */
@Entity('calendar_correction')
@Index('uq_calendar_correction_date', ['date'], { unique: true })
export class CalendarCorrectionEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  /** `YYYY-MM-DD`, Asia/Shanghai. */
  @Column({ type: 'varchar', length: 10 })
  date!: LocalDate;

  @Column({ type: 'varchar', length: 10 })
  kind!: 'holiday' | 'workday';

  @Column({ type: 'varchar', length: 200 })
  note!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy!: string;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;
}

/**
 * A year whose State Council notice (国务院办公厅关于部分节假日安排的通知) the office has entered as corrections:
 * neither the package nor the statutory fallback is used for it any more, and it is no longer provisional.
 */
@Entity('calendar_notice_year')
export class OfficeNoticeYear {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 200 })
  note!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy!: string;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;
}

export const CALENDAR_ENTITIES = [CalendarCorrectionEntry, OfficeNoticeYear];
