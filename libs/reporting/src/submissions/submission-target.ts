import type { EntityManager } from 'typeorm';
import { utcDate } from '@app/core';
import type { AssignmentRole } from '@app/plans';
import type { Obligation } from '../obligations/obligation.entity';

export type TargetObligation = Pick<
  Obligation,
  'id' | 'planId' | 'taskId' | 'unitId' | 'role' | 'period' | 'periodStart' | 'dueAt' | 'status' | 'round'
>;

/** The obligation a report is for, with the names its notice needs, read fresh inside the submitting transaction. */
export interface SubmissionTarget {
  obligation: TargetObligation;
  planTitle: string;
  governmentId: number;
  governmentPath: string;
  taskRef: string;
  taskTitle: string;
  unitName: string;
}

const SELECT_TARGET = `
  SELECT o.id, o.plan_id, o.task_id, o.unit_id, o.role, o.period, o.period_start, o.due_at, o.status, o.round,
         p.title AS plan_title, p.government_id, g.path AS government_path,
         t.ref AS task_ref, t.title AS task_title, u.name AS unit_name
  FROM reporting_obligation o
  JOIN plan p ON p.id = o.plan_id
  JOIN unit g ON g.id = p.government_id
  JOIN task t ON t.id = o.task_id
  JOIN unit u ON u.id = o.unit_id
  WHERE o.id = ?`;

interface TargetRow {
  id: number;
  plan_id: number;
  task_id: number;
  unit_id: number;
  role: AssignmentRole;
  period: string;
  period_start: string;
  due_at: Date | string;
  status: Obligation['status'];
  round: number;
  plan_title: string;
  government_id: number;
  government_path: string;
  task_ref: string;
  task_title: string;
  unit_name: string;
}

/** One statement instead of the obligation, plan, task and unit read one by one. */
export async function readSubmissionTarget(em: EntityManager, obligationId: number): Promise<SubmissionTarget | null> {
  const [row] = await em.query<TargetRow[]>(SELECT_TARGET, [obligationId]);
  if (!row) {
    return null;
  }
  return {
    obligation: {
      id: Number(row.id),
      planId: Number(row.plan_id),
      taskId: Number(row.task_id),
      unitId: Number(row.unit_id),
      role: row.role,
      period: row.period,
      periodStart: row.period_start,
      dueAt: utcDate.from(row.due_at) as Date,
      status: row.status,
      round: Number(row.round),
    },
    planTitle: row.plan_title,
    governmentId: Number(row.government_id),
    governmentPath: row.government_path,
    taskRef: row.task_ref,
    taskTitle: row.task_title,
    unitName: row.unit_name,
  };
}
