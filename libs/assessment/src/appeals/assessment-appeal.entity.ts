import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

export const APPEAL_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = {
  pending: '待处理',
  accepted: '已采纳',
  rejected: '未采纳',
};

/** 申诉: a unit contests its released score, with text and attachment references; the office decides. */
@Entity('assessment_appeal')
@Index('ix_assessment_appeal_run', ['runId', 'status'])
@Index('ix_assessment_appeal_unit', ['unitId', 'runId'])
export class AssessmentAppeal {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'run_id', type: 'integer' })
  runId!: number;

  @Column({ name: 'unit_id', type: 'integer' })
  unitId!: number;

  /** The result (version) the unit saw when it appealed. */
  @Column({ name: 'result_id', type: 'integer' })
  resultId!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'simple-json' })
  attachments!: string[];

  @Column({ type: 'varchar', length: 20 })
  status!: AppealStatus;

  @Column({ name: 'filed_by', type: 'integer' })
  filedBy!: number;

  @Column(timestampColumn('filed_at'))
  filedAt!: Date;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'decided_by', type: 'integer', nullable: true })
  decidedBy!: number | null;

  @Column(timestampColumn('decided_at', true))
  decidedAt!: Date | null;

  @Column({ name: 'adjustment_id', type: 'integer', nullable: true })
  adjustmentId!: number | null;
}
