import { Injectable } from '@nestjs/common';
import type { AccessScope } from '@app/org';
import { needsUnitJoin, unitInScope } from '../access/jurisdiction';
import { DashboardDb, num, numOrNull } from '../sql/dashboard-db';
import { dbTime, raw, sql } from '../sql/sql';

/** green 正常推进, yellow 已预警, red 已升级 (red warning or an open supervision case). */
export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

/** A reason for a unit (and, when known, a task) to show yellow or red. */
export interface LightSignal {
  unitId: number;
  taskId: number | null;
  light: Exclude<Light, 'green'>;
  source: 'warning' | 'case';
  /** The warning's or the case's id. */
  sourceId: number;
}

/** A warning without an obligation (progress lag, or one issued by hand) stays in force this long. */
export const STANDALONE_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function worse(a: Light, b: Light): Light {
  return LIGHTS.indexOf(a) >= LIGHTS.indexOf(b) ? a : b;
}

/**
 * The warnings and cases still in force. Warnings are never withdrawn (they count at year end), but the lights
 * show the present: a warning about overdue reports is in force while the unit still has reports of that plan and
 * period overdue (the ladder warns a unit once per period, on one of its obligations); a warning without an
 * obligation for `STANDALONE_WARNING_DAYS`; a supervision case until it is closed (销号).
 */
@Injectable()
export class LightSignals {
  constructor(private readonly db: DashboardDb) {}

  async load(scope: AccessScope, planId: number | undefined, now: Date): Promise<LightSignal[]> {
    const [warnings, cases] = await Promise.all([this.warnings(scope, planId, now), this.cases(scope, planId)]);
    return [...warnings, ...cases];
  }

  private async warnings(scope: AccessScope, planId: number | undefined, now: Date): Promise<LightSignal[]> {
    const rows = await this.db.rows<{ id: unknown; unit_id: unknown; task_id: unknown; kind: string }>(sql`
      SELECT w.id, w.unit_id, w.task_id, w.kind
      FROM warning w
      ${needsUnitJoin(scope) ? raw('JOIN unit u ON u.id = w.unit_id') : raw('')}
      LEFT JOIN reporting_obligation wo ON wo.id = w.obligation_id
      WHERE ${unitInScope(scope, 'u', 'w.unit_id')}
        ${planId === undefined ? raw('') : sql`AND w.plan_id = ${planId}`}
        AND (
          (w.obligation_id IS NULL AND w.issued_at >= ${dbTime(new Date(now.getTime() - STANDALONE_WARNING_DAYS * DAY_MS))})
          OR EXISTS (
            SELECT 1 FROM reporting_obligation o2
            WHERE o2.unit_id = wo.unit_id AND o2.plan_id = wo.plan_id AND o2.period = wo.period
              AND o2.status IN ('open', 'returned') AND o2.due_at <= ${dbTime(now)}
          )
        )`);
    return rows.map((row) => ({
      unitId: num(row.unit_id),
      taskId: numOrNull(row.task_id),
      light: row.kind === 'red' ? 'red' : 'yellow',
      source: 'warning',
      sourceId: num(row.id),
    }));
  }

  private async cases(scope: AccessScope, planId: number | undefined): Promise<LightSignal[]> {
    const rows = await this.db.rows<{ id: unknown; unit_id: unknown; task_id: unknown }>(sql`
      SELECT c.id, c.unit_id, CASE WHEN l.kind = 'task' THEN l.ref_id ELSE lo.task_id END AS task_id
      FROM supervision_case c
      ${needsUnitJoin(scope) ? raw('JOIN unit u ON u.id = c.unit_id') : raw('')}
      LEFT JOIN supervision_case_link l ON l.case_id = c.id
      LEFT JOIN reporting_obligation lo ON l.kind = 'obligation' AND lo.id = l.ref_id
      WHERE c.status <> 'closed' AND ${unitInScope(scope, 'u', 'c.unit_id')}
        ${planId === undefined ? raw('') : sql`AND c.plan_id = ${planId}`}`);
    return rows.map((row) => ({
      unitId: num(row.unit_id),
      taskId: numOrNull(row.task_id),
      light: 'red',
      source: 'case',
      sourceId: num(row.id),
    }));
  }
}

/** The light of each unit (or task) named by the signals; anything not named is green. */
export function lightsBy(signals: readonly LightSignal[], key: 'unitId' | 'taskId'): Map<number, Light> {
  const lights = new Map<number, Light>();
  for (const signal of signals) {
    const id = signal[key];
    if (id !== null) {
      lights.set(id, worse(lights.get(id) ?? 'green', signal.light));
    }
  }
  return lights;
}
