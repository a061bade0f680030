import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/**
 * `ignored`: the workflow no longer exists (it ended, or never started), so a signal or cancellation has nothing
 * left to reach; kept with the server's answer in `last_error`. `failed`: the server kept refusing it.
 */
export const WORKFLOW_COMMAND_STATUSES = ['pending', 'delivered', 'ignored', 'failed'] as const;
export type WorkflowCommandStatus = (typeof WORKFLOW_COMMAND_STATUSES)[number];

/**
 * A start, signal or cancellation for the Temporal engine, written in the transaction of the change it reports and delivered
 * after commit (outbox): nothing is lost while the server is down, and a rolled-back change sends nothing.
 */
@Entity('workflow_command')
@Index('ix_workflow_command_status', ['status', 'id'])
export class WorkflowCommandRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 10 })
  kind!: 'start' | 'signal' | 'cancel';

  @Column({ name: 'workflow_id', type: 'varchar', length: 200 })
  workflowId!: string;

  /** The workflow type for a start, the signal name for a signal, `cancel` for a cancellation. */
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
