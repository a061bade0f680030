import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/**
 * A plan's own escalation ladder (督办规则), set by the office. Without a row the plan follows the default ladder
 * (`DEFAULT_PLAN_LADDER`). Working days count from the due date: 1 = the first working day after it.
 */
@Entity('plan_ladder')
export class PlanLadderSetting {
  @PrimaryColumn({ name: 'plan_id', type: 'integer' })
  planId!: number;

  /** Null: no reminder before the due date. */
  @Column({ name: 'reminder_days_before_due', type: 'integer', nullable: true })
  reminderWorkingDaysBeforeDue!: number | null;

  @Column({ name: 'remind_on_due_date', type: 'boolean' })
  remindOnDueDate!: boolean;

  @Column({ name: 'yellow_after_days', type: 'integer' })
  yellowWarningAfterWorkingDays!: number;

  @Column({ name: 'red_after_days', type: 'integer' })
  redWarningAfterWorkingDays!: number;

  @Column({ name: 'supervision_after_days', type: 'integer' })
  supervisionAfterWorkingDays!: number;

  @Column({ name: 'supervision_on_consecutive', type: 'boolean' })
  supervisionOnConsecutiveOverdue!: boolean;

  @Column({ name: 'rectification_days', type: 'integer' })
  rectificationWorkingDays!: number;

  /** `HH:mm`, Asia/Shanghai: steps are issued from the opening and a rectification deadline ends at the closing. */
  @Column({ name: 'office_opens_at', type: 'varchar', length: 5 })
  officeOpensAt!: string;

  @Column({ name: 'office_closes_at', type: 'varchar', length: 5 })
  officeClosesAt!: string;

  /** Percentage points reported progress may trail the elapsed share of a task's deadline window (进度滞后容差). */
  @Column({ name: 'progress_lag_margin', type: 'integer' })
  progressLagMarginPoints!: number;

  @Column({ name: 'updated_by', type: 'varchar', length: 100 })
  updatedBy!: string;

  @Column(timestampColumn('updated_at'))
  updatedAt!: Date;
}
