import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AdjustableClock, Clock } from '@app/core';
import { Circular, Warning } from '@app/supervision';
import { DurableTimer, EmbeddedEngine, type EscalationActivities } from '@app/workflows';
import { ESCALATION_ACTIVITY_DEPS } from '../../apps/worker/src/activity-deps';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。持续实施。（市农业农村局牵头）',
  '二、建设用地',
  '（二）建立建设用地土壤环境监管清单。持续实施。（市生态环境局牵头）',
].join('\n');

/**
 * Temporal mode splits the month: the Schedule's `monthlyCycleWorkflow` opens it in the worker (its first page plans
 * the circular of the month before, as the embedded period cycle does), the API's poller issues the circular when
 * its timer is due, and runs no ladder step. A re-run cycle plans nothing twice; the circular comes out once.
 */
describe('The monthly cycle in Temporal mode (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let activities: EscalationActivities;

  beforeAll(async () => {
    t = await startTestApp({ WORKFLOW_ENGINE: 'temporal', TEMPORAL_ADDRESS: '127.0.0.1:1' });
    t.clock.set(new Date('2026-11-05T10:00:00+08:00'));
    const office = await t.login('office');
    const imported = await request(t.http)
      .post('/api/plans/import')
      .set({ Authorization: `Bearer ${office}` })
      .send({ text: PLAN_TEXT });
    await request(t.http)
      .post(`/api/plans/${imported.body.id}/publish`)
      .set({ Authorization: `Bearer ${office}` })
      .expect(200);
    // The worker's wiring on the same database and clock source: what the cycle's activities run in.
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), { logger: false });
    activities = worker.get<EscalationActivities>(ESCALATION_ACTIVITY_DEPS);
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  /** The API's clock and the worker's, which are two processes' clocks in production. */
  function setClocks(iso: string): void {
    t.clock.set(new Date(iso));
    worker.get<Clock, AdjustableClock>(Clock).set(new Date(iso));
  }

  const circularTimers = () =>
    t.app
      .get(DataSource)
      .getRepository(DurableTimer)
      .find({ where: { subjectType: 'circular' } });

  it("should plan November's circular when the cycle opens December, once however often it runs", async () => {
    setClocks('2026-12-01T01:00:00+08:00');
    const page = { period: '2026-12', cursor: null, limit: 200 };
    const first = await activities.openPeriodObligations(page);
    expect(first.obligations.map((o) => o.period)).toContain('2026-12');
    await activities.openPeriodObligations(page);
    const timers = await circularTimers();
    expect(timers).toHaveLength(1);
    // The 5th working day after the lead due date (3 December), at 10:00.
    expect(timers[0]).toMatchObject({ status: 'pending', dueAt: new Date('2026-12-10T10:00:00+08:00') });
  });

  it("should issue the circular from the API's poller when due, and nothing twice", async () => {
    const engine = t.app.get(EmbeddedEngine);
    setClocks('2026-12-10T10:00:00+08:00');
    await expect(engine.drain()).resolves.toMatchObject({ ran: 1, failed: 0 });
    await expect(engine.drain()).resolves.toMatchObject({ claimed: 0 });
    await activities.openPeriodObligations({ period: '2026-12', cursor: null, limit: 200 });
    await expect(engine.drain()).resolves.toMatchObject({ claimed: 0 });
    const circulars = await t.app.get(DataSource).getRepository(Circular).find();
    expect(circulars.map((c) => c.period)).toEqual(['2026-11']);
    expect((await circularTimers()).map((timer) => timer.status)).toEqual(['done']);
  });

  it("should run no ladder step from the API's poller, even for a timer left from the embedded engine", async () => {
    const dataSource = t.app.get(DataSource);
    const now = new Date('2026-12-10T10:00:00+08:00');
    const leftover = { subjectType: 'obligation', subjectId: '1', dueAt: now, status: 'pending' as const };
    await dataSource.getRepository(DurableTimer).insert({
      ...leftover,
      attempts: 0,
      claimedUntil: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
    });
    const warnings = await dataSource.getRepository(Warning).count();
    await expect(t.app.get(EmbeddedEngine).drain()).resolves.toMatchObject({ ran: 0, failed: 1 });
    expect(await dataSource.getRepository(Warning).count()).toBe(warnings);
    const timer = await dataSource.getRepository(DurableTimer).findOneByOrFail({ subjectType: 'obligation' });
    expect(timer.lastError).toMatch(/no handler registered for timers of "obligation"/);
  });
});
