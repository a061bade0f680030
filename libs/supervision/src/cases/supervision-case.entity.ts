import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/**
 * open (待签收) → acknowledged (已签收) → rectifying (整改中) → closure_requested (待核查销号) → closed (已销号).
 * See `case-transitions.ts` for every allowed move.
 */
export const CASE_STATUSES = ['open', 'acknowledged', 'rectifying', 'closure_requested', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** 挂牌督办: a numbered supervision notice (督办单) with a rectification deadline; closed only after verification. */
@Entity('supervision_case')
@Index('uq_supervision_case_number', ['governmentId', 'year', 'number'], { unique: true })
@Index('uq_supervision_case_dedup', ['dedupKey'], { unique: true })
@Index('ix_supervision_case_unit', ['unitId', 'status'])
export class SupervisionCase {
  @PrimaryGeneratedColumn()
  id!: number;

  /** The government whose office numbers the notice (the plan's government). */
  @Column({ name: 'government_id', type: 'integer' })
  governmentId!: number;

  /** Year of the number, in Asia/Shanghai: 督办〔year〕number号. */
  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ name: 'unit_id', type: 'integer' })
  unitId!: number;

  @Column({ name: 'plan_id', type: 'integer', nullable: true })
  planId!: number | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: CaseStatus;

  /** 整改期限. */
  @Column(timestampColumn('rectification_due_at'))
  rectificationDueAt!: Date;

  @Column(timestampColumn('opened_at'))
  openedAt!: Date;

  @Column({ name: 'opened_by', type: 'varchar', length: 100 })
  openedBy!: string;

  @Column({ name: 'dedup_key', type: 'varchar', length: 200, nullable: true })
  dedupKey!: string | null;

  @Column(timestampColumn('acknowledged_at', true))
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by', type: 'integer', nullable: true })
  acknowledgedBy!: number | null;

  @Column(timestampColumn('closed_at', true))
  closedAt!: Date | null;

  @Column({ name: 'closed_by', type: 'integer', nullable: true })
  closedBy!: number | null;

  @Column(timestampColumn('updated_at'))
  updatedAt!: Date;
}

export const CASE_LINK_KINDS = ['obligation', 'task'] as const;
export type CaseLinkKind = (typeof CASE_LINK_KINDS)[number];

/** What a case is about: reporting obligations (no foreign key, they belong to `@app/reporting`) and tasks. */
@Entity('supervision_case_link')
@Index('uq_supervision_case_link', ['caseId', 'kind', 'refId'], { unique: true })
export class SupervisionCaseLink {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'case_id', type: 'integer' })
  caseId!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: CaseLinkKind;

  @Column({ name: 'ref_id', type: 'integer' })
  refId!: number;
}
