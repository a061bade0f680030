import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/** lead 牵头, participant 参与, local: a lower government carrying a task marked 地方落实. */
export const ASSIGNMENT_ROLES = ['lead', 'participant', 'local'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export const ASSIGNMENT_STATUSES = ['pending', 'acknowledged'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** One task given to one unit on publication, to be acknowledged (签收) by the unit's liaison or head. */
@Entity('assignment')
@Index('uq_assignment_task_unit', ['taskId', 'unitId'], { unique: true })
export class Assignment {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'plan_id', type: 'integer' })
  planId!: number;

  @Column({ name: 'task_id', type: 'integer' })
  taskId!: number;

  @Column({ name: 'unit_id', type: 'integer' })
  unitId!: number;

  @Column({ type: 'varchar', length: 20 })
  role!: AssignmentRole;

  @Column({ type: 'varchar', length: 20 })
  status!: AssignmentStatus;

  @Column(timestampColumn('acknowledge_due_at'))
  acknowledgeDueAt!: Date;

  @Column(timestampColumn('acknowledged_at', true))
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by', type: 'integer', nullable: true })
  acknowledgedBy!: number | null;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;
}
