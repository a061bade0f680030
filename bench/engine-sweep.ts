/**
 * The embedded engine's sweep of N due steps (default 1k, 10k, 100k) against a bare batched UPDATE+INSERT of the
 * same rows with the same driver, in the same run, on a fresh database (SQLite; MariaDB when DATABASE_URL is a
 * mysql:// URL). Goal: the engine ≥ 0.3× the baseline, and time per step flat from 1k to 100k (linear growth).
 *
 * Every step does the same work on both sides: find the due timer, write one `escalation_step` row, move the timer
 * to its next due time. The engine runs it through `EmbeddedEngine.sweep()` with a registered handler that inserts
 * the row through TypeORM and returns the next due time (so the cost measured is the engine's own: claim, lock,
 * handler insert, timer update, commit). The baseline selects 200 due rows (the sweep's claim size), moves them
 * with one UPDATE … WHERE id IN and records them with one multi-row INSERT, one transaction per 200, on the bare
 * driver (better-sqlite3 or mysql2).
 *
 * The baseline runs just before and just after the engine at each N and counts as one run of both, so the ratio
 * compares the two under the same machine conditions.
 *
 * Then, where the engine's time goes (default 5k steps per variant, in interleaved rounds of 1k so that load from
 * elsewhere on the machine hits every variant alike): statements per step; the engine's own per-row statement
 * sequence replayed on the bare driver (the cost of one transaction per row, without TypeORM); the handler alone;
 * and a prototype batched claim-and-run (one transaction per claimed batch, with or without a savepoint per step,
 * one UPDATE for the batch) through the same TypeORM manager and handler: what a batched engine mode would reach.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/engine-sweep.ts [sizes] [profileSteps]
 *   DATABASE_URL=mysql://root:@127.0.0.1:3306/test npx ts-node --transpile-only -r tsconfig-paths/register \
 *     bench/engine-sweep.ts 1000,10000,100000 5000
 *
 * Each phase stops by itself after BENCH_PHASE_CAP_S seconds (default 100) and reports the rate of what it did.
 */
import * as os from 'node:os';
import { DataSource, EntityManager, Logger as OrmLogger, MoreThan } from 'typeorm';
import { UnitOfWork, utcDate } from '@app/core';
import { EscalationStepRecord } from '@app/escalation';
import { DurableTimer, EmbeddedEngine, TimerHandler } from '@app/workflows';
import { startTestApp } from '../test/factories/test-app';
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

/** The trivial-but-realistic step: one record row, as the escalation handler's StepLog writes, then come back. */
class RecordingHandler implements TimerHandler {
  async run(em: EntityManager, subjectId: string, now: Date): Promise<Date | null> {
    await em.insert(EscalationStepRecord, stepRow(subjectId, now));
    return NEXT;
  }
}

function stepRow(subjectId: string, now: Date): Omit<EscalationStepRecord, 'id'> {
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

/** Counts every statement TypeORM sends (BEGIN, SAVEPOINT and COMMIT included). */
class CountingLogger implements OrmLogger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
  const profileSize = Number(process.argv[3] ?? 5000);
  const t = await startTestApp();
  const dataSource = t.app.get(DataSource);
  const engine = t.app.get(EmbeddedEngine);
  const unitOfWork = t.app.get(UnitOfWork);
  const handler = new RecordingHandler();
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
            note: 'EmbeddedEngine.sweep(): 1 txn per row, TypeORM',
            run: (deadline) => sweepAll(engine, deadline),
            orm: true,
          },
          {
            name: 'bare per-row',
            note: "the engine's per-row statements on the bare driver, 1 txn per row",
            run: (deadline) => barePerRow(bare, lock, deadline),
            orm: false,
          },
          {
            name: 'handler only',
            note: `no timer work: the handler's TypeORM insert, 1 txn per ${BATCH}`,
            run: (deadline) => handlerAlone(unitOfWork, handler, deadline),
            orm: true,
          },
          {
            name: 'batch+savepoint',
            note: `prototype: 1 txn per ${BATCH}, savepoint per step, 1 UPDATE`,
            run: (deadline) => untilEmpty(deadline, () => batchedClaimAndRun(unitOfWork, handler, NOW, lock, true)),
            orm: true,
          },
          {
            name: 'batch',
            note: `prototype: 1 txn per ${BATCH}, no savepoints, 1 UPDATE`,
            run: (deadline) => untilEmpty(deadline, () => batchedClaimAndRun(unitOfWork, handler, NOW, lock, false)),
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
 * The statements `EmbeddedEngine` sends, on the bare driver: a claim transaction per batch, then per row its own
 * transaction (lock the timer, run the step, re-read the timer, move it).
 */
async function barePerRow(bare: BareDb, lock: string, deadline: number): Promise<number> {
  const rowLock = lock ? ' FOR UPDATE' : '';
  const step = async (tx: BareSession, id: number) => {
    const [timer] = await tx.query<{ subject_id: string }>(`SELECT * FROM workflow_timer WHERE id = ?${rowLock}`, [id]);
    await tx.run(`INSERT INTO escalation_step (${STEP_COLUMNS}) VALUES ${placeholders(1, 10)}`, [
      ...stepValues(timer.subject_id, NOW),
    ]);
    await tx.query('SELECT * FROM workflow_timer WHERE id = ? LIMIT 1', [id]);
    await tx.run(MOVE_SQL + 'WHERE id = ?', [sqlTime(NEXT), sqlTime(NOW), id]);
  };
  return untilEmpty(deadline, async () => {
    const ids = await bare.transaction(async (tx) => {
      const due = await tx.query<{ id: number }>(CLAIM_SQL + lock, [sqlTime(NOW), sqlTime(NOW), BATCH]);
      if (due.length > 0) {
        await tx.run(`UPDATE workflow_timer SET claimed_until = ? WHERE id IN (${placeholders(due.length, 1)})`, [
          sqlTime(new Date(NOW.getTime() + 5 * 60_000)),
          ...due.map((row) => row.id),
        ]);
      }
      return due.map((row) => row.id);
    });
    for (const id of ids) {
      await bare.transaction((tx) => step(tx, id));
    }
    return ids.length;
  });
}

/** The handler alone, N times, in transactions of 200: the floor of any engine that runs TypeORM handlers per step. */
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

/**
 * A prototype of a batched engine mode: claim a batch and run it in ONE transaction (rows locked FOR UPDATE SKIP
 * LOCKED on MySQL for the whole batch), optionally each step in a savepoint so a failing step rolls back alone
 * (without savepoints a failure would roll back the batch, to be rerun one row per transaction as today), then one
 * statement to re-read the batch (a handler may have rescheduled its own timer) and one UPDATE to move it.
 * Returns the steps run.
 */
async function batchedClaimAndRun(
  unitOfWork: UnitOfWork,
  handler: TimerHandler,
  now: Date,
  lock: string,
  savepoints: boolean,
): Promise<number> {
  return unitOfWork.run(async (em) => {
    // Plain SQL with bound parameters: TypeORM inlines numbers into SQLite statements, so its query builder's SQL
    // differs per id and misses the driver's prepared-statement cache.
    const timers = (
      await em.query<Array<{ id: number; subject_id: string; due_at: Date | string }>>(
        "SELECT id, subject_id, due_at FROM workflow_timer WHERE status = 'pending' AND due_at <= ? " +
          `AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY due_at ASC LIMIT ${BATCH}${lock}`,
        [sqlTime(now), sqlTime(now)],
      )
    ).map((row) => ({ id: Number(row.id), subjectId: row.subject_id, dueAt: utcDate.from(row.due_at) as Date }));
    if (timers.length === 0) {
      return 0;
    }
    const next = new Map<number, Date | null>();
    for (const timer of timers) {
      const run = (manager: EntityManager) => handler.run(manager, timer.subjectId, now);
      next.set(timer.id, savepoints ? await em.transaction(run) : await run(em));
    }
    const after = await em.query<Array<{ id: number; due_at: Date | string }>>(
      `SELECT id, due_at FROM workflow_timer WHERE id IN (${placeholders(timers.length, 1)})`,
      timers.map((timer) => timer.id),
    );
    const dueAt = new Map(after.map((a) => [Number(a.id), (utcDate.from(a.due_at) as Date).getTime()]));
    const untouched = timers.filter((timer) => dueAt.get(timer.id) === timer.dueAt.getTime());
    const cases = untouched.map(() => 'WHEN ? THEN ?').join(' ');
    await em.query(
      `UPDATE workflow_timer SET due_at = CASE id ${cases} END, status = CASE id ${cases} END, attempts = 0, ` +
        `claimed_until = NULL, last_error = NULL, updated_at = ? WHERE id IN (${placeholders(untouched.length, 1)})`,
      [
        ...untouched.flatMap((timer) => [timer.id, sqlTime(next.get(timer.id) ?? timer.dueAt)]),
        ...untouched.flatMap((timer) => [timer.id, next.get(timer.id) ? 'pending' : 'done']),
        sqlTime(now),
        ...untouched.map((timer) => timer.id),
      ],
    );
    return timers.length;
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
