import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import type { AuthUser } from '@app/org';
import { localDateOf } from '@app/workflows';
import { needsUnitJoin, unitInScope } from '../access/jurisdiction';
import { PlanVisibility } from '../access/plan-visibility';
import { DashboardDb, num, numOrNull } from '../sql/dashboard-db';
import { inList, raw, sql } from '../sql/sql';
import { latestPercentCte } from './latest-percent';

/** completed: closed by the office; overdue: its last one-off deadline has passed; else by what was reported. */
export const TASK_PROGRESS_STATES = ['completed', 'overdue', 'in_progress', 'not_started'] as const;
export type TaskProgressState = (typeof TASK_PROGRESS_STATES)[number];

export interface TaskProgress {
  taskId: number;
  planId: number;
  ref: string;
  title: string;
  state: TaskProgressState;
  /** 100 once completed; else the mean of the latest % of the lead (and 地方落实) units in view, 0 for none yet. */
  percent: number;
  /** The last one-off deadline (YYYY-MM-DD), if the task has any. */
  finalDeadline: string | null;
  units: number;
  unitsReported: number;
}

export interface UnitProgress {
  unitId: number;
  unitName: string;
  tasks: number;
  /** Tasks completed by the office, or reported at 100 % by this unit. */
  completed: number;
  /** Tasks on which the unit has not reported a percentage yet. */
  unreported: number;
  /** Mean of the unit's latest % over its tasks (unreported as 0, completed as 100). */
  percent: number;
}

export interface PlanSummary {
  planId: number;
  title: string;
  tasks: number;
  completed: number;
  overdue: number;
  /** Mean of the tasks' percentages. */
  percent: number;
}

export interface PlanProgress extends PlanSummary {
  units: UnitProgress[];
  taskRows: TaskProgress[];
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

/** 进度: a plan's tasks and units by their latest reported % complete, within the caller's jurisdiction. */
@Injectable()
export class ProgressQuery {
  constructor(
    private readonly db: DashboardDb,
    private readonly visibility: PlanVisibility,
    private readonly clock: Clock,
  ) {}

  /** 按计划: every plan with tasks assigned within the caller's jurisdiction. */
  async plans(user: Pick<AuthUser, 'scope'>): Promise<PlanSummary[]> {
    const tasks = await this.tasks(user, null);
    const titles = await this.db.rows<{ id: unknown; title: string }>(sql`
      SELECT p.id, p.title FROM plan p WHERE p.id IN ${inList([...new Set(tasks.map((t) => t.planId))])}
      ORDER BY p.id`);
    return titles.map((row) =>
      summaryOf(
        num(row.id),
        row.title,
        tasks.filter((t) => t.planId === num(row.id)),
      ),
    );
  }

  /** 按单位、按任务: one plan's units and tasks. */
  async plan(user: Pick<AuthUser, 'scope'>, planId: number): Promise<PlanProgress> {
    const plan = await this.visibility.assertVisible(user.scope, planId);
    const [units, tasks] = await Promise.all([this.units(user, planId), this.tasks(user, planId)]);
    return { ...summaryOf(planId, plan.title, tasks), units, taskRows: tasks };
  }

  private async units(user: Pick<AuthUser, 'scope'>, planId: number): Promise<UnitProgress[]> {
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      WITH ${latestPercentCte(planId, user.scope)}
      SELECT a.unit_id, u.name AS unit_name, u.path, COUNT(*) AS tasks,
        SUM(CASE WHEN t.status = 'completed' OR l.percent >= 100 THEN 1 ELSE 0 END) AS completed,
        SUM(CASE WHEN t.status <> 'completed' AND l.percent IS NULL THEN 1 ELSE 0 END) AS unreported,
        AVG(CASE WHEN t.status = 'completed' THEN 100 ELSE COALESCE(l.percent, 0) END) AS percent
      FROM assignment a
      JOIN task t ON t.id = a.task_id
      JOIN unit u ON u.id = a.unit_id
      LEFT JOIN latest l ON l.task_id = a.task_id AND l.unit_id = a.unit_id
      WHERE a.plan_id = ${planId} AND t.status <> 'cancelled' AND ${unitInScope(user.scope, 'u', 'a.unit_id')}
      GROUP BY a.unit_id, u.name, u.path
      ORDER BY u.path`);
    return rows.map((row) => ({
      unitId: num(row.unit_id),
      unitName: String(row.unit_name),
      tasks: num(row.tasks),
      completed: num(row.completed),
      unreported: num(row.unreported),
      percent: round1(num(row.percent)),
    }));
  }

  private async tasks(user: Pick<AuthUser, 'scope'>, planId: number | null): Promise<TaskProgress[]> {
    const today = localDateOf(this.clock.now().getTime());
    const rows = await this.db.rows<Record<string, unknown>>(sql`
      WITH ${latestPercentCte(planId, user.scope)}
      SELECT t.id, t.plan_id, t.ref, t.title, t.position, t.status,
        (SELECT MAX(d.date) FROM task_deadline d WHERE d.task_id = t.id AND d.kind = 'once') AS final_deadline,
        COUNT(a.id) AS units,
        SUM(CASE WHEN l.percent IS NULL THEN 0 ELSE 1 END) AS reported,
        AVG(CASE WHEN a.role <> 'participant' THEN COALESCE(l.percent, 0) END) AS lead_percent,
        AVG(COALESCE(l.percent, 0)) AS any_percent
      FROM task t
      JOIN assignment a ON a.task_id = t.id
      ${needsUnitJoin(user.scope) ? raw('JOIN unit u ON u.id = a.unit_id') : raw('')}
      LEFT JOIN latest l ON l.task_id = a.task_id AND l.unit_id = a.unit_id
      WHERE t.status <> 'cancelled' AND ${unitInScope(user.scope, 'u', 'a.unit_id')}
        ${planId === null ? raw('') : sql`AND t.plan_id = ${planId}`}
      GROUP BY t.id, t.plan_id, t.ref, t.title, t.position, t.status
      ORDER BY t.plan_id, t.position, t.id`);
    return rows.map((row) => {
      const completed = row.status === 'completed';
      const finalDeadline = typeof row.final_deadline === 'string' ? row.final_deadline : null;
      // A participant in view without the lead (a unit looking at its own part) is measured by its own figures.
      const percent = completed ? 100 : round1(num(numOrNull(row.lead_percent) ?? row.any_percent));
      const state: TaskProgressState = completed
        ? 'completed'
        : finalDeadline !== null && finalDeadline < today
          ? 'overdue'
          : num(row.reported) > 0
            ? 'in_progress'
            : 'not_started';
      return {
        taskId: num(row.id),
        planId: num(row.plan_id),
        ref: String(row.ref),
        title: String(row.title),
        state,
        percent,
        finalDeadline,
        units: num(row.units),
        unitsReported: num(row.reported),
      };
    });
  }
}

function summaryOf(planId: number, title: string, tasks: readonly TaskProgress[]): PlanSummary {
  return {
    planId,
    title,
    tasks: tasks.length,
    completed: tasks.filter((t) => t.state === 'completed').length,
    overdue: tasks.filter((t) => t.state === 'overdue').length,
    percent: tasks.length === 0 ? 0 : round1(tasks.reduce((sum, t) => sum + t.percent, 0) / tasks.length),
  };
}
