import { instantOf, type Scenario, type ScenarioObligation } from '../scenarios';
import type { ScenarioApi } from './scenario-api';
import { DEMO_PASSWORD } from './test-app';

/** Departments of the demo city that stand in for the scenario's units, in order of first use. */
const DEPARTMENTS = ['农业农村局', '生态环境局', '自然资源局', '水务局', '林业局', '住房和城乡建设局'] as const;

const TASK_TITLES = [
  '开展农用地土壤污染状况详查',
  '建立建设用地土壤环境监管清单',
  '推进受污染耕地安全利用',
  '加强涉重金属行业污染防控',
];

export interface UnitAccounts {
  unitId: number;
  /** The demo department's short name as a plan names it, e.g. 市农业农村局. */
  shortName: string;
  /** User ids per role at the unit. */
  liaisons: number[];
  heads: number[];
  /** A liaison's username, who reports for the unit. */
  reporter: string;
}

export interface ScenarioWorld {
  planId: number;
  units: Map<string, UnitAccounts>;
  tasks: Map<string, number>;
  /** Scenario obligation id → database id, filled as periods open. */
  obligations: Map<string, number>;
  officeAdmins: number[];
  supervisors: number[];
  usernames: Map<number, string>;
  roles: Map<number, string>;
}

interface UserRow {
  id: number;
  username: string;
  role: string;
  unitId: number;
}

interface UnitRow {
  id: number;
  name: string;
  shortName: string;
}

/**
 * Builds what a scenario describes on a fresh demo installation, through the API as the office would: the office's
 * calendar corrections, accounts for each unit's liaison and head, a plan with one task per scenario task led by
 * the scenario's units, published when the first period opens, and the plan's ladder.
 */
export async function buildWorld(api: ScenarioApi, scenario: Scenario): Promise<ScenarioWorld> {
  for (const correction of scenario.calendar.corrections ?? []) {
    await api.ok('office', 'post', '/calendar/corrections', { ...correction }, 201);
  }
  const unitIds = [...new Set(scenario.obligations.map((o) => o.unitId))];
  if (unitIds.length > DEPARTMENTS.length) {
    throw new Error(`scenario ${scenario.name} names more units than the runner maps (${DEPARTMENTS.length})`);
  }
  const demoUnits = await api.ok<UnitRow[]>('admin', 'get', '/units');
  const units = new Map<string, UnitAccounts>();
  let users = await api.ok<UserRow[]>('admin', 'get', '/users');
  for (const [index, scenarioUnit] of unitIds.entries()) {
    const unit = demoUnits.find((u) => u.name === `阳江市${DEPARTMENTS[index]}`);
    if (!unit) {
      throw new Error(`demo unit 阳江市${DEPARTMENTS[index]} not found`);
    }
    for (const role of ['unit_liaison', 'unit_head'] as const) {
      if (!users.some((u) => u.unitId === unit.id && u.role === role)) {
        const username = `scenario-${index}-${role === 'unit_liaison' ? 'liaison' : 'head'}`;
        await api.ok(
          'admin',
          'post',
          '/users',
          {
            username,
            displayName: `${unit.shortName}${role === 'unit_liaison' ? '联络员' : '负责人'}`,
            password: DEMO_PASSWORD,
            role,
            unitId: unit.id,
            email: `${username}@demo.local`,
          },
          201,
        );
      }
    }
    users = await api.ok<UserRow[]>('admin', 'get', '/users');
    const at = (role: string) => users.filter((u) => u.unitId === unit.id && u.role === role);
    units.set(scenarioUnit, {
      unitId: unit.id,
      shortName: unit.shortName,
      liaisons: at('unit_liaison').map((u) => u.id),
      heads: at('unit_head').map((u) => u.id),
      reporter: at('unit_liaison')[0].username,
    });
  }

  const taskIds = [...new Set(scenario.obligations.map((o) => o.taskId))];
  const lines = ['阳江市2026年土壤污染防治工作要点', '一、重点任务'];
  taskIds.forEach((taskId, index) => {
    const leads = [...new Set(scenario.obligations.filter((o) => o.taskId === taskId).map((o) => o.unitId))];
    const names = leads.map((id) => units.get(id)?.shortName).join('、');
    lines.push(`（${'一二三四'[index]}）${TASK_TITLES[index]}。持续实施。（${names}牵头）`);
  });
  const first = Math.min(...scenario.obligations.map((o) => instantOf(o.openedAt)));
  // The plan is imported and published as the first period opens: publication opens it.
  api.setClock(first);
  const imported = await api.ok<{ id: number; problems: unknown[] }>(
    'office',
    'post',
    '/plans/import',
    { text: lines.join('\n') },
    201,
  );
  if (imported.problems.length > 0) {
    throw new Error(`the scenario's plan does not import cleanly: ${JSON.stringify(imported.problems)}`);
  }
  if (scenario.ladder) {
    await api.ok('office', 'put', `/plans/${imported.id}/ladder`, { ...scenario.ladder });
  }
  await api.ok('office', 'post', `/plans/${imported.id}/publish`);
  const plan = await api.ok<{ tasks: Array<{ id: number; position: number }> }>(
    'office',
    'get',
    `/plans/${imported.id}`,
  );
  const ordered = [...plan.tasks].sort((a, b) => a.position - b.position);
  if (ordered.length !== taskIds.length) {
    throw new Error(`the plan has ${ordered.length} tasks, the scenario ${taskIds.length}`);
  }
  return {
    planId: imported.id,
    units,
    tasks: new Map(taskIds.map((id, index) => [id, ordered[index].id])),
    obligations: new Map(),
    officeAdmins: users.filter((u) => u.role === 'office_admin').map((u) => u.id),
    supervisors: users.filter((u) => u.role === 'supervisor').map((u) => u.id),
    usernames: new Map(users.map((u) => [u.id, u.username])),
    roles: new Map(users.map((u) => [u.id, u.role])),
  };
}

interface ObligationRow {
  id: number;
  dueAt: string;
  createdAt?: string;
}

/**
 * Finds the rows the period cycle opened for the scenario's obligations of this instant and gives each the
 * scenario's deadline through the office's deadline change (the reporting rule puts a due date that falls on a
 * holiday on the next working day, and its deadline at 18:00; scenarios name their own).
 */
export async function bindOpened(
  api: ScenarioApi,
  world: ScenarioWorld,
  opened: readonly ScenarioObligation[],
): Promise<void> {
  for (const obligation of opened) {
    const unit = world.units.get(obligation.unitId);
    const query = new URLSearchParams({
      planId: String(world.planId),
      period: obligation.period,
      unitId: String(unit?.unitId),
      taskId: String(world.tasks.get(obligation.taskId)),
    });
    const page = await api.ok<{ items: ObligationRow[] }>('office', 'get', `/obligations?${query.toString()}`);
    if (page.items.length !== 1) {
      throw new Error(
        `obligation ${obligation.id} was not opened at ${obligation.openedAt} (${page.items.length} rows)`,
      );
    }
    const row = page.items[0];
    world.obligations.set(obligation.id, row.id);
    const dueAt = instantOf(obligation.dueAt);
    if (Date.parse(row.dueAt) !== dueAt) {
      await api.ok('office', 'post', `/obligations/${row.id}/deadline`, {
        dueAt: new Date(dueAt).toISOString(),
        reason: '按情景设定的截止时间',
      });
    }
  }
}

/**
 * The cycle keeps opening periods for the plan's ongoing tasks; a scenario describes only the obligations it lists.
 * The office waives (免报) every other one as it opens, before it could issue anything, so the scenario's world
 * holds exactly its own obligations. Returns how many it waived.
 */
export async function waiveUnlisted(api: ScenarioApi, world: ScenarioWorld): Promise<number> {
  const page = await api.ok<{ items: Array<{ id: number; status: string; period: string }> }>(
    'office',
    'get',
    `/obligations?planId=${world.planId}&status=open&limit=500`,
  );
  const listed = new Set(world.obligations.values());
  const others = page.items.filter((row) => !listed.has(row.id));
  for (const row of others) {
    await api.ok('office', 'post', `/obligations/${row.id}/waive`, { comment: `情景未列出 ${row.period} 的报送` });
  }
  return others.length;
}
