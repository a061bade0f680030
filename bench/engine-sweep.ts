/**
 * The embedded engine's sweep of N due steps (default 1k, 10k, 100k) against a bare batched UPDATE+INSERT of the
 * same rows with the same driver, in the same run, on a fresh database (SQLite; MariaDB when DATABASE_URL is a
 * mysql:// URL). Goal: the engine ≥ 0.3× the baseline, and time per step flat from 1k to 100k (linear growth).
 *
 * Every step does the same work on both sides: find the due timer, write one `escalation_step` row, move the timer
 * to its next due time. The engine runs it through `EmbeddedEngine.sweep()` with a registered handler that records
 * the row through the app's `StepLog.record` (one bound INSERT through TypeORM's query runner) and returns the next
 * due time, so the cost measured is the engine's own: claim, savepoint per step, handler insert, timer update,
 * commit. The baseline selects 200 due rows
 * (the sweep's claim size), moves them with one UPDATE … WHERE id IN and records them with one multi-row INSERT,
 * one transaction per 200, on the bare driver (better-sqlite3 or mysql2).
 *
 * The baseline runs just before and just after the engine at each N and counts as one run of both, so the ratio
 * compares the two under the same machine conditions.
 *
 * Then, where the engine's time goes (default 5k steps per variant, in interleaved rounds of 1k so that load from
 * elsewhere on the machine hits every variant alike): statements per step; the engine's own statement sequence
 * replayed on the bare driver, with and without the savepoints (its cost without TypeORM); and the handler alone
 * (the floor of any engine that calls the app's handler per step).
 *
 * Last, the real escalation handlers: a published plan (seed 002, 621 obligations) swept on 17 December 2026, when
 * every obligation is due for its supervision case: steps/s, statements and CPU per step, the most frequent
 * statements. Skip it with BENCH_REAL=0.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/engine-sweep.ts [sizes] [profileSteps]
 *   DATABASE_URL=mysql://root:@127.0.0.1:3306/test npx ts-node --transpile-only -r tsconfig-paths/register \
 *     bench/engine-sweep.ts 1000,10000,100000 5000
 *
 * Each phase stops by itself after BENCH_PHASE_CAP_S seconds (default 100) and reports the rate of what it did.
 */
import * as os from 'node:os';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { DataSource, EntityManager, Logger as OrmLogger, MoreThan } from 'typeorm';
import { UnitOfWork } from '@app/core';
import { PeriodCycle, StepLog } from '@app/escalation';
import { DurableTimer, EmbeddedEngine, TimerHandler } from '@app/workflows';
import { startTestApp, TestApp } from '../test/factories/test-app';
import { BareDb, BareSession, openBareDb, placeholders, sqlTime } from './support/bare-db';
import { fmtRate, perSecond, table } from './support/stats';

const SUBJECT_TYPE = 'bench';
/** The poller's claim size (`EmbeddedEngine.sweep()`'s default), used by every variant. */
const BATCH = 200;
const PHASE_CAP_MS = Number(process.env.BENCH_PHASE_CAP_S ?? 100) * 1000;
/** Steps per variant per round of the interleaved profile. */
const PROFILE_ROUND = 1000;
const GOAL_RATIO = 0.3;
const NOW = new Date('2026-12-04T01:30:00Z');
const DUE = new Date(NOW.getTime() - 60 * 60_000);
const NEXT = new Date(NOW.getTime() + 24 * 60 * 60_000);

const CLAIM_SQL =
  "SELECT id, subject_id FROM workflow_timer WHERE status = 'pending' AND due_at <= ? " +
  'AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY due_at ASC LIMIT ?';
const STEP_COLUMNS =
  'subject_type, subject_id, kind, round, dedup_key, scheduled_at, issued_at, supersedes, record_ref, unit_id';

interface PhaseResult {
  steps: number;
  ms: number;
  /** This process's CPU time (user + system): on SQLite all the work, and immune to waiting for a busy CPU. */
  cpuMs: number;
  statements?: number;
}

/** The trivial-but-realistic step: one record row through the app's StepLog, then come back. */
class RecordingHandler implements TimerHandler {
  constructor(private readonly steps: StepLog) {}

  async run(em: EntityManager, subjectId: string, now: Date): Promise<Date | null> {
    await this.steps.record(em, stepRow(subjectId, now));
    return NEXT;
  }
}

function stepRow(subjectId: string, now: Date): Parameters<StepLog['record']>[1] {
  return {
    subjectType: 'obligation',
    subjectId: Number(subjectId),
    kind: 'bench',
    round: 0,
    dedupKey: `bench:${subjectId}`,
    scheduledAt: now,
    issuedAt: now,
    supersedes: null,
    recordRef: null,
    unitId: 1,
  };
}

const stepValues = (subjectId: string, now: Date): unknown[] => [
  'obligation',
  Number(subjectId),
  'bench',
  0,
  `bench:${subjectId}`,
  sqlTime(now),
  sqlTime(now),
  null,
  null,
  1,
];

/** Counts every statement TypeORM sends (BEGIN, SAVEPOINT and COMMIT included), and, when asked, by shape. */
class CountingLogger implements OrmLogger {
  count = 0;
  shapes: Map<string, number> | null = null;
  logQuery(query: string): void {
    this.count++;
    if (this.shapes) {
      const shape = statementShape(query);
      this.shapes.set(shape, (this.shapes.get(shape) ?? 0) + 1);
    }
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** `SELECT … FROM "unit"`, `INSERT INTO "audit_entry"`: the verb and the first table. */
function statementShape(query: string): string {
  const verb = /^\s*(\w+)/.exec(query)?.[1]?.toUpperCase() ?? '?';
  const table = /\b(?:FROM|INTO|UPDATE)\s+[`"]?(\w+)/i.exec(query)?.[1];
  return table ? `${verb} ${table}` : query.trim().replace(/\s+/g, ' ').slice(0, 40);
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
  const profileSize = Number(process.argv[3] ?? 5000);
  const t = await startTestApp();
  const dataSource = t.app.get(DataSource);
  const engine = t.app.get(EmbeddedEngine);
  const unitOfWork = t.app.get(UnitOfWork);
  const handler = new RecordingHandler(t.app.get(StepLog));
  engine.register(SUBJECT_TYPE, handler);
  t.clock.set(NOW);
  const statements = new CountingLogger();
  (dataSource as { logger: OrmLogger }).logger = statements;
  const bare = openBareDb(t.database.url);
  const lock = bare.kind === 'mysql' ? ' FOR UPDATE SKIP LOCKED' : '';
  /** Resets to n due timers, runs one variant, checks every step ran once. */
  const measure = async (n: number, run: (deadline: number) => Promise<number>, movesTimers = true) => {
    await reset(bare, n);
    statements.count = 0;
    const result = await timed(run);
    result.statements = statements.count;
    await verify(bare, result.steps, movesTimers);
    return result;
  };
  const baselineOf = (n: number) => measure(n, (deadline) => bareBatched(bare, lock, deadline));
  const engineOf = (n: number) => measure(n, (deadline) => sweepAll(engine, deadline));
  try {
    const existing = await bare.query<{ n: number }>('SELECT COUNT(*) AS n FROM workflow_timer');
    if (Number(existing[0].n) !== 0) {
      throw new Error('the fresh database already holds timers');
    }
    console.log(
      `engine sweep bench — ${new Date().toISOString()}, ${os.cpus().length} cores, node ${process.version}, ` +
        `load average ${loadAverage()}`,
    );
    console.log(`database: ${t.database.label} (${await bare.durability()})`);
    console.log(
      `claim size ${BATCH}; phase cap ${PHASE_CAP_MS / 1000} s; warm-up 1,000 steps each (not counted); N ≤ 1k: median of 3\n`,
    );
    await baselineOf(1000);
    await engineOf(1000);

    const measured = new Map<number, { baseline: PhaseResult; engine: PhaseResult }>();
    for (const n of sizes) {
      // The baseline runs before and after the engine and counts as one run of both: the same machine conditions.
      const before = await medianOf(repeatsAt(n), () => baselineOf(n));
      const engineRun = await medianOf(repeatsAt(n), () => engineOf(n));
      const after = await medianOf(repeatsAt(n), () => baselineOf(n));
      const baseline = {
        steps: before.steps + after.steps,
        ms: before.ms + after.ms,
        cpuMs: before.cpuMs + after.cpuMs,
      };
      measured.set(n, { baseline, engine: engineRun });
      console.log(
        `N=${n}: baseline ${rate(before)} before and ${rate(after)} after the engine's ${rate(engineRun)} (${elapsed()})`,
      );
    }
    const rows = sizes.map((n) => {
      const { baseline, engine: e } = measured.get(n)!;
      return [
        n.toLocaleString('en-US'),
        rate(baseline) + capNote(baseline, n),
        rate(e) + capNote(e, n),
        `${ratio(e, baseline).toFixed(2)}×`,
        `${usPerStep(baseline).toFixed(0)} µs`,
        `${usPerStep(e).toFixed(0)} µs`,
        `${cpuPerStep(baseline).toFixed(0)} / ${cpuPerStep(e).toFixed(0)} µs`,
        (e.statements! / e.steps).toFixed(1),
      ];
    });
    console.log(
      '\n' +
        table(
          [
            'N',
            'baseline (bare batched)',
            'engine sweep',
            'ratio',
            'base/step',
            'engine/step',
            'CPU/step base / engine',
            'stmts/step',
          ],
          rows,
        ),
    );
    const worst = Math.min(...sizes.map((n) => ratio(measured.get(n)!.engine, measured.get(n)!.baseline)));
    console.log(
      `\ngoal engine ≥ ${GOAL_RATIO}× baseline: ${worst >= GOAL_RATIO ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)}×)`,
    );
    if (sizes.length > 1) {
      const first = measured.get(sizes[0])!;
      const last = measured.get(sizes[sizes.length - 1])!;
      const growth = usPerStep(last.engine) / usPerStep(first.engine);
      console.log(
        `growth: time per step at N=${sizes[sizes.length - 1]} is ${growth.toFixed(2)}× that at N=${sizes[0]} ` +
          `(engine), ${(usPerStep(last.baseline) / usPerStep(first.baseline)).toFixed(2)}× (baseline) — ` +
          `${growth <= 1.5 ? 'linear' : 'NOT linear'} (linear = ≤ 1.5×)`,
      );
    }

    if (profileSize > 0) {
      // Interleaved in rounds, so a burst of load from elsewhere on the machine hits every variant alike.
      const round = Math.min(PROFILE_ROUND, profileSize);
      const rounds = Math.ceil(profileSize / round);
      console.log(
        `\nwhere the engine's time goes: ${rounds} interleaved rounds of ${round.toLocaleString('en-US')} steps per variant`,
      );
      const variants: Array<{ name: string; note: string; run: (deadline: number) => Promise<number>; orm: boolean }> =
        [
          {
            name: 'baseline',
            note: `bare driver: per ${BATCH} rows 1 txn, 1 SELECT, 1 UPDATE, 1 INSERT`,
            run: (deadline) => bareBatched(bare, lock, deadline),
            orm: false,
          },
          {
            name: 'engine sweep',
            note: `EmbeddedEngine.sweep(): 1 txn per ${BATCH}, savepoint per step, the app's handler`,
            run: (deadline) => sweepAll(engine, deadline),
            orm: true,
          },
          {
            name: 'bare engine',
            note: "the engine's statements on the bare driver (savepoint per step, 1 UPDATE … CASE)",
            run: (deadline) => bareEngine(bare, lock, deadline, true),
            orm: false,
          },
          {
            name: 'bare, no savepoint',
            note: 'the same without the savepoints: what isolating each step costs',
            run: (deadline) => bareEngine(bare, lock, deadline, false),
            orm: false,
          },
          {
            name: 'handler only',
            note: `no timer work: the handler's INSERT (StepLog.record), 1 txn per ${BATCH}`,
            run: (deadline) => handlerAlone(unitOfWork, handler, deadline),
            orm: true,
          },
        ];
      const totals = variants.map((): PhaseResult => ({ steps: 0, ms: 0, cpuMs: 0, statements: 0 }));
      for (let r = 0; r < rounds; r++) {
        for (const [i, variant] of variants.entries()) {
          const result = await measure(round, variant.run, variant.name !== 'handler only');
          totals[i].steps += result.steps;
          totals[i].ms += result.ms;
          totals[i].cpuMs += result.cpuMs;
          totals[i].statements! += result.statements!;
        }
      }
      console.log(
        table(
          ['variant', 'steps/s', 'vs baseline', 'CPU/step', 'ORM stmts/step', 'what it is'],
          variants.map((variant, i) => [
            variant.name,
            rate(totals[i]),
            `${ratio(totals[i], totals[0]).toFixed(2)}×`,
            `${cpuPerStep(totals[i]).toFixed(0)} µs`,
            variant.orm ? (totals[i].statements! / totals[i].steps).toFixed(1) : '—',
            variant.note,
          ]),
        ),
      );
    }
    if (process.env.BENCH_REAL !== '0') {
      await reset(bare, 0);
      await realEscalationSweep(t, statements);
    }
    console.log(`\ntotal ${elapsed()}; load average at the end ${loadAverage()}`);
  } finally {
    await bare.close();
    await t.close();
  }
}

/** 1k steps run in well under a second: the median of three runs is less noisy than one. */
const repeatsAt = (n: number) => (n <= 1000 ? 3 : 1);

async function medianOf(runs: number, measure: () => Promise<PhaseResult>): Promise<PhaseResult> {
  const results: PhaseResult[] = [];
  for (let i = 0; i < runs; i++) {
    results.push(await measure());
  }
  results.sort((a, b) => a.ms / a.steps - b.ms / b.steps);
  return results[Math.floor(runs / 2)];
}

const started = performance.now();
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s elapsed`;
const rate = (r: PhaseResult) => fmtRate(perSecond(r.steps, r.ms));
const ratio = (r: PhaseResult, base: PhaseResult) => perSecond(r.steps, r.ms) / perSecond(base.steps, base.ms);
const usPerStep = (r: PhaseResult) => (r.ms * 1000) / r.steps;
const cpuPerStep = (r: PhaseResult) => (r.cpuMs * 1000) / r.steps;

/** What the poller does, back to back: sweep until nothing is due. */
async function sweepAll(engine: EmbeddedEngine, deadline: number): Promise<number> {
  let steps = 0;
  for (;;) {
    const result = await engine.sweep(BATCH);
    if (result.failed > 0) {
      throw new Error(`${result.failed} steps failed`);
    }
    steps += result.ran;
    if (result.claimed === 0 || performance.now() > deadline) {
      return steps;
    }
  }
}

async function untilEmpty(deadline: number, round: () => Promise<number>): Promise<number> {
  let steps = 0;
  for (let ran = await round(); ran > 0; ran = await round()) {
    steps += ran;
    if (performance.now() > deadline) {
      break;
    }
  }
  return steps;
}

/** Runs `work` with a deadline; `work` returns the steps it ran. */
async function timed(work: (deadline: number) => Promise<number>): Promise<PhaseResult> {
  const begun = performance.now();
  const cpu = process.cpuUsage();
  const steps = await work(begun + PHASE_CAP_MS);
  const used = process.cpuUsage(cpu);
  return { steps, ms: performance.now() - begun, cpuMs: (used.user + used.system) / 1000 };
}

const capNote = (r: PhaseResult, n: number) => (r.steps < n ? ` (cap: ${r.steps} done)` : '');

/** N due timers and no step records: the same start for every variant. */
async function reset(bare: BareDb, n: number): Promise<void> {
  await bare.run("DELETE FROM escalation_step WHERE kind = 'bench'");
  await bare.run('DELETE FROM workflow_timer WHERE subject_type = ?', [SUBJECT_TYPE]);
  const chunk = 1000;
  await bare.transaction(async (tx) => {
    for (let from = 0; from < n; from += chunk) {
      const count = Math.min(chunk, n - from);
      const values: unknown[] = [];
      for (let i = 0; i < count; i++) {
        const due = sqlTime(DUE);
        values.push(SUBJECT_TYPE, String(from + i + 1), due, 'pending', 0, null, null, due, due);
      }
      await tx.run(
        'INSERT INTO workflow_timer (subject_type, subject_id, due_at, status, attempts, claimed_until, last_error, ' +
          `created_at, updated_at) VALUES ${placeholders(count, 9)}`,
        values,
      );
    }
  });
}

/** Every step ran once: one record per step, and (unless only the handler ran) every timer moved to its next time. */
async function verify(bare: BareDb, steps: number, timersMoved = true): Promise<void> {
  const [records] = await bare.query<{ n: number }>("SELECT COUNT(*) AS n FROM escalation_step WHERE kind = 'bench'");
  const [moved] = await bare.query<{ n: number }>(
    "SELECT COUNT(*) AS n FROM workflow_timer WHERE subject_type = ? AND status = 'pending' AND due_at = ? " +
      'AND claimed_until IS NULL',
    [SUBJECT_TYPE, sqlTime(NEXT)],
  );
  if (Number(records.n) !== steps || (timersMoved && Number(moved.n) !== steps)) {
    throw new Error(`expected ${steps} steps, found ${records.n} records and ${moved.n} moved timers`);
  }
}

const MOVE_SQL =
  'UPDATE workflow_timer SET due_at = ?, attempts = 0, claimed_until = NULL, last_error = NULL, updated_at = ? ';

/** The baseline: per transaction, select 200 due rows, move them with one UPDATE, record them with one INSERT. */
async function bareBatched(bare: BareDb, lock: string, deadline: number): Promise<number> {
  return untilEmpty(deadline, () =>
    bare.transaction(async (tx) => {
      const due = await tx.query<{ id: number; subject_id: string }>(CLAIM_SQL + lock, [
        sqlTime(NOW),
        sqlTime(NOW),
        BATCH,
      ]);
      if (due.length === 0) {
        return 0;
      }
      await tx.run(MOVE_SQL + `WHERE id IN (${placeholders(due.length, 1)})`, [
        sqlTime(NEXT),
        sqlTime(NOW),
        ...due.map((row) => row.id),
      ]);
      await tx.run(
        `INSERT INTO escalation_step (${STEP_COLUMNS}) VALUES ${placeholders(due.length, 10)}`,
        due.flatMap((row) => stepValues(row.subject_id, NOW)),
      );
      return due.length;
    }),
  );
}

/**
 * The statements `EmbeddedEngine.sweep()` sends, on the bare driver: per transaction, claim a batch, per step a
 * savepoint before the handler's INSERT, then one UPDATE … CASE for the batch.
 */
async function bareEngine(bare: BareDb, lock: string, deadline: number, savepoints: boolean): Promise<number> {
  return untilEmpty(deadline, () =>
    bare.transaction(async (tx) => {
      const due = await tx.query<{ id: number; subject_id: string }>(CLAIM_SQL + lock, [
        sqlTime(NOW),
        sqlTime(NOW),
        BATCH,
      ]);
      for (const row of due) {
        if (savepoints) {
          await tx.run('SAVEPOINT timer_step');
        }
        await tx.run(`INSERT INTO escalation_step (${STEP_COLUMNS}) VALUES ${placeholders(1, 10)}`, [
          ...stepValues(row.subject_id, NOW),
        ]);
        // As the engine: MySQL replaces the savepoint at the next step, SQLite releases it.
        if (savepoints && bare.kind !== 'mysql') {
          await tx.run('RELEASE SAVEPOINT timer_step');
        }
      }
      if (due.length > 0) {
        await moveWithCase(tx, due);
      }
      return due.length;
    }),
  );
}

async function moveWithCase(tx: BareSession, due: Array<{ id: number }>): Promise<void> {
  const cases = due.map(() => 'WHEN ? THEN ?').join(' ');
  await tx.run(
    `UPDATE workflow_timer SET due_at = CASE id ${cases} END, status = CASE id ${cases} END, attempts = 0, ` +
      `claimed_until = NULL, last_error = NULL, updated_at = ? WHERE id IN (${placeholders(due.length, 1)})`,
    [
      ...due.flatMap((row) => [row.id, sqlTime(NEXT)]),
      ...due.flatMap((row) => [row.id, 'pending']),
      sqlTime(NOW),
      ...due.map((row) => row.id),
    ],
  );
}

/** The handler alone, N times, in transactions of 200: the floor of any engine that runs the app's handler per step. */
async function handlerAlone(unitOfWork: UnitOfWork, handler: TimerHandler, deadline: number): Promise<number> {
  let lastId = 0;
  return untilEmpty(deadline, () =>
    unitOfWork.run(async (em) => {
      const timers = await em.find(DurableTimer, {
        select: ['id', 'subjectId'],
        where: { subjectType: SUBJECT_TYPE, id: MoreThan(lastId) },
        order: { id: 'ASC' },
        take: BATCH,
      });
      for (const timer of timers) {
        await handler.run(em, timer.subjectId, NOW);
        lastId = timer.id;
      }
      return timers.length;
    }),
  );
}

const SEED_002 = path.resolve(__dirname, '../../shared/seeds/002_ed72ecd477f74a50.txt');

/**
 * The real handlers: seed 002 imported and published on 5 November 2026 (its unmatched unit names mapped to the city
 * government), then the clock at 17 December 09:30, when every November obligation is due for its supervision case.
 * One `drain()`, as the poller or the dev clock runs it.
 */
async function realEscalationSweep(t: TestApp, statements: CountingLogger): Promise<void> {
  if (!fs.existsSync(SEED_002)) {
    console.log(`\nreal escalation sweep: skipped (${SEED_002} not found)`);
    return;
  }
  const engine = t.app.get(EmbeddedEngine);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  t.clock.set(new Date('2026-11-05T10:00:00+08:00'));
  await t.app.get(PeriodCycle).catchUp();
  const office = await t.login('office');
  const plan = await request(t.http)
    .post('/api/plans/import')
    .set(as(office))
    .attach('file', fs.readFileSync(SEED_002), 'seed-002.txt');
  const planId = (plan.body as { id: number }).id;
  const [government] = (await request(t.http).get('/api/units?q=阳江市人民政府').set(as(office))).body as Array<{
    id: number;
  }>;
  const unresolved = (await request(t.http).get(`/api/plans/${planId}/unresolved`).set(as(office))).body as Array<{
    rawName: string;
  }>;
  for (const { rawName } of unresolved) {
    await request(t.http)
      .post(`/api/plans/${planId}/unit-mappings`)
      .set(as(office))
      .send({ rawName, unitId: government.id });
  }
  const published = await request(t.http).post(`/api/plans/${planId}/publish`).set(as(office));
  if (published.status !== 200) {
    throw new Error(`publishing seed 002 failed: ${published.status} ${JSON.stringify(published.body)}`);
  }
  t.clock.set(new Date('2026-12-17T09:30:00+08:00'));
  await t.app.get(PeriodCycle).catchUp();
  const sql = t.app.get(DataSource);
  const [{ due }] = await sql.query<Array<{ due: number }>>(
    "SELECT COUNT(*) AS due FROM workflow_timer WHERE status = 'pending' AND due_at <= ?",
    [sqlTime(t.clock.now())],
  );

  statements.count = 0;
  statements.shapes = new Map();
  let result = { claimed: 0, ran: 0, failed: 0 };
  const run = await timed(async () => {
    result = await engine.drain();
    return result.ran;
  });
  const shapes = statements.shapes;
  statements.shapes = null;
  // As the crash test asks: every open November obligation has its case step, and no step is recorded twice.
  const [check] = await sql.query<Array<{ missing: number; twice: number }>>(
    'SELECT (SELECT COUNT(*) FROM reporting_obligation o WHERE o.period = ? AND o.status = ? AND NOT EXISTS ' +
      '(SELECT 1 FROM escalation_step s WHERE s.subject_id = o.id AND s.kind = ?)) AS missing, ' +
      '(SELECT COUNT(*) FROM (SELECT dedup_key FROM escalation_step GROUP BY dedup_key HAVING COUNT(*) > 1) d) AS twice',
    ['2026-11', 'open', 'supervision_case'],
  );
  if (Number(check.missing) !== 0 || Number(check.twice) !== 0 || result.failed !== 0) {
    throw new Error(`real sweep: ${JSON.stringify({ ...result, ...check })}`);
  }
  console.log(
    `\nreal escalation sweep (seed 002, 17 Dec 2026 09:30; ${due} timers due): ${result.ran} steps, ` +
      `${rate(run)}, ${(run.ms / run.steps).toFixed(1)} ms and ${(run.cpuMs / run.steps).toFixed(1)} ms CPU ` +
      `per step, ${(statements.count / run.steps).toFixed(1)} statements per step; the most frequent:`,
  );
  console.log(
    table(
      ['statement', 'per step'],
      [...shapes]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([shape, n]) => [shape, (n / run.steps).toFixed(2)]),
    ),
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
