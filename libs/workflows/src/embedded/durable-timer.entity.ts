import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

export const TIMER_STATUSES = ['pending', 'done', 'cancelled'] as const;
export type TimerStatus = (typeof TIMER_STATUSES)[number];

/**
 * The embedded engine's durable clock: one row per subject (an obligation, a supervision case …) holding when its
 * handler must run next. Rows survive restarts; the poller claims due rows, so a step missed while the system was
 * down runs once on recovery.
 */
@Entity('workflow_timer')
@Index('uq_workflow_timer_subject', ['subjectType', 'subjectId'], { unique: true })
@Index('ix_workflow_timer_due', ['status', 'dueAt'])
export class DurableTimer {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'subject_type', type: 'varchar', length: 40 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 64 })
  subjectId!: string;

  @Column(timestampColumn('due_at'))
  dueAt!: Date;

  @Column({ type: 'varchar', length: 20 })
  status!: TimerStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /**
   * Not before this instant: a failed step backs off until then. (A sweep holds the rows it runs locked in its
   * transaction instead; pollers of earlier versions leased them with this column.)
   */
  @Column(timestampColumn('claimed_until', true))
  claimedUntil!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;

  @Column(timestampColumn('updated_at'))
  updatedAt!: Date;
}
