import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/**
 * `progress`: text and % complete. `no_task` (无此项任务) and `no_progress` (本月无新进展) are explicit declarations:
 * a report, not a missing one.
 */
export const SUBMISSION_KINDS = ['progress', 'no_task', 'no_progress'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const SUBMISSION_STATUSES = ['pending', 'accepted', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** One version of a report. Never changed after it is written, except for the outcome of its review. */
@Entity('reporting_submission')
@Index('uq_reporting_submission_round', ['obligationId', 'round'], { unique: true })
export class Submission {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'obligation_id', type: 'integer' })
  obligationId!: number;

  @Column({ type: 'integer' })
  round!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: SubmissionKind;

  @Column({ name: 'progress_text', type: 'text', nullable: true })
  progressText!: string | null;

  @Column({ name: 'percent_complete', type: 'integer', nullable: true })
  percentComplete!: number | null;

  /** 100 % on a progress report: the unit declares the task done; a once-task completes when this is accepted. */
  @Column({ name: 'declares_complete', type: 'boolean', default: false })
  declaresComplete!: boolean;

  @Column({ name: 'submitted_by', type: 'integer' })
  submittedBy!: number;

  @Column(timestampColumn('submitted_at'))
  submittedAt!: Date;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ type: 'varchar', length: 20 })
  status!: SubmissionStatus;
}

/** A reported actual of a plan indicator (指标). */
@Entity('reporting_indicator_value')
@Index('uq_reporting_indicator_value', ['submissionId', 'indicatorId'], { unique: true })
export class SubmissionIndicatorValue {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'submission_id', type: 'integer' })
  submissionId!: number;

  @Column({ name: 'indicator_id', type: 'integer' })
  indicatorId!: number;

  @Column({ type: 'double' })
  value!: number;
}

/** A file attached to a submission, stored content-addressed under the data folder. */
@Entity('reporting_attachment')
export class SubmissionAttachment {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'submission_id', type: 'integer' })
  submissionId!: number;

  @Column({ name: 'original_name', type: 'varchar', length: 255 })
  originalName!: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /** Relative to the data folder: `attachments/{yyyy}/{mm}/{sha256}`. */
  @Column({ name: 'storage_path', type: 'varchar', length: 300 })
  storagePath!: string;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;
}
