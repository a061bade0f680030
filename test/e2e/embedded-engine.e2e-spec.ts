import request from 'supertest';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@app/core';
import { DurableTimer, EmbeddedEngine } from '@app/workflows';
import { startTestApp, TestApp } from '../factories/test-app';

const HOUR = 3600_000;

describe('EmbeddedEngine (e2e)', () => {
  let t: TestApp;
  let engine: EmbeddedEngine;
  let unitOfWork: UnitOfWork;
  /** Every run of every subject, across tests; assertions look at their own subjects only. */
  const runs: string[] = [];
  const runsOf = (prefix: string) => runs.filter((id) => id.startsWith(prefix));
  const failOnce = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp();
    engine = t.app.get(EmbeddedEngine);
    unitOfWork = t.app.get(UnitOfWork);
    engine.register('test-subject', {
      run: (_em: EntityManager, subjectId: string, now: Date) => {
        if (failOnce.delete(subjectId)) {
          return Promise.reject(new Error(`boom ${subjectId}`));
        }
        runs.push(subjectId);
        // Every subject runs twice: again one hour later, then it is finished.
        return Promise.resolve(
          runs.filter((id) => id === subjectId).length < 2 ? new Date(now.getTime() + HOUR) : null,
        );
      },
    });
  });
  afterAll(async () => t.close());

  const scheduleAll = (ids: string[], at: Date) =>
    unitOfWork.run(async (em) => {
      for (const id of ids) {
        await engine.schedule(em, 'test-subject', id, at);
      }
    });

  describe('sweep', () => {
    it('should run nothing before the due time and each due timer once when the clock passes it', async () => {
      const base = new Date('2026-12-01T01:00:00Z');
      t.clock.set(base);
      await scheduleAll(['first-a', 'first-b'], new Date(base.getTime() + HOUR));
      expect(await engine.sweep()).toMatchObject({ claimed: 0 });
      t.clock.set(new Date(base.getTime() + HOUR));
      expect(await engine.sweep()).toMatchObject({ claimed: 2, ran: 2 });
      expect(await engine.sweep()).toMatchObject({ claimed: 0 });
      await unitOfWork.run(async (em) => {
        await engine.cancel(em, 'test-subject', 'first-a');
        await engine.cancel(em, 'test-subject', 'first-b');
      });
      expect(runsOf('first-').sort()).toEqual(['first-a', 'first-b']);
    });

    it('should run a step missed while the system was down once, then reschedule from the recovery time', async () => {
      const base = new Date('2026-12-02T01:00:00Z');
      t.clock.set(base);
      await scheduleAll(['late'], base);
      t.clock.set(new Date(base.getTime() + 10 * 24 * HOUR));
      await engine.drain();
      expect(runsOf('late')).toEqual(['late']);
      const timer = await t.app
        .get(EntityManager)
        .findOneByOrFail(DurableTimer, { subjectType: 'test-subject', subjectId: 'late' });
      expect(timer.status).toBe('pending');
      // The adjustable clock keeps flowing after `set`, so allow the milliseconds the test itself took.
      expect(Math.abs(timer.dueAt.getTime() - (base.getTime() + 10 * 24 * HOUR + HOUR))).toBeLessThan(5_000);
    });

    it('should keep a failed step due and retry it after a backoff', async () => {
      const base = new Date('2026-12-03T01:00:00Z');
      t.clock.set(base);
      failOnce.add('flaky');
      await scheduleAll(['flaky'], base);
      expect(await engine.sweep()).toMatchObject({ claimed: 1, failed: 1 });
      expect(await engine.sweep()).toMatchObject({ claimed: 0 });
      t.clock.set(new Date(base.getTime() + 2 * 60_000));
      expect(await engine.sweep()).toMatchObject({ claimed: 1, ran: 1 });
      expect(runsOf('flaky')).toEqual(['flaky']);
    });

    it('should run each timer exactly once when two sweeps race', async () => {
      const base = new Date('2026-12-04T01:00:00Z');
      t.clock.set(base);
      const ids = Array.from({ length: 40 }, (_, i) => `race-${i}`);
      await scheduleAll(ids, base);
      await Promise.all([engine.sweep(25), engine.sweep(25), engine.sweep(25)]);
      // Rows a racing claim skipped are simply left for the next sweep.
      await engine.drain();
      expect(new Set(runsOf('race-')).size).toBe(40);
      expect(runsOf('race-').length).toBe(40);
    });

    it('should not run a cancelled timer', async () => {
      const base = new Date('2026-12-05T01:00:00Z');
      t.clock.set(base);
      await scheduleAll(['cancelled'], base);
      await unitOfWork.run((em) => engine.cancel(em, 'test-subject', 'cancelled'));
      await engine.drain();
      expect(runsOf('cancelled')).toEqual([]);
    });
  });

  describe('dev clock', () => {
    it('should tell anyone whether the clock is simulated', async () => {
      const response = await request(t.http).get('/api/dev/clock').expect(200);
      expect(response.body).toMatchObject({ enabled: true });
    });

    it('should move time and run what became due when an office admin sets it', async () => {
      t.clock.set(new Date('2026-12-06T01:00:00Z'));
      const office = await t.login('office');
      await scheduleAll(['via-clock'], new Date('2026-12-07T01:00:00Z'));
      const response = await request(t.http)
        .post('/api/dev/clock')
        .set('Authorization', `Bearer ${office}`)
        .send({ now: '2026-12-07T09:30:00+08:00' })
        .expect(200);
      expect(response.body.simulated).toBe(true);
      expect(response.body.now).toMatch(/^2026-12-07T01:30:0/);
      expect(response.body.stepsRun).toBeGreaterThanOrEqual(1);
      expect(runsOf('via-clock')).toEqual(['via-clock']);
    });

    it('should refuse a liaison and a malformed date', async () => {
      const liaison = await t.login('liaison');
      await request(t.http)
        .post('/api/dev/clock')
        .set('Authorization', `Bearer ${liaison}`)
        .send({ now: '2026-12-08T00:00:00Z' })
        .expect(403);
      const office = await t.login('office');
      const bad = await request(t.http)
        .post('/api/dev/clock')
        .set('Authorization', `Bearer ${office}`)
        .send({ now: 'tomorrow' })
        .expect(400);
      expect(bad.body.fields).toHaveProperty('now');
    });
  });
});

describe('Dev clock when not enabled (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ ALLOW_CLOCK_CONTROL: '0' });
  });
  afterAll(async () => t.close());

  it('should refuse to move the clock', async () => {
    const admin = await t.login('admin');
    const response = await request(t.http)
      .post('/api/dev/clock')
      .set('Authorization', `Bearer ${admin}`)
      .send({ now: '2030-01-01T00:00:00Z' })
      .expect(403);
    expect(response.body.message).toContain('ALLOW_CLOCK_CONTROL');
    expect((await request(t.http).get('/api/dev/clock').expect(200)).body.enabled).toBe(false);
  });
});
