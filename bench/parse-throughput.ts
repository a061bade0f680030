/**
 * Plan parser throughput, measured against a baseline in the same run:
 * - a synthetic 10,000-task prose plan (wrapped lines, page numbers): tasks per second, goal ≥ 10,000/s;
 * - the 84-row task table of seed 002 (附表7), or a synthetic table of the same shape when the seed is absent:
 *   parse time, goal < 50 ms.
 * The baseline is a bare pass over the same text: split into lines, one regex per line for clauses and dates.
 *
 * Run: npx ts-node --transpile-only -r tsconfig-paths/register bench/parse-throughput.ts
 */
import { parsePlanText } from '@app/plans';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

import { syntheticProsePlan, tablePlanText } from '../libs/plans/src/parser/testing/plan-text.factory';

const TASKS = 10_000;
const RUNS = 7;
const GOALS = { tasksPerSecond: 10_000, tableMs: 50 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time in ms of `run`, after one warm-up call. */
function time(run: () => unknown): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

/** The least a parser must do: look at every line once with the clause and date patterns. */
function baseline(text: string): number {
  let hits = 0;
  for (const line of text.split('\n')) {
    if (/（[^（）]*(牵头|参与|负责)[^（）]*）/.test(line)) {
      hits++;
    }
    if (/\d{4}\s*年|\d{1,2}\s*月底|每\d*年|持续实施/.test(line)) {
      hits++;
    }
    hits += line.split('\t').length > 1 ? 1 : 0;
  }
  return hits;
}

function seedTable(): { text: string; label: string } {
  const dirs = [
    process.env.PLAN_SEEDS_DIR,
    join(__dirname, '..', 'test', 'fixtures', 'plans', 'seeds'),
    '/work/shared/seeds',
  ];
  for (const dir of dirs) {
    const path = dir === undefined ? '' : join(dir, '002_ed72ecd477f74a50.txt');
    if (path !== '' && existsSync(path)) {
      return { text: readFileSync(path, 'utf8'), label: 'seed 002 附表7' };
    }
  }
  const rows = Array.from({ length: 84 }, (_, i) => ({
    chapter: i % 9 === 0 ? `${'一二三四五六七八九十'[Math.floor(i / 9) % 10]}、重点任务` : '',
    clause: i % 3 === 0 ? `（${'一二三四五六七八九十'[i % 10]}）工作事项` : '',
    text: `开展第${i + 1}项土壤污染防治重点工作，建立健全工作机制。`,
    lead: i % 3 === 0 ? '市环境保护局' : '',
    participants: i % 3 === 0 ? '市发展和改革委员会、经济和信息化局、财政局、国土资源局' : '',
    progress: ['2017年底', '持续实施', '2018年起', '2020 年底 前'][i % 4],
  }));
  return { text: tablePlanText({ rows }), label: 'synthetic 84-row table' };
}

function main(): void {
  const prose = syntheticProsePlan(TASKS);
  const parsed = parsePlanText(prose, { source: 'prose' });
  if (parsed.tasks.length !== TASKS) {
    throw new Error(`expected ${TASKS} tasks, parsed ${parsed.tasks.length}`);
  }
  const proseMs = time(() => parsePlanText(prose, { source: 'prose' }));
  const proseBaselineMs = time(() => baseline(prose));
  const tasksPerSecond = (TASKS / proseMs) * 1000;

  const table = seedTable();
  const tableTasks = parsePlanText(table.text, { source: 'table' }).tasks.length;
  const tableMs = time(() => parsePlanText(table.text, { source: 'table' }));
  const tableBaselineMs = time(() => baseline(table.text));

  const verdict = (ok: boolean): string => (ok ? 'ok' : 'BELOW GOAL');
  const lines = [
    `plan parser throughput (node ${process.version}, median of ${RUNS} runs after warm-up)`,
    '',
    `prose, ${TASKS} tasks, ${(prose.length / 1024).toFixed(0)} KiB`,
    `  parser    ${proseMs.toFixed(1).padStart(8)} ms   ${tasksPerSecond.toFixed(0).padStart(8)} tasks/s   goal >= ${GOALS.tasksPerSecond}/s: ${verdict(tasksPerSecond >= GOALS.tasksPerSecond)}`,
    `  baseline  ${proseBaselineMs.toFixed(1).padStart(8)} ms   (split by line + regex)   parser/baseline ${(proseMs / proseBaselineMs).toFixed(1)}x`,
    '',
    `table, ${table.label}, ${tableTasks} rows`,
    `  parser    ${tableMs.toFixed(2).padStart(8)} ms   goal < ${GOALS.tableMs} ms: ${verdict(tableMs < GOALS.tableMs)}`,
    `  baseline  ${tableBaselineMs.toFixed(2).padStart(8)} ms   (split by line + regex)   parser/baseline ${(tableMs / tableBaselineMs).toFixed(1)}x`,
  ];
  console.log(lines.join('\n'));
}

main();
