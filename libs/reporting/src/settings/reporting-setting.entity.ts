import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/**
 * The office's reporting rule for a published plan. Without a row the plan's own `reporting` defaults apply (fixed
 * at publication) and a return gives `DEFAULT_RETURN_WORKING_DAYS`. Changes apply to periods opened afterwards.
 */
@Entity('reporting_setting')
export class ReportingSetting {
  @PrimaryColumn({ name: 'plan_id', type: 'integer' })
  planId!: number;

  @Column({ name: 'lead_due_day', type: 'integer' })
  leadDueDay!: number;

  @Column({ name: 'participant_due_day', type: 'integer' })
  participantDueDay!: number;

  @Column({ name: 'return_working_days', type: 'integer' })
  returnWorkingDays!: number;

  @Column({ name: 'updated_by', type: 'varchar', length: 100 })
  updatedBy!: string;

  @Column(timestampColumn('updated_at'))
  updatedAt!: Date;
}
