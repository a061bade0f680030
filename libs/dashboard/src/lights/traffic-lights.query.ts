import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import type { AuthUser } from '@app/org';
import { unitInScope } from '../access/jurisdiction';
import { PlanVisibility } from '../access/plan-visibility';
import { DashboardDb, num } from '../sql/dashboard-db';
import { inList, raw, sql } from '../sql/sql';
import { Light, lightsBy, LightSignal, LightSignals } from './light-signals';

export interface UnitLight {
  unitId: number;
  unitName: string;
  light: Light;
  /** Warnings in force (yellow and red), red ones among them, and open supervision cases. */
  warnings: number;
  redWarnings: number;
  openCases: number;
}

export interface TaskLight {
  taskId: number;
  planId: number;
  ref: string;
  title: string;
  light: Light;
}

export interface TrafficLights {
  units: UnitLight[];
  tasks: TaskLight[];
}

/** 红黄绿灯: every unit and task in view, green unless a warning or case in force says otherwise. */
@Injectable()
export class TrafficLightsQuery {
  constructor(
    private readonly db: DashboardDb,
    private readonly plans: PlanVisibility,
    private readonly signals: LightSignals,
    private readonly clock: Clock,
  ) {}

  async lights(user: Pick<AuthUser, 'scope'>, planId: number | undefined): Promise<TrafficLights> {
    if (planId !== undefined) {
      await this.plans.assertVisible(user.scope, planId);
    }
    const scope = user.scope;
    const planFilter = planId === undefined ? raw('') : sql`AND a.plan_id = ${planId}`;
    const [signals, units, tasks] = await Promise.all([
      this.signals.load(scope, planId, this.clock.now()),
      this.db.rows<{ id: unknown; name: string }>(sql`
        SELECT u.id, u.name, u.path FROM unit u
        WHERE EXISTS (
          SELECT 1 FROM assignment a WHERE a.unit_id = u.id ${planFilter}
        ) AND ${unitInScope(scope, 'u', 'u.id')}
        ORDER BY u.path`),
      this.db.rows<{ id: unknown; plan_id: unknown; ref: string; title: string }>(sql`
        SELECT t.id, t.plan_id, t.ref, t.title, t.position FROM task t
        WHERE t.status <> 'cancelled' AND EXISTS (
          SELECT 1 FROM assignment a JOIN unit u ON u.id = a.unit_id
          WHERE a.task_id = t.id ${planFilter} AND ${unitInScope(scope, 'u', 'a.unit_id')}
        )
        ORDER BY t.plan_id, t.position, t.id`),
    ]);
    const unitLights = lightsBy(signals, 'unitId');
    const taskLights = lightsBy(signals, 'taskId');
    const named = new Map(units.map((u) => [num(u.id), u.name]));
    const missing = [...unitLights.keys()].filter((id) => !named.has(id));
    if (missing.length > 0) {
      // A unit warned or under supervision without an assignment left in view (a cancelled task) is still shown.
      for (const row of await this.db.rows<{ id: unknown; name: string }>(
        sql`SELECT u.id, u.name FROM unit u WHERE u.id IN ${inList(missing)}`,
      )) {
        named.set(num(row.id), row.name);
      }
    }
    return {
      units: [...named].map(([unitId, unitName]) => unitLight(unitId, unitName, unitLights.get(unitId), signals)),
      tasks: tasks.map((t) => ({
        taskId: num(t.id),
        planId: num(t.plan_id),
        ref: t.ref,
        title: t.title,
        light: taskLights.get(num(t.id)) ?? 'green',
      })),
    };
  }
}

function unitLight(unitId: number, unitName: string, light: Light | undefined, signals: LightSignal[]): UnitLight {
  const own = signals.filter((s) => s.unitId === unitId);
  return {
    unitId,
    unitName,
    light: light ?? 'green',
    warnings: distinct(own.filter((s) => s.source === 'warning')),
    redWarnings: distinct(own.filter((s) => s.source === 'warning' && s.light === 'red')),
    openCases: distinct(own.filter((s) => s.source === 'case')),
  };
}

const distinct = (signals: LightSignal[]): number => new Set(signals.map((s) => s.sourceId)).size;
