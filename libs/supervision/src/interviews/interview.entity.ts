import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/**
 * scheduled (已安排) → held (已约谈, minutes recorded) → followed_up (已报送整改落实情况) → closed (已办结);
 * a scheduled interview may be cancelled. See `interview-transitions.ts`.
 */
export const INTERVIEW_STATUSES = ['scheduled', 'held', 'followed_up', 'closed', 'cancelled'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

/** 约谈: the unit's principal head is called in. */
@Entity('interview')
@Index('uq_interview_dedup', ['dedupKey'], { unique: true })
@Index('ix_interview_unit', ['unitId', 'status'])
@Index('ix_interview_case', ['caseId'])
export class Interview {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'government_id', type: 'integer' })
  governmentId!: number;

  @Column({ name: 'unit_id', type: 'integer' })
  unitId!: number;

  @Column({ name: 'case_id', type: 'integer', nullable: true })
  caseId!: number | null;

  @Column({ type: 'text' })
  reason!: string;

  /** Who is called in, e.g. `陈某某（局长）`, taken from the unit's head when not given. */
  @Column({ name: 'principal_head', type: 'varchar', length: 100 })
  principalHead!: string;

  @Column(timestampColumn('starts_at'))
  startsAt!: Date;

  @Column(timestampColumn('ends_at'))
  endsAt!: Date;

  @Column({ type: 'varchar', length: 200 })
  place!: string;

  @Column({ type: 'simple-json' })
  attendees!: string[];

  /** 整改落实期限: when the unit must report what it did after the interview. */
  @Column(timestampColumn('follow_up_due_at'))
  followUpDueAt!: Date;

  @Column({ type: 'varchar', length: 20 })
  status!: InterviewStatus;

  @Column({ type: 'text', nullable: true })
  minutes!: string | null;

  @Column({ name: 'scheduled_by', type: 'varchar', length: 100 })
  scheduledBy!: string;

  @Column({ name: 'dedup_key', type: 'varchar', length: 200, nullable: true })
  dedupKey!: string | null;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;

  @Column(timestampColumn('updated_at'))
  updatedAt!: Date;
}
