import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

export const WORKFLOW_COMMAND_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WorkflowCommandStatus = (typeof WORKFLOW_COMMAND_STATUSES)[number];

/**
 * A start or signal for the Temporal engine, written in the transaction of the change it reports and delivered
 * after commit (outbox): nothing is lost while the server is down, and a rolled-back change sends nothing.
 */
@Entity('workflow_command')
@Index('ix_workflow_command_status', ['status', 'id'])
export class WorkflowCommandRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 10 })
  kind!: 'start' | 'signal';

  @Column({ name: 'workflow_id', type: 'varchar', length: 200 })
  workflowId!: string;

  /** The workflow type for a start, the signal name for a signal. */
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** The arguments, JSON. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: WorkflowCommandStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;

  @Column(timestampColumn('delivered_at', true))
  deliveredAt!: Date | null;
}
