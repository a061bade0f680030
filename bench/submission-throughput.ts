/**
 * Monthly-report submissions over real HTTP: `POST /api/obligations/:id/submissions` from 200 concurrent keep-alive
 * clients against the API listening on 127.0.0.1 (a random port) in its own process, on a fresh database (SQLite;
 * MariaDB when DATABASE_URL is a mysql:// URL) holding thousands of open obligations (a published plan of many
 * tasks, each with a lead and two participant units). Reports throughput, p50/p95/p99 latency, what one
 * submission writes, and the API process's memory (RSS, heap) before, under and after the load.
 * Baseline in the same run: the same submission rows inserted with the bare driver (mysql2 through a pool of the
 * app's size at the same concurrency, or better-sqlite3), one autocommitted INSERT per row.
 * Goals: ≥ 0.5× the baseline's rows/s, p99 ≤ 50 ms at 200 concurrent.
 * The floor, last, in the same run: the same load against node's bare http server writing one row per request with
 * the bare driver (`support/bare-http-insert.ts`) — what any HTTP endpoint can reach at best on this machine.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/submission-throughput.ts [seconds] [tasks]
 *   DATABASE_URL=mysql://root:@127.0.0.1:3306/test npx ts-node --transpile-only -r tsconfig-paths/register \
 *     bench/submission-throughput.ts
 *
 * The load stops after `seconds` (default 30) or when every obligation is reported, whichever comes first.
 * BENCH_PROFILE=1 adds where the API's time goes (statements by summed wall time, CPU by self time under load).
 * Background jobs are off in the API process except the audit sealer, which runs every second as the API's poller
 * would (its cost is part of the figures), and the rows still waiting for it after the load are reported.
 */
import { ChildProcess, fork } from 'node:child_process';
import * as http from 'node:http';
import * as os from 'node:os';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource, EntityManager, Logger as OrmLogger } from 'typeorm';
import { AUDIT_SEAL_INTERVAL_MS, AuditSealer, AuditSealPoller } from '@app/audit';
import { UnitOfWork } from '@app/core';
import { prosePlanText } from '../libs/plans/src/parser/testing/plan-text.factory';
import { startTestApp } from '../test/factories/test-app';
import { BareDb, openBareDb, placeholders } from './support/bare-db';
import { FLOOR_ROUND, serveBareInserts } from './support/bare-http-insert';
import { CpuProfiler, CpuShare } from './support/cpu-profile';
import { fmtMs, fmtRate, mib, perSecond, quantile, table } from './support/stats';

const CONCURRENCY = 200;
const WARM_UP_REQUESTS = 400;
/** The app's MySQL pool size (`connectionLimit` in config/database/data-source-options.ts). */
const APP_POOL = 20;
const GOALS = { ratio: 0.5, p99Ms: 50 };
/** 20 November 2026, 10:00 in Shanghai: November's obligations are open, none is due yet. */
const NOW = new Date('2026-11-20T02:00:00Z');
const UNITS = { lead: '市农业农村局', participants: ['市生态环境局', '阳西县农业农村局'] };
const USERS = ['liaison', 'head', 'eco-liaison', 'yangxi-liaison'];
const BASELINE_ROUND = 1000;

interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
}

/** What the API's database work cost so far, as counted inside the API process. */
interface DbCounters {
  statements: number;
  transactions: number;
  /** Time inside transactions (first statement to commit), summed. */
  transactionMs: number;
  /** Time waiting to start a transaction (the one-writer queue on SQLite; pool and BEGIN on MySQL), summed. */
  waitMs: number;
  /** The API process's CPU time (user + system). */
  cpuMs: number;
  /** Statement shapes and their summed wall time (BENCH_PROFILE=1 only). */
  shapes: Array<{ sql: string; count: number; ms: number }>;
  /** Audit rows written and not sealed into the hash chain yet. */
  unsealed: number;
}

interface Ready {
  port: number;
  databaseUrl: string;
  databaseLabel: string;
  setupMs: number;
  /** Open obligations and a token of a user who may report each. */
  work: Array<{ id: number; token: string }>;
}

type Command = 'memory' | 'gc' | 'db' | 'seal-wait' | 'profile-start' | 'profile-stop' | 'close';

// ---------------------------------------------------------------------------------------------------------------
// The API process
// ---------------------------------------------------------------------------------------------------------------

/** Counts every statement TypeORM sends (BEGIN and COMMIT included). */
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

/** Times every transaction the app runs through its UnitOfWork, from the outside of the app's code. */
function timeTransactions(unitOfWork: UnitOfWork, counters: DbCounters): void {
  const run = unitOfWork.run.bind(unitOfWork);
  unitOfWork.run = async <T>(work: (em: EntityManager) => Promise<T>): Promise<T> => {
    const queued = performance.now();
    let begun = 0;
    try {
      return await run((em) => {
        begun = performance.now();
        return work(em);
      });
    } finally {
      counters.transactions++;
      counters.waitMs += begun - queued;
      counters.transactionMs += performance.now() - begun;
    }
  };
}

/** Sums the wall time of each statement shape (numbers, strings and value lists folded), for BENCH_PROFILE=1. */
function timeStatements(dataSource: DataSource): Map<string, { count: number; ms: number }> {
  const shapes = new Map<string, { count: number; ms: number }>();
  const runner = dataSource.createQueryRunner();
  const proto = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
  void runner.release();
  const query = proto.query;
  const shapeOf = (sql: string) =>
    sql
      .replace(/'[^']*'/g, "'?'")
      .replace(/\b\d+(\.\d+)?\b/g, '?')
      .replace(/(\(\s*(\?|NULL|DEFAULT)(\s*,\s*(\?|NULL|DEFAULT))*\s*\)\s*,?\s*)+/g, '(…) ')
      .replace(/\s+/g, ' ')
      .slice(0, 150);
  proto.query = async function (this: unknown, ...args: unknown[]) {
    const begun = performance.now();
    try {
      return await query.apply(this, args);
    } finally {
      const key = shapeOf(String(args[0]));
      const shape = shapes.get(key) ?? { count: 0, ms: 0 };
      shape.count++;
      shape.ms += performance.now() - begun;
      shapes.set(key, shape);
    }
  };
  return shapes;
}

async function apiMain(tasks: number): Promise<void> {
  const started = performance.now();
  const t = await startTestApp({ BACKGROUND_JOBS: '0' });
  t.clock.set(NOW);
  const office = await t.login('office');
  const imported = await request(t.http)
    .post('/api/plans/import')
    .set('Authorization', `Bearer ${office}`)
    .attach('file', Buffer.from(planText(tasks)), 'bench-plan.txt');
  if (imported.status !== 201 || (imported.body as { problems: unknown[] }).problems.length > 0) {
    throw new Error(`import failed: ${imported.status} ${JSON.stringify(imported.body).slice(0, 500)}`);
  }
  const planId = (imported.body as { id: number }).id;
  const published = await request(t.http).post(`/api/plans/${planId}/publish`).set('Authorization', `Bearer ${office}`);
  if (published.status !== 200) {
    throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body).slice(0, 500)}`);
  }
  const dataSource = t.app.get(DataSource);
  const users = await dataSource.query<Array<{ username: string; unit_id: number }>>(
    `SELECT username, unit_id FROM app_user WHERE username IN (${placeholders(USERS.length, 1)})`,
    USERS,
  );
  const tokensByUnit = new Map<number, string[]>();
  for (const user of users) {
    const tokens = tokensByUnit.get(Number(user.unit_id)) ?? [];
    tokens.push(await t.login(user.username));
    tokensByUnit.set(Number(user.unit_id), tokens);
  }
  const open = await dataSource.query<Array<{ id: number; unit_id: number }>>(
    "SELECT id, unit_id FROM reporting_obligation WHERE status = 'open' ORDER BY id",
  );
  const work = open
    .filter((o) => tokensByUnit.has(Number(o.unit_id)))
    .map((o, i) => {
      const tokens = tokensByUnit.get(Number(o.unit_id))!;
      return { id: Number(o.id), token: tokens[i % tokens.length] };
    });
  const statements = new CountingLogger();
  (dataSource as { logger: OrmLogger }).logger = statements;
  const counters: DbCounters = {
    statements: 0,
    transactions: 0,
    transactionMs: 0,
    waitMs: 0,
    cpuMs: 0,
    shapes: [],
    unsealed: 0,
  };
  let profiler: CpuProfiler | null = null;
  timeTransactions(t.app.get(UnitOfWork), counters);
  const shapes = process.env.BENCH_PROFILE === '1' ? timeStatements(dataSource) : new Map<string, never>();
  // The audit sealer, as AuditSealPoller runs it in an API with background jobs (the other jobs stay off).
  const sealer = new AuditSealPoller(t.app.get(AuditSealer));
  await sealer.tick();
  const sealing = setInterval(() => void sealer.tick(), AUDIT_SEAL_INTERVAL_MS);
  const unsealed = async () =>
    Number(
      (await dataSource.query<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM audit_entry WHERE seq IS NULL'))[0].n,
    );
  await t.app.listen(0, '127.0.0.1');
  const port = (t.app.getHttpServer().address() as AddressInfo).port;
  const ready: Ready = {
    port,
    databaseUrl: t.database.url,
    databaseLabel: t.database.label,
    setupMs: performance.now() - started,
    work,
  };
  process.on('message', (message: { id: number; command: Command }) => {
    void (async () => {
      let result: unknown = null;
      switch (message.command) {
        case 'gc':
          (globalThis as { gc?: () => void }).gc?.();
          result = memory();
          break;
        case 'memory':
          result = memory();
          break;
        case 'db':
          result = {
            ...counters,
            statements: statements.count,
            cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
            shapes: [...shapes].map(([sql, shape]) => ({ sql, ...shape })),
            unsealed: await unsealed(),
          };
          break;
        case 'seal-wait': {
          const started = performance.now();
          while ((await unsealed()) > 0 && performance.now() - started < 60_000) {
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          result = { ms: performance.now() - started, unsealed: await unsealed() };
          break;
        }
        case 'profile-start':
          profiler = new CpuProfiler();
          await profiler.start();
          break;
        case 'profile-stop':
          result = (await profiler?.stop()) ?? [];
          break;
        case 'close':
          clearInterval(sealing);
          await t.close();
          break;
      }
      process.send!({ id: message.id, result }, () => {
        if (message.command === 'close') {
          process.exit(0);
        }
      });
    })();
  });
  process.send!({ id: 0, result: ready });
}

function memory(): Memory {
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  return { rss, heapUsed, heapTotal };
}

/** A plan of `tasks` tasks in chapters of 20 sections × 50 items, each led by one unit with two participants. */
function planText(tasks: number): string {
  const sections = Array.from({ length: Math.ceil(tasks / 50) }, (_, s) => ({
    title: `第${s + 1}组重点工作`,
    paragraphs: [],
    items: Array.from({ length: Math.min(50, tasks - s * 50) }, (_, i) => ({
      title: `落实第${s * 50 + i + 1}项措施`,
      paragraphs: [
        {
          text: '按月报送工作进展。持续实施。',
          clause: { lead: [UNITS.lead], participants: UNITS.participants },
        },
      ],
    })),
  }));
  const chapters = Array.from({ length: Math.ceil(sections.length / 20) }, (_, c) => ({
    title: `第${c + 1}部分`,
    sections: sections.slice(c * 20, c * 20 + 20),
  }));
  return prosePlanText({ title: '阳江市2026年基准测试工作要点', chapters });
}

// ---------------------------------------------------------------------------------------------------------------
// The load generator and the baseline
// ---------------------------------------------------------------------------------------------------------------

class ApiProcess {
  private next = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: { id: number; result: unknown }) => {
      this.waiting.get(message.id)?.(message.result);
      this.waiting.delete(message.id);
    });
  }

  static start(tasks: number): Promise<{ api: ApiProcess; ready: Ready }> {
    const child = forkSelf(['--api', String(tasks)]);
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the API process exited with ${code} before it was ready`)));
      const api = new ApiProcess(child);
      api.waiting.set(0, (ready) => resolve({ api, ready: ready as Ready }));
    });
  }

  call<T>(command: Command): Promise<T> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, (result) => resolve(result as T));
      this.child.send({ id, command });
    });
  }

  async close(): Promise<void> {
    this.child.removeAllListeners('exit');
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.call('close');
    await exited;
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

function forkSelf(args: string[]): ChildProcess {
  return fork(__filename, args, {
    execArgv: [
      '--expose-gc',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/**
 * The same load against the floor (`serveBareInserts`) in its own process, on the same database, after the app's
 * run: warm-up, then the same work list until it runs out or `durationMs` passes. Its rows are removed after.
 */
async function floorLoad(
  bare: BareDb,
  databaseUrl: string,
  work: Array<{ id: number; token: string }>,
  durationMs: number,
): Promise<LoadResult> {
  const child = forkSelf(['--floor', databaseUrl]);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the floor process exited with ${code}`)));
      child.once('message', (message: { port: number }) => resolve(message.port));
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    await load(agent, port, work, CONCURRENCY, WARM_UP_REQUESTS, durationMs);
    const result = await load(agent, port, work.slice(WARM_UP_REQUESTS), CONCURRENCY, work.length, durationMs);
    agent.destroy();
    return result;
  } finally {
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send('close');
    await exited;
    await bare.run('DELETE FROM reporting_submission WHERE round = ?', [FLOOR_ROUND]);
  }
}

interface LoadResult {
  ok: number;
  failed: Map<string, number>;
  latencies: Float64Array;
  ms: number;
}

/** `clients` concurrent clients, each posting one submission after another until `deadline` or no work is left. */
async function load(
  agent: http.Agent,
  port: number,
  work: Array<{ id: number; token: string }>,
  clients: number,
  maxRequests: number,
  durationMs: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const failed = new Map<string, number>();
  let ok = 0;
  let taken = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async () => {
    while (taken < Math.min(work.length, maxRequests) && performance.now() < deadline) {
      const item = work[taken++];
      const body = JSON.stringify({
        kind: 'progress',
        progressText: `第${item.id}号报送：本月完成排查点位${item.id % 90}个，整改问题${item.id % 7}项，进展顺利。`,
        percentComplete: item.id % 100,
      });
      const begun = performance.now();
      const response = await post(agent, port, `/api/obligations/${item.id}/submissions`, body, {
        Authorization: `Bearer ${item.token}`,
        'Idempotency-Key': `bench-${item.id}`,
      });
      latencies.push(performance.now() - begun);
      if (response.status === 201) {
        ok++;
      } else {
        const key = `${response.status} ${response.body.slice(0, 160)}`;
        failed.set(key, (failed.get(key) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const ms = performance.now() - started;
  return { ok, failed, latencies: Float64Array.from(latencies).sort(), ms };
}

function post(
  agent: http.Agent,
  port: number,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', (error) => resolve({ status: 0, body: error.message }));
    req.end(body);
  });
}

/** Samples the API's memory every 250 ms while `during` runs. */
async function sampled<T>(api: ApiProcess, during: Promise<T>): Promise<{ result: T; peak: Memory; mean: Memory }> {
  const samples: Memory[] = [];
  let done = false;
  const sampler = (async () => {
    while (!done) {
      samples.push(await api.call<Memory>('memory'));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  const result = await during;
  done = true;
  await sampler;
  const pick = (f: (m: Memory) => number) => samples.map(f);
  const max = (f: (m: Memory) => number) => Math.max(...pick(f));
  const avg = (f: (m: Memory) => number) => pick(f).reduce((a, b) => a + b, 0) / samples.length;
  return {
    result,
    peak: { rss: max((m) => m.rss), heapUsed: max((m) => m.heapUsed), heapTotal: max((m) => m.heapTotal) },
    mean: { rss: avg((m) => m.rss), heapUsed: avg((m) => m.heapUsed), heapTotal: avg((m) => m.heapTotal) },
  };
}

const SUBMISSION_COLUMNS = [
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
];

/**
 * The baseline: the rows the load wrote to `reporting_submission`, written again (round + 1000, removed after)
 * with one autocommitted single-row INSERT each, from `clients` concurrent callers on a pool of the app's size.
 */
async function bareInserts(bare: BareDb, count: number, clients: number): Promise<{ rows: number; ms: number }> {
  const source = await bare.query<Record<string, unknown>>(
    `SELECT ${SUBMISSION_COLUMNS.join(', ')} FROM reporting_submission ORDER BY id DESC LIMIT ?`,
    [count],
  );
  const sql = `INSERT INTO reporting_submission (${SUBMISSION_COLUMNS.join(', ')}) VALUES ${placeholders(1, SUBMISSION_COLUMNS.length)}`;
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < source.length) {
      const row = source[next++];
      await bare.run(
        sql,
        SUBMISSION_COLUMNS.map((c) => (c === 'round' ? Number(row[c]) + BASELINE_ROUND : row[c])),
      );
    }
  };
  await Promise.all(Array.from({ length: bare.kind === 'mysql' ? clients : 1 }, client));
  const ms = performance.now() - started;
  await bare.run('DELETE FROM reporting_submission WHERE round >= ?', [BASELINE_ROUND]);
  return { rows: source.length, ms };
}

/** Rows per table, to show what one submission writes. */
async function tableCounts(bare: BareDb): Promise<Map<string, number>> {
  const names =
    bare.kind === 'mysql'
      ? (
          await bare.query<{ name: string }>(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
          )
        ).map((r) => r.name)
      : (
          await bare.query<{ name: string }>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          )
        ).map((r) => r.name);
  const counts = new Map<string, number>();
  for (const name of names) {
    const [row] = await bare.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${name}`);
    counts.set(name, Number(row.n));
  }
  return counts;
}

/** The statements of one submission by summed wall time (BENCH_PROFILE=1). */
function printShapes(before: DbCounters['shapes'], after: DbCounters['shapes'], submissions: number): void {
  const earlier = new Map(before.map((s) => [s.sql, s]));
  const rows = after
    .map((s) => ({ ...s, count: s.count - (earlier.get(s.sql)?.count ?? 0), ms: s.ms - (earlier.get(s.sql)?.ms ?? 0) }))
    .filter((s) => s.count > 0)
    .sort((a, b) => b.ms - a.ms);
  const total = rows.reduce((sum, s) => sum + s.ms, 0);
  console.log(
    `\nstatements by summed wall time (BENCH_PROFILE=1): ${fmtMs(total / submissions)} per submission\n` +
      table(
        ['share', 'per submission', 'mean', 'statement'],
        rows
          .slice(0, 15)
          .map((s) => [
            `${((s.ms / total) * 100).toFixed(1)}%`,
            (s.count / submissions).toFixed(2),
            fmtMs(s.ms / s.count),
            s.sql,
          ]),
      ),
  );
}

async function main(): Promise<void> {
  const durationMs = Number(process.argv[2] ?? 30) * 1000;
  const tasks = Number(process.argv[3] ?? 2000);
  const started = performance.now();
  const { api, ready } = await ApiProcess.start(tasks);
  const bare = openBareDb(ready.databaseUrl, APP_POOL);
  try {
    const loadAvg = () =>
      os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');
    console.log(
      `submission bench — ${new Date().toISOString()}, ${os.cpus().length} cores, node ${process.version}, ` +
        `load average ${loadAvg()}`,
    );
    console.log(`database: ${ready.databaseLabel} (${await bare.durability()})`);
    console.log(
      `API on 127.0.0.1:${ready.port} in its own process; ${ready.work.length} open obligations from a plan of ` +
        `${tasks} tasks (setup ${(ready.setupMs / 1000).toFixed(0)} s); ${CONCURRENCY} keep-alive clients (node http)\n`,
    );
    const before = await api.call<Memory>('gc');
    // One pool of keep-alive connections for both phases: the warm-up opens them, the measured load reuses them.
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const warmUp = await load(agent, ready.port, ready.work, CONCURRENCY, WARM_UP_REQUESTS, durationMs);
    const work = ready.work.slice(WARM_UP_REQUESTS);
    const countsBefore = await tableCounts(bare);
    const profiling = process.env.BENCH_PROFILE === '1';
    if (profiling) {
      await api.call('profile-start');
    }
    const dbBefore = await api.call<DbCounters>('db');
    const { result, peak, mean } = await sampled(
      api,
      load(agent, ready.port, work, CONCURRENCY, work.length, durationMs),
    );
    const dbAfter = await api.call<DbCounters>('db');
    const sealed = await api.call<{ ms: number; unsealed: number }>('seal-wait');
    const cpuShares = profiling ? await api.call<CpuShare[]>('profile-stop') : [];
    const countsAfter = await tableCounts(bare);
    const afterLoad = await api.call<Memory>('memory');
    const afterGc = await api.call<Memory>('gc');
    agent.destroy();
    const baseline = await bareInserts(bare, result.ok, CONCURRENCY);
    const floor = await floorLoad(bare, ready.databaseUrl, ready.work, durationMs);

    const total = result.latencies.length;
    const throughput = perSecond(result.ok, result.ms);
    const baseRate = perSecond(baseline.rows, baseline.ms);
    const p = (q: number) => fmtMs(quantile(result.latencies, q));
    const warmFailed = [...warmUp.failed.values()].reduce((a, b) => a + b, 0);
    console.log(
      `warm-up, not counted: ${warmUp.ok} submissions on ${CONCURRENCY} new connections` +
        `${warmFailed > 0 ? ` (${warmFailed} failed)` : ''}, p50 ${fmtMs(quantile(warmUp.latencies, 0.5))}, ` +
        `max ${fmtMs(warmUp.latencies[warmUp.latencies.length - 1])}; the measured load reuses those connections`,
    );
    console.log(
      table(
        ['', 'per second', 'p50', 'p95', 'p99', 'max', 'requests'],
        [
          [
            'HTTP submissions',
            fmtRate(throughput),
            p(0.5),
            p(0.95),
            p(0.99),
            fmtMs(result.latencies[total - 1]),
            `${result.ok} ok / ${total} in ${(result.ms / 1000).toFixed(1)} s`,
          ],
          [
            'floor: node http + one INSERT',
            fmtRate(perSecond(floor.ok, floor.ms)),
            fmtMs(quantile(floor.latencies, 0.5)),
            fmtMs(quantile(floor.latencies, 0.95)),
            fmtMs(quantile(floor.latencies, 0.99)),
            fmtMs(floor.latencies[floor.latencies.length - 1]),
            `${floor.ok} ok / ${floor.latencies.length} in ${(floor.ms / 1000).toFixed(1)} s`,
          ],
          [
            `baseline: bare INSERT`,
            fmtRate(baseRate),
            '',
            '',
            '',
            '',
            `${baseline.rows} rows, ${bare.kind === 'mysql' ? `pool ${APP_POOL}, ${CONCURRENCY} callers` : 'one connection'}`,
          ],
        ],
      ),
    );
    for (const [failure, n] of result.failed) {
      console.log(`  failed ×${n}: ${failure}`);
    }
    const ratio = throughput / baseRate;
    const p99 = quantile(result.latencies, 0.99);
    console.log(
      `the floor — node's http server writing one row per request with the bare driver, nothing else — reaches ` +
        `${(perSecond(floor.ok, floor.ms) / baseRate).toFixed(2)}× the baseline with p99 ` +
        `${fmtMs(quantile(floor.latencies, 0.99))}: no endpoint that does more per request can do better here`,
    );
    console.log(
      `\ngoal ≥ ${GOALS.ratio}× baseline: ${ratio >= GOALS.ratio ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×); ` +
        `goal p99 ≤ ${GOALS.p99Ms} ms at ${CONCURRENCY} concurrent: ${p99 <= GOALS.p99Ms ? 'met' : 'NOT met'} (${fmtMs(p99)})`,
    );
    console.log(
      `(clients sending back to back: mean latency = ${CONCURRENCY} / throughput (Little's law), so p99 ≤ ` +
        `${GOALS.p99Ms} ms at ${CONCURRENCY} clients needs ≥ ${fmtRate((CONCURRENCY * 1000) / GOALS.p99Ms)} submissions)`,
    );
    const written = [...countsAfter]
      .map(([name, n]) => [name, (n - (countsBefore.get(name) ?? 0)) / result.ok] as const)
      .filter(([, perSubmission]) => perSubmission > 0)
      .map(([name, perSubmission]) => `${name} ${perSubmission.toFixed(2)}`);
    const per = (f: (c: DbCounters) => number) => (f(dbAfter) - f(dbBefore)) / result.ok;
    console.log(
      `per submission: ${per((c) => c.statements).toFixed(1)} SQL statements in ` +
        `${per((c) => c.transactions).toFixed(1)} transactions; rows added: ${written.join(', ')}`,
    );
    const busy = (dbAfter.transactionMs - dbBefore.transactionMs) / result.ms;
    console.log(
      `time in transactions ${fmtMs(per((c) => c.transactionMs))} per submission ` +
        `(${bare.kind === 'sqlite' ? `the one writer busy ${(busy * 100).toFixed(0)}% of the run` : `${busy.toFixed(1)} open on average`}), ` +
        `waiting to start one ${fmtMs(per((c) => c.waitMs))} per submission`,
    );
    console.log(
      `API process CPU ${fmtMs(per((c) => c.cpuMs))} per submission ` +
        `(${(((dbAfter.cpuMs - dbBefore.cpuMs) / result.ms) * 100).toFixed(0)}% of one core over the run)`,
    );
    console.log(
      `audit rows not yet in the hash chain when the load stopped: ${dbAfter.unsealed} ` +
        `(sealer every ${AUDIT_SEAL_INTERVAL_MS} ms; all sealed ${fmtMs(sealed.ms)} later` +
        `${sealed.unsealed > 0 ? `, ${sealed.unsealed} STILL UNSEALED after 60 s` : ''})`,
    );
    if (dbAfter.shapes.length > 0) {
      printShapes(dbBefore.shapes, dbAfter.shapes, result.ok);
    }
    if (cpuShares.length > 0) {
      console.log(
        '\nAPI CPU by self time under load (BENCH_PROFILE=1)\n' +
          table(
            ['share', 'where'],
            cpuShares.map((c) => [`${(c.share * 100).toFixed(1)}%`, c.where]),
          ),
      );
    }
    console.log(
      '\nAPI process memory\n' +
        table(
          ['', 'RSS', 'heap used', 'heap total'],
          [
            ['before load (after GC)', mib(before.rss), mib(before.heapUsed), mib(before.heapTotal)],
            ['under load (mean)', mib(mean.rss), mib(mean.heapUsed), mib(mean.heapTotal)],
            ['under load (peak)', mib(peak.rss), mib(peak.heapUsed), mib(peak.heapTotal)],
            ['right after load', mib(afterLoad.rss), mib(afterLoad.heapUsed), mib(afterLoad.heapTotal)],
            ['after load (after GC)', mib(afterGc.rss), mib(afterGc.heapUsed), mib(afterGc.heapTotal)],
          ],
        ),
    );
    console.log(`\nload average at the end ${loadAvg()}; total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await bare.close();
    await api.close().catch(() => api.kill());
  }
}

if (process.argv[2] === '--floor') {
  serveBareInserts(process.argv[3], APP_POOL).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else if (process.argv[2] === '--api') {
  apiMain(Number(process.argv[3])).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
