import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';
import type { AssignmentRole } from '@app/plans';

/**
 * `open`: waiting for the report. `submitted`: locked until reviewed. `returned`: sent back (退回) with a new due
 * date and `round + 1`. `accepted`: closed. `waived`: excused by the office; the ladder stops as for a report.
 * `cancelled`: its task was cancelled (撤销) before it closed; nothing more is due, and it counts like a waiver.
 */
export const OBLIGATION_STATUSES = ['open', 'submitted', 'returned', 'accepted', 'waived', 'cancelled'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

/** 报送义务: one unit's report on one task for one period. */
@Entity('reporting_obligation')
@Index('uq_reporting_obligation_task_unit_period', ['taskId', 'unitId', 'period'], { unique: true })
export class Obligation {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'plan_id', type: 'integer' })
  planId!: number;

  @Column({ name: 'task_id', type: 'integer' })
  taskId!: number;

  @Column({ name: 'unit_id', type: 'integer' })
  unitId!: number;

  /** The assignment's role: participants report to the lead, leads and lower governments to the office. */
  @Column({ type: 'varchar', length: 20 })
  role!: AssignmentRole;

  /** `YYYY-MM`, or `YYYY-Qn` for a quarterly task: the period the report covers, whenever it arrives. */
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  /** First day of the period (YYYY-MM-DD): orders periods across cycles and refuses reports for future ones. */
  @Column({ name: 'period_start', type: 'varchar', length: 10 })
  periodStart!: string;

  /** The current deadline: the period's due date, or the new one after a return. */
  @Column(timestampColumn('due_at'))
  dueAt!: Date;

  @Column({ type: 'varchar', length: 20 })
  status!: ObligationStatus;

  /** 0 until the first return; every return adds one. */
  @Column({ type: 'integer', default: 0 })
  round!: number;

  @Column({ name: 'current_submission_id', type: 'integer', nullable: true })
  currentSubmissionId!: number | null;

  @Column(timestampColumn('submitted_at', true))
  submittedAt!: Date | null;

  /** Whether the latest submission came after the deadline it answered. */
  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column(timestampColumn('returned_at', true))
  returnedAt!: Date | null;

  @Column(timestampColumn('accepted_at', true))
  acceptedAt!: Date | null;

  /** The office's rating (1–5) given when it accepted, also in the review: the assessment reads it from here. */
  @Column({ name: 'accepted_rating', type: 'integer', nullable: true })
  acceptedRating!: number | null;

  /** The accepted report declares the task complete (100 %), as on the report: the assessment reads it from here. */
  @Column({ name: 'accepted_complete', type: 'boolean', default: false })
  acceptedComplete!: boolean;

  /** The user who accepted, returned or waived it last. */
  @Column({ name: 'reviewed_by', type: 'integer', nullable: true })
  reviewedBy!: number | null;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;

  @Column(timestampColumn('updated_at'))
  updatedAt!: Date;
}
