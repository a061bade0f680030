/**
 * The 84-row task table of seed 002, from file to published plan, end to end through the HTTP API
 * (upload → parse → resolve units → store the draft → map the unresolved names → publish with assignments and
 * inbox notices), on a fresh SQLite database or on MySQL when DATABASE_URL is a mysql:// URL.
 * Baseline in the same run: the parse alone, which is the floor any end-to-end import pays.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/plan-import-publish.ts [runs]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { parsePlan } from '@app/plans';
import { startTestApp } from '../test/factories/test-app';

const SEED = path.resolve(__dirname, '../../shared/seeds/002_ed72ecd477f74a50.txt');

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const buffer = fs.readFileSync(SEED);
  const parseTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await parsePlan({ buffer, filename: 'seed-002.txt' });
    parseTimes.push(performance.now() - started);
  }
  const t = await startTestApp();
  const office = await t.login('office');
  const auth = { Authorization: `Bearer ${office}` };
  const cityId = (
    (await request(t.http).get('/api/units').query({ q: '阳江市人民政府' }).set(auth)).body as Array<{ id: number }>
  )[0].id;
  const importTimes: number[] = [];
  const publishTimes: number[] = [];
  let assignments = 0;
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    const imported = await request(t.http)
      .post('/api/plans/import')
      .set(auth)
      .attach('file', buffer, 'seed-002.txt')
      .expect(201);
    importTimes.push(performance.now() - started);
    const planId = (imported.body as { id: number }).id;
    const unresolved = (await request(t.http).get(`/api/plans/${planId}/unresolved`).set(auth).expect(200))
      .body as Array<{ rawName: string }>;
    for (const { rawName } of unresolved) {
      await request(t.http)
        .post(`/api/plans/${planId}/unit-mappings`)
        .set(auth)
        .send({ rawName, unitId: cityId })
        .expect(200);
    }
    started = performance.now();
    const published = await request(t.http).post(`/api/plans/${planId}/publish`).set(auth).expect(200);
    publishTimes.push(performance.now() - started);
    assignments = (published.body as { assignments: number }).assignments;
  }
  await t.close();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(`database: ${t.database.label}, runs: ${runs}`);
  console.log(`baseline  parse only (84-row table):        median ${fmt(median(parseTimes))}`);
  console.log(
    `import    upload → draft (HTTP):             median ${fmt(median(importTimes))}  (${(median(importTimes) / median(parseTimes)).toFixed(1)}× parse)`,
  );
  console.log(`publish   draft → ${assignments} assignments + notices: median ${fmt(median(publishTimes))}`);
  console.log(`end to end (import + publish):              median ${fmt(median(importTimes) + median(publishTimes))}`);
}

void main();
