import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

export const TASK_STATUSES = ['active', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const REPORTING_CYCLES = ['monthly', 'quarterly'] as const;
export type ReportingCycle = (typeof REPORTING_CYCLES)[number];

/** 任务: one responsibility clause of a plan. A plan item with two clauses is two tasks with the same ref. */
@Entity('task')
export class Task {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'plan_id', type: 'integer' })
  planId!: number;

  /** The document's own numbering path, e.g. `二/(三)/1`. */
  @Column({ type: 'varchar', length: 100 })
  ref!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'text' })
  text!: string;

  /** 地方落实: the lower governments carry the task as well. */
  @Column({ name: 'local_responsibility', type: 'boolean', default: false })
  localResponsibility!: boolean;

  @Column({ type: 'varchar', length: 20 })
  status!: TaskStatus;

  @Column({ name: 'reporting_cycle', type: 'varchar', length: 20 })
  reportingCycle!: ReportingCycle;

  @Column({ name: 'source_line', type: 'integer', nullable: true })
  sourceLine!: number | null;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;

  @Column(timestampColumn('updated_at'))
  updatedAt!: Date;
}

export const TASK_UNIT_ROLES = ['lead', 'participant'] as const;
export type TaskUnitRole = (typeof TASK_UNIT_ROLES)[number];

/**
 * A unit named by a task, as the document wrote it and as it resolved. `unitId` stays null until the name resolves
 * or the office maps it: publishing refuses a plan with any such row.
 */
@Entity('task_unit')
export class TaskUnit {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'task_id', type: 'integer' })
  taskId!: number;

  @Column({ name: 'plan_id', type: 'integer' })
  planId!: number;

  @Column({ type: 'varchar', length: 20 })
  role!: TaskUnitRole;

  @Column({ name: 'raw_name', type: 'varchar', length: 200 })
  rawName!: string;

  @Column({ name: 'unit_id', type: 'integer', nullable: true })
  unitId!: number | null;

  @Column({ type: 'integer' })
  position!: number;
}

export const DEADLINE_KINDS = ['once', 'recurring', 'ongoing', 'from'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** 期限: the phrase as written and what it means. */
@Entity('task_deadline')
export class TaskDeadline {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'task_id', type: 'integer' })
  taskId!: number;

  @Column({ type: 'varchar', length: 200 })
  raw!: string;

  /** YYYY-MM-DD (a local date in Asia/Shanghai), or null when the phrase has none (ongoing, 定期). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  date!: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind!: DeadlineKind;

  /** ISO 8601 duration of a recurring duty (P1Y, P10Y, P1M); null when not stated. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  every!: string | null;

  @Column({ type: 'integer' })
  position!: number;
}

/** 指标: a quantitative target of the plan, e.g. 受污染耕地安全利用率达到90%左右. */
@Entity('plan_indicator')
export class PlanIndicator {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'plan_id', type: 'integer' })
  planId!: number;

  @Column({ name: 'task_id', type: 'integer', nullable: true })
  taskId!: number | null;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 2 })
  comparator!: '>=' | '<=' | '=';

  @Column({ type: 'double' })
  target!: number;

  @Column({ type: 'varchar', length: 20 })
  unit!: string;

  @Column({ type: 'boolean', default: false })
  approximate!: boolean;

  @Column({ type: 'double', nullable: true })
  baseline!: number | null;

  @Column({ name: 'target_date', type: 'varchar', length: 10, nullable: true })
  targetDate!: string | null;

  @Column({ name: 'owner_unit_id', type: 'integer', nullable: true })
  ownerUnitId!: number | null;

  @Column({ type: 'varchar', length: 500 })
  raw!: string;
}
