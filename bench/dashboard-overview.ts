/**
 * The dashboard overview on ~1.8 million reporting obligations: 3,000 units under one city (20 counties of 149
 * departments), two plans of 100 tasks, 25 tasks per unit and plan, twelve months of 2026; the clock on 5 December
 * 2026, so the overview reads November (~150k reports, all due: most on time, some late, missing or 无此项任务) with a
 * few hundred warnings and cases in force. Synthetic rows go in with multi-row INSERTs inside one transaction.
 *
 * Measured in the same run: `OverviewQuery.overview` (what `GET /api/dashboard/overview` runs, for the office's
 * whole subtree) against the best hand-written SQL for the same figures. Goal: ≤ 1.5× and ≤ 300 ms (median).
 * MySQL/MariaDB when DATABASE_URL is mysql://…, SQLite otherwise.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/dashboard-overview.ts [units=3000] [runs=9]
 */
import { DataSource, QueryRunner } from 'typeorm';
import { OverviewQuery } from '@app/dashboard';
import type { AccessScope } from '@app/org';
import { startTestApp } from '../test/factories/test-app';

const PERIODS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
export const NOW = new Date('2026-12-05T02:00:00Z');
const TASKS_PER_PLAN = 100;
const TASKS_PER_UNIT = 25;
const COUNTIES = 20;
const ROWS_PER_INSERT = 1000;

/** Deterministic pseudo-random numbers (a linear congruential generator), so every run loads the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** The UTC text both drivers store in a DATETIME(3) column. */
const dbTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');
/** As a literal, for the few single-row statements. */
const ts = (date: Date) => `'${dbTime(date)}'`;

/**
 * Buffers rows and writes them in multi-row INSERTs with placeholders. Every full batch has the same text, so the
 * driver's statement cache prepares it once (better-sqlite3 would otherwise keep a hundred huge statements).
 */
class BulkInsert {
  private rows: Array<Array<string | number | null>> = [];
  inserted = 0;

  constructor(
    private readonly runner: QueryRunner,
    private readonly table: string,
    private readonly columns: string[],
    /** Rows this table's foreign keys point to, written first. */
    private readonly after?: BulkInsert,
  ) {}

  async add(values: Array<string | number | null>): Promise<void> {
    this.rows.push(values);
    if (this.rows.length >= ROWS_PER_INSERT) {
      await this.flush();
    }
  }

  async flush(): Promise<void> {
    await this.after?.flush();
    if (this.rows.length > 0) {
      const row = `(${this.columns.map(() => '?').join(',')})`;
      await this.runner.query(
        `INSERT INTO ${this.table} (${this.columns.join(',')}) VALUES ${this.rows.map(() => row).join(',')}`,
        this.rows.flat(),
      );
      this.inserted += this.rows.length;
      this.rows = [];
    }
  }
}

async function maxId(runner: QueryRunner, table: string): Promise<number> {
  const rows: Array<{ m: number | string | null }> = await runner.query(`SELECT MAX(id) AS m FROM ${table}`);
  return Number(rows[0].m ?? 0);
}

interface Loaded {
  cityPath: string;
  obligations: number;
  seconds: number;
}

export async function load(dataSource: DataSource, unitCount: number): Promise<Loaded> {
  const started = performance.now();
  const mysql = dataSource.options.type === 'mysql';
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  if (mysql) {
    await runner.query('SET FOREIGN_KEY_CHECKS = 0, UNIQUE_CHECKS = 0');
  }
  await runner.startTransaction();
  const rnd = random(42);
  const city: Array<{ id: number; path: string }> = await runner.query(
    `SELECT id, path FROM unit WHERE name = '阳江市人民政府'`,
  );
  const cityId = Number(city[0].id);
  const cityPath = city[0].path;
  const office: Array<{ id: number }> = await runner.query(`SELECT id FROM app_user WHERE username = 'office'`);
  const officeUserId = Number(office[0].id);
  const createdAt = new Date('2026-01-05T02:00:00Z');
  const created = dbTime(createdAt);

  // Units: 20 county governments, each with its departments.
  const units = new BulkInsert(runner, 'unit', [
    'id',
    'parent_id',
    'kind',
    'level',
    'name',
    'short_name',
    'path',
    'created_at',
    'updated_at',
  ]);
  let nextUnit = (await maxId(runner, 'unit')) + 1;
  const unitIds: number[] = [];
  const perCounty = Math.ceil(unitCount / COUNTIES) - 1;
  for (let c = 0; c < COUNTIES && unitIds.length < unitCount; c++) {
    const countyId = nextUnit++;
    const countyPath = `${cityPath}${countyId}/`;
    await units.add([
      countyId,
      cityId,
      'government',
      'county',
      `基准县${c}人民政府`,
      `基准县${c}`,
      countyPath,
      created,
      created,
    ]);
    unitIds.push(countyId);
    for (let d = 0; d < perCounty && unitIds.length < unitCount; d++) {
      const id = nextUnit++;
      await units.add([
        id,
        countyId,
        'department',
        'county',
        `基准县${c}部门${d}`,
        `部门${d}`,
        `${countyPath}${id}/`,
        created,
        created,
      ]);
      unitIds.push(id);
    }
  }
  await units.flush();

  // Plans and tasks.
  const planIds: number[] = [];
  const taskIds: number[][] = [];
  let nextPlan = (await maxId(runner, 'plan')) + 1;
  let nextTask = (await maxId(runner, 'task')) + 1;
  for (let p = 0; p < 2; p++) {
    const planId = nextPlan++;
    planIds.push(planId);
    await runner.query(
      `INSERT INTO plan (id, title, government_id, issuing_unit_id, year_start, year_end, status, reporting, created_by, created_at, updated_at, published_at)
       VALUES (${planId}, '基准计划${p}', ${cityId}, ${cityId}, 2026, 2026, 'published', '{"leadDueDay":3,"participantDueDay":1,"acknowledgeWorkingDays":3}', 'bench', ${ts(createdAt)}, ${ts(createdAt)}, ${ts(createdAt)})`,
    );
    const tasks = new BulkInsert(runner, 'task', [
      'id',
      'plan_id',
      'ref',
      'position',
      'title',
      'text',
      'local_responsibility',
      'status',
      'reporting_cycle',
      'created_at',
      'updated_at',
    ]);
    const ids: number[] = [];
    for (let k = 0; k < TASKS_PER_PLAN; k++) {
      const id = nextTask++;
      ids.push(id);
      await tasks.add([
        id,
        planId,
        `${k + 1}`,
        k + 1,
        `基准任务${k + 1}`,
        `基准任务${k + 1}的内容。`,
        0,
        'active',
        'monthly',
        created,
        created,
      ]);
    }
    await tasks.flush();
    taskIds.push(ids);
  }

  // Assignments: each unit carries 25 tasks of each plan.
  const assignments = new BulkInsert(runner, 'assignment', [
    'id',
    'plan_id',
    'task_id',
    'unit_id',
    'role',
    'status',
    'acknowledge_due_at',
    'acknowledged_at',
    'acknowledged_by',
    'created_at',
  ]);
  let nextAssignment = (await maxId(runner, 'assignment')) + 1;
  const carried: Array<{ planId: number; taskId: number; unitId: number; role: string }> = [];
  unitIds.forEach((unitId, u) => {
    planIds.forEach((planId, p) => {
      for (let k = 0; k < TASKS_PER_UNIT; k++) {
        const taskId = taskIds[p][(u * 7 + k * 4) % TASKS_PER_PLAN];
        const role = k === 0 ? 'lead' : u % 149 === 0 ? 'local' : 'participant';
        carried.push({ planId, taskId, unitId, role });
      }
    });
  });
  for (const a of carried) {
    await assignments.add([
      nextAssignment++,
      a.planId,
      a.taskId,
      a.unitId,
      a.role,
      'acknowledged',
      created,
      created,
      officeUserId,
      created,
    ]);
  }
  await assignments.flush();

  // Obligations and their submissions, period by period.
  const obligations = new BulkInsert(runner, 'reporting_obligation', [
    'id',
    'plan_id',
    'task_id',
    'unit_id',
    'role',
    'period',
    'period_start',
    'due_at',
    'status',
    'round',
    'current_submission_id',
    'submitted_at',
    'late',
    'returned_at',
    'accepted_at',
    'reviewed_by',
    'created_at',
    'updated_at',
  ]);
  const submissions = new BulkInsert(
    runner,
    'reporting_submission',
    [
      'id',
      'obligation_id',
      'round',
      'kind',
      'progress_text',
      'percent_complete',
      'declares_complete',
      'submitted_by',
      'submitted_at',
      'late',
      'status',
    ],
    obligations,
  );
  let nextObligation = (await maxId(runner, 'reporting_obligation')) + 1;
  let nextSubmission = (await maxId(runner, 'reporting_submission')) + 1;
  const overdue: Array<{ id: number; planId: number; taskId: number; unitId: number }> = [];
  for (const [index, period] of PERIODS.entries()) {
    const month = index + 1;
    const due = new Date(Date.UTC(2026, month, 3, 10));
    const dueAt = dbTime(due);
    const opened = dbTime(new Date(Date.UTC(2026, month - 1, 1, 1)));
    const current = due.getTime() > NOW.getTime();
    for (const a of carried) {
      const id = nextObligation++;
      const roll = rnd();
      const state = current
        ? 'open'
        : roll < 0.84
          ? 'on_time'
          : roll < 0.91
            ? 'late'
            : roll < 0.95
              ? 'missing'
              : 'no_task';
      if (state === 'open' || state === 'missing') {
        await obligations.add([
          id,
          a.planId,
          a.taskId,
          a.unitId,
          a.role,
          period,
          `${period}-01`,
          dueAt,
          'open',
          0,
          null,
          null,
          0,
          null,
          null,
          null,
          opened,
          opened,
        ]);
        if (state === 'missing' && period === '2026-11') {
          overdue.push({ id, planId: a.planId, taskId: a.taskId, unitId: a.unitId });
        }
        continue;
      }
      const late = state === 'late' ? 1 : 0;
      const submitted = dbTime(new Date(due.getTime() + (late ? 3 : -2) * 86_400_000));
      const submissionId = nextSubmission++;
      const accepted = rnd() < 0.9;
      await obligations.add([
        id,
        a.planId,
        a.taskId,
        a.unitId,
        a.role,
        period,
        `${period}-01`,
        dueAt,
        accepted ? 'accepted' : 'submitted',
        0,
        submissionId,
        submitted,
        late,
        null,
        accepted ? submitted : null,
        accepted ? officeUserId : null,
        opened,
        submitted,
      ]);
      await submissions.add([
        submissionId,
        id,
        0,
        state === 'no_task' ? 'no_task' : 'progress',
        state === 'no_task' ? null : '按计划推进，完成阶段性工作。',
        state === 'no_task' ? null : Math.min(100, month * 8),
        0,
        officeUserId,
        submitted,
        late,
        accepted ? 'accepted' : 'pending',
      ]);
    }
  }
  await obligations.flush();
  await submissions.flush();

  // Warnings on one overdue report per unit and plan (the ladder warns a unit once per period), a case for some.
  const warned = new Map<string, (typeof overdue)[number]>();
  for (const o of overdue) {
    warned.set(`${o.planId}:${o.unitId}`, warned.get(`${o.planId}:${o.unitId}`) ?? o);
  }
  const warnings = new BulkInsert(runner, 'warning', [
    'id',
    'kind',
    'unit_id',
    'plan_id',
    'task_id',
    'obligation_id',
    'reason',
    'dedup_key',
    'issued_at',
    'issued_by',
  ]);
  let nextWarning = (await maxId(runner, 'warning')) + 1;
  let nextCase = (await maxId(runner, 'supervision_case')) + 1;
  let caseNumber = 1000;
  for (const o of [...warned.values()].slice(0, 600)) {
    const kind = o.unitId % 3 === 0 ? 'red' : 'yellow';
    await warnings.add([
      nextWarning,
      kind,
      o.unitId,
      o.planId,
      o.taskId,
      o.id,
      '逾期未报送',
      `bench:${nextWarning}`,
      dbTime(new Date('2026-12-04T01:00:00Z')),
      'system:bench',
    ]);
    nextWarning++;
    if (o.unitId % 10 === 0) {
      await runner.query(
        `INSERT INTO supervision_case (id, government_id, year, number, unit_id, plan_id, reason, status, rectification_due_at, opened_at, opened_by, updated_at)
         VALUES (${nextCase}, ${cityId}, 2026, ${caseNumber++}, ${o.unitId}, ${o.planId}, '逾期未报送', 'open', ${ts(new Date('2026-12-18T10:00:00Z'))}, ${ts(new Date('2026-12-04T01:00:00Z'))}, 'system:bench', ${ts(new Date('2026-12-04T01:00:00Z'))})`,
      );
      await runner.query(
        `INSERT INTO supervision_case_link (case_id, kind, ref_id) VALUES (${nextCase}, 'obligation', ${o.id})`,
      );
      nextCase++;
    }
  }
  await warnings.flush();
  await runner.commitTransaction();
  if (mysql) {
    await runner.query('SET FOREIGN_KEY_CHECKS = 1, UNIQUE_CHECKS = 1');
  }
  await runner.query(mysql ? 'ANALYZE TABLE reporting_obligation, reporting_submission, unit, warning' : 'ANALYZE');
  await runner.release();
  return { cityPath, obligations: obligations.inserted, seconds: (performance.now() - started) / 1000 };
}

/** The same figures as the overview, written by hand for this shape of data: the floor the service is held to. */
async function handWritten(dataSource: DataSource, rootPath: string): Promise<unknown> {
  const now = NOW.toISOString().replace('T', ' ').replace('Z', '');
  const prefix = `${rootPath}%`;
  const noTask = `SELECT s.id FROM reporting_submission s WHERE s.kind = 'no_task' AND s.submitted_at >= '2026-10-31'`;
  const [byPlanUnit, signals, warnings, cases] = await Promise.all([
    // One pass over the period's index entries; 无此项任务 by probing the month's no-task submissions.
    dataSource.query(
      `SELECT o.plan_id, o.unit_id, COUNT(*) AS total,
         SUM(CASE WHEN o.status IN ('submitted','accepted') AND o.late = 0 THEN 1 ELSE 0 END) AS done_on_time,
         SUM(CASE WHEN o.status IN ('submitted','accepted') AND o.late = 1 THEN 1 ELSE 0 END) AS done_late,
         SUM(CASE WHEN o.status IN ('submitted','accepted') AND o.current_submission_id IN (${noTask}) THEN 1 ELSE 0 END) AS no_task,
         SUM(CASE WHEN o.status IN ('submitted','accepted') AND o.late = 1 AND o.current_submission_id IN (${noTask}) THEN 1 ELSE 0 END) AS no_task_late,
         SUM(CASE WHEN o.status = 'waived' THEN 1 ELSE 0 END) AS waived,
         SUM(CASE WHEN o.status IN ('open','returned') AND o.due_at <= ? THEN 1 ELSE 0 END) AS missing,
         SUM(CASE WHEN o.status IN ('open','returned') AND o.due_at > ? THEN 1 ELSE 0 END) AS not_due
       FROM reporting_obligation o
       WHERE o.period = '2026-11' AND (
         o.plan_id IN (SELECT p.id FROM plan p JOIN unit g ON g.id = p.government_id WHERE g.path LIKE ?)
         OR o.unit_id IN (SELECT u.id FROM unit u WHERE u.path LIKE ?))
       GROUP BY o.plan_id, o.unit_id`,
      [now, now, prefix, prefix],
    ),
    dataSource.query(
      `SELECT w.unit_id, w.kind FROM warning w JOIN unit u ON u.id = w.unit_id
       JOIN reporting_obligation wo ON wo.id = w.obligation_id
       WHERE u.path LIKE ? AND EXISTS (
         SELECT 1 FROM reporting_obligation o2 WHERE o2.unit_id = wo.unit_id AND o2.plan_id = wo.plan_id
           AND o2.period = wo.period AND o2.status IN ('open','returned') AND o2.due_at <= ?)
       UNION ALL
       SELECT c.unit_id, 'case' FROM supervision_case c JOIN unit u ON u.id = c.unit_id
       WHERE c.status <> 'closed' AND u.path LIKE ?`,
      [prefix, now, prefix],
    ),
    dataSource.query(
      `SELECT w.kind, COUNT(*) AS n FROM warning w JOIN reporting_obligation o ON o.id = w.obligation_id
       JOIN unit u ON u.id = w.unit_id WHERE o.period = '2026-11' AND u.path LIKE ? GROUP BY w.kind`,
      [prefix],
    ),
    dataSource.query(
      `SELECT p.id, p.title, COUNT(t.id) AS tasks, SUM(CASE WHEN t.status = 'completed' THEN 1 ELSE 0 END) AS completed
       FROM plan p LEFT JOIN task t ON t.plan_id = p.id AND t.status <> 'cancelled' WHERE p.status = 'published'
       GROUP BY p.id, p.title`,
    ),
  ]);
  return { byPlanUnit, signals, warnings, cases };
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times;
}

async function main(): Promise<void> {
  const unitCount = Number(process.argv[2] ?? 3000);
  const runs = Number(process.argv[3] ?? 9);
  const t = await startTestApp();
  try {
    const dataSource = t.app.get(DataSource);
    const loaded = await load(dataSource, unitCount);
    t.clock.set(NOW);
    const scope: AccessScope = { kind: 'subtree', rootId: 0, rootPath: loaded.cityPath };
    const overview = t.app.get(OverviewQuery);
    const result = await overview.overview({ scope }, { period: '2026-11' });
    // Warm both once, then alternate so caches favour neither.
    await handWritten(dataSource, loaded.cityPath);
    const serviceTimes: number[] = [];
    const sqlTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      serviceTimes.push(...(await time(1, () => overview.overview({ scope }, { period: '2026-11' }))));
      sqlTimes.push(...(await time(1, () => handWritten(dataSource, loaded.cityPath))));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const service = median(serviceTimes);
    const baseline = median(sqlTimes);
    const memory = process.memoryUsage();
    console.log(
      `database: ${t.database.label}, units: ${unitCount}, obligations: ${loaded.obligations}, load: ${loaded.seconds.toFixed(1)} s`,
    );
    console.log(
      `overview 2026-11: ${result.totals.total} reports, on-time rate ${result.totals.onTimeRate}, lights ${JSON.stringify(result.lights)}, open cases ${result.openCases}`,
    );
    console.log(
      `baseline  hand-written SQL:   median ${baseline.toFixed(1)} ms  (runs: ${sqlTimes.map((v) => v.toFixed(0)).join(' ')})`,
    );
    console.log(
      `service   OverviewQuery:      median ${service.toFixed(1)} ms  (runs: ${serviceTimes.map((v) => v.toFixed(0)).join(' ')})`,
    );
    console.log(
      `ratio ${(service / baseline).toFixed(2)}× (goal ≤ 1.5×), ${service <= 300 ? 'within' : 'OVER'} 300 ms; rss ${(memory.rss / 1048576).toFixed(0)} MB`,
    );
  } finally {
    await t.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(
      error instanceof Error
        ? `${error.message} ${String((error as { query?: string }).query ?? '').slice(0, 300)}`
        : error,
    );
    process.exitCode = 1;
  });
}
