import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

export const PLAN_STATUSES = ['draft', 'published', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** How and when units report on the plan's tasks (seed 004: leads by the 3rd, participants earlier). */
export interface ReportingDefaults {
  /** Day of the month by which a lead unit reports the previous month to the office (每月3日前). */
  leadDueDay: number;
  /** Day of the month by which a participant reports its part to the lead. */
  participantDueDay: number;
  /** Working days a liaison has to acknowledge (签收) a newly published assignment. */
  acknowledgeWorkingDays: number;
}

export const DEFAULT_REPORTING: ReportingDefaults = { leadDueDay: 3, participantDueDay: 1, acknowledgeWorkingDays: 3 };

/** A remark of the importer, kept with the draft so the office can review it later. */
export interface ImportNote {
  line: number;
  message: string;
  text: string;
}

/** 计划: an action plan or annual implementation plan, with the source text it was read from. */
@Entity('plan')
export class Plan {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** The government whose plan this is: its office administers it, its subtree carries it out. */
  @Column({ name: 'government_id', type: 'integer' })
  governmentId!: number;

  /** The issuing office (领导小组办公室) or government, as the office chose. */
  @Column({ name: 'issuing_unit_id', type: 'integer' })
  issuingUnitId!: number;

  @Column({ name: 'year_start', type: 'integer', nullable: true })
  yearStart!: number | null;

  @Column({ name: 'year_end', type: 'integer', nullable: true })
  yearEnd!: number | null;

  @Column({ type: 'varchar', length: 20 })
  status!: PlanStatus;

  @Column({ name: 'source_text', type: 'text', nullable: true })
  sourceText!: string | null;

  @Column({ name: 'source_filename', type: 'varchar', length: 255, nullable: true })
  sourceFilename!: string | null;

  /** Which form of the document the tasks were read from: the task table or the prose clauses. */
  @Column({ name: 'source_form', type: 'varchar', length: 20, nullable: true })
  sourceForm!: 'table' | 'prose' | null;

  @Column({ type: 'simple-json' })
  reporting!: ReportingDefaults;

  /** What the importer could not settle (an unclosed clause, a phrase it did not understand), for the office. */
  @Column({ name: 'import_notes', type: 'simple-json', nullable: true })
  importNotes!: ImportNote[] | null;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy!: string;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;

  @Column(timestampColumn('updated_at'))
  updatedAt!: Date;

  @Column(timestampColumn('published_at', true))
  publishedAt!: Date | null;
}
