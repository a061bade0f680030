import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import type { AuthUser } from '@app/org';
import { localDateOf, WorkingCalendarProvider } from '@app/workflows';
import { needsUnitJoin, unitInScope } from '../access/jurisdiction';
import { PlanVisibility } from '../access/plan-visibility';
import { asDate, DashboardDb, num } from '../sql/dashboard-db';
import { dbTime, inList, raw, sql } from '../sql/sql';

/** The furthest step the escalation ladder has reached for the unit's reports of that plan and period. */
export const OVERDUE_STEPS = ['none', 'yellow', 'red', 'supervision', 'interview'] as const;
export type OverdueStep = (typeof OVERDUE_STEPS)[number];

export interface OverdueReport {
  obligationId: number;
  planId: number;
  taskId: number;
  taskRef: string;
  taskTitle: string;
  unitId: number;
  unitName: string;
  role: string;
  period: string;
  status: string;
  dueAt: Date;
  overdueWorkingDays: number;
  step: OverdueStep;
}

export interface OverdueTask {
  taskId: number;
  planId: number;
  ref: string;
  title: string;
  /** The last one-off deadline (YYYY-MM-DD), passed. */
  deadline: string;
  overdueDays: number;
  leadUnits: string[];
}

export interface OverdueFilter {
  planId?: number;
  limit: number;
  offset: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** 逾期清单: reports past their deadline and tasks past their last one-off deadline, within the caller's jurisdiction. */
@Injectable()
export class OverdueQuery {
  constructor(
    private readonly db: DashboardDb,
    private readonly plans: PlanVisibility,
    private readonly calendars: WorkingCalendarProvider,
    private readonly clock: Clock,
  ) {}

  /** Oldest first. */
  async reports(
    user: Pick<AuthUser, 'scope'>,
    filter: OverdueFilter,
  ): Promise<{ total: number; items: OverdueReport[] }> {
    if (filter.planId !== undefined) {
      await this.plans.assertVisible(user.scope, filter.planId);
    }
    const now = this.clock.now();
    const where = sql`o.status IN ('open', 'returned') AND o.due_at <= ${dbTime(now)}
      AND ${unitInScope(user.scope, 'u', 'o.unit_id')}
      ${filter.planId === undefined ? raw('') : sql`AND o.plan_id = ${filter.planId}`}`;
    const [count, rows] = await Promise.all([
      this.db.rows<{ n: unknown }>(sql`
        SELECT COUNT(*) AS n FROM reporting_obligation o
        ${needsUnitJoin(user.scope) ? raw('JOIN unit u ON u.id = o.unit_id') : raw('')}
        WHERE ${where}`),
      this.db.rows<Record<string, unknown>>(sql`
        SELECT o.id, o.plan_id, o.task_id, o.unit_id, o.role, o.period, o.status, o.due_at,
          u.name AS unit_name, t.ref, t.title
        FROM reporting_obligation o
        JOIN unit u ON u.id = o.unit_id
        JOIN task t ON t.id = o.task_id
        WHERE ${where}
        ORDER BY o.due_at, o.id
        LIMIT ${filter.limit} OFFSET ${filter.offset}`),
    ]);
    const steps = await this.steps(rows.map((row) => num(row.unit_id)));
    const calendar = this.calendars.calendar();
    const today = localDateOf(now.getTime());
    return {
      total: num(count[0]?.n),
      items: rows.map((row) => {
        const dueAt = asDate(row.due_at);
        return {
          obligationId: num(row.id),
          planId: num(row.plan_id),
          taskId: num(row.task_id),
          taskRef: String(row.ref),
          taskTitle: String(row.title),
          unitId: num(row.unit_id),
          unitName: String(row.unit_name),
          role: String(row.role),
          period: String(row.period),
          status: String(row.status),
          dueAt,
          overdueWorkingDays: Math.max(0, calendar.workingDaysBetween(localDateOf(dueAt.getTime()), today)),
          step: steps.get(stepKey(row.plan_id, row.unit_id, row.period)) ?? 'none',
        };
      }),
    };
  }

  /** Tasks still active after their last one-off deadline, the longest overdue first. */
  async tasks(user: Pick<AuthUser, 'scope'>, planId: number | undefined): Promise<OverdueTask[]> {
    if (planId !== undefined) {
      await this.plans.assertVisible(user.scope, planId);
    }
    const now = this.clock.now();
    const today = localDateOf(now.getTime());
    const rows = await this.db.rows<{
      id: unknown;
      plan_id: unknown;
      ref: string;
      title: string;
      deadline: string;
    }>(sql`
      SELECT t.id, t.plan_id, t.ref, t.title, t.position, MAX(d.date) AS deadline
      FROM task t
      JOIN task_deadline d ON d.task_id = t.id AND d.kind = 'once'
      WHERE t.status = 'active' ${planId === undefined ? raw('') : sql`AND t.plan_id = ${planId}`}
        AND EXISTS (
          SELECT 1 FROM assignment a JOIN unit u ON u.id = a.unit_id
          WHERE a.task_id = t.id AND ${unitInScope(user.scope, 'u', 'a.unit_id')}
        )
      GROUP BY t.id, t.plan_id, t.ref, t.title, t.position
      HAVING MAX(d.date) < ${today}
      ORDER BY MAX(d.date), t.plan_id, t.position`);
    const leads = await this.db.rows<{ task_id: unknown; name: string }>(sql`
      SELECT a.task_id, u.name FROM assignment a JOIN unit u ON u.id = a.unit_id
      WHERE a.role = 'lead' AND a.task_id IN ${inList(rows.map((r) => num(r.id)))}
      ORDER BY a.task_id, a.id`);
    const todayMs = Date.parse(`${today}T00:00:00Z`);
    return rows.map((row) => ({
      taskId: num(row.id),
      planId: num(row.plan_id),
      ref: row.ref,
      title: row.title,
      deadline: String(row.deadline),
      overdueDays: Math.round((todayMs - Date.parse(`${String(row.deadline)}T00:00:00Z`)) / DAY_MS),
      leadUnits: leads.filter((l) => num(l.task_id) === num(row.id)).map((l) => l.name),
    }));
  }

  /**
   * The furthest step per (plan, unit, period) for the units on the page. The ladder warns and supervises a unit
   * once per plan and period, on one of its overdue reports, so the step is read at that level.
   */
  private async steps(unitIds: number[]): Promise<Map<string, OverdueStep>> {
    const units = [...new Set(unitIds)];
    const steps = new Map<string, OverdueStep>();
    if (units.length === 0) {
      return steps;
    }
    const [warnings, cases] = await Promise.all([
      this.db.rows<{ plan_id: unknown; unit_id: unknown; period: string; kind: string }>(sql`
        SELECT wo.plan_id, wo.unit_id, wo.period, w.kind FROM warning w
        JOIN reporting_obligation wo ON wo.id = w.obligation_id
        WHERE w.unit_id IN ${inList(units)}`),
      this.db.rows<{ plan_id: unknown; unit_id: unknown; period: string; interviews: unknown }>(sql`
        SELECT lo.plan_id, lo.unit_id, lo.period,
          (SELECT COUNT(*) FROM interview i WHERE i.case_id = c.id AND i.status <> 'cancelled') AS interviews
        FROM supervision_case c
        JOIN supervision_case_link l ON l.case_id = c.id AND l.kind = 'obligation'
        JOIN reporting_obligation lo ON lo.id = l.ref_id
        WHERE c.unit_id IN ${inList(units)}`),
    ]);
    const raise = (key: string, step: OverdueStep) => {
      const current = steps.get(key) ?? 'none';
      steps.set(key, OVERDUE_STEPS.indexOf(step) > OVERDUE_STEPS.indexOf(current) ? step : current);
    };
    for (const w of warnings) {
      if (w.kind === 'yellow' || w.kind === 'red') {
        raise(stepKey(w.plan_id, w.unit_id, w.period), w.kind);
      }
    }
    for (const c of cases) {
      raise(stepKey(c.plan_id, c.unit_id, c.period), num(c.interviews) > 0 ? 'interview' : 'supervision');
    }
    return steps;
  }
}

function stepKey(planId: unknown, unitId: unknown, period: unknown): string {
  return `${num(planId)}:${num(unitId)}:${String(period)}`;
}
