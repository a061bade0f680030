import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

export const REVIEW_DECISIONS = ['accepted', 'returned', 'waived'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** One decision on an obligation: accept (with an optional rating), return (with a comment), or waive. */
@Entity('reporting_review')
export class Review {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'obligation_id', type: 'integer' })
  obligationId!: number;

  /** The version decided on; null for a waiver given without a report. */
  @Column({ name: 'submission_id', type: 'integer', nullable: true })
  submissionId!: number | null;

  @Column({ type: 'integer' })
  round!: number;

  @Column({ type: 'varchar', length: 20 })
  decision!: ReviewDecision;

  /** 1–5, accept only: review quality counts in the year-end assessment. */
  @Column({ type: 'integer', nullable: true })
  rating!: number | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'reviewer_id', type: 'integer' })
  reviewerId!: number;

  @Column({ name: 'reviewer_unit_id', type: 'integer' })
  reviewerUnitId!: number;

  @Column(timestampColumn('reviewed_at'))
  reviewedAt!: Date;

  /** Return only: the new deadline. */
  @Column(timestampColumn('new_due_at', true))
  newDueAt!: Date | null;
}
