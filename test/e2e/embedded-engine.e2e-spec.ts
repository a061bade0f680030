import request from 'supertest';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@app/core';
import { DurableTimer, EmbeddedEngine } from '@app/workflows';
import { openRawSql } from '../factories/raw-sql';
import { startTestApp, TestApp } from '../factories/test-app';

const HOUR = 3600_000;
/** Row locks and deadlocks between pollers exist on MySQL/MariaDB only; SQLite has one writer. */
const onMysql = process.env.DATABASE_URL?.startsWith('mysql') ? it : it.skip;

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

  /**
   * A handler whose steps write (a marker timer per run), so a rolled-back step is visible: `batchFailures` makes a
   * subject's next runs throw after writing, `batchMoves` makes it reschedule or cancel another subject's timer,
   * `batchHooks` runs once after the write.
   */
  const BATCH_SUBJECT = 'batch-subject';
  const FAR = new Date('2030-01-01T01:00:00Z');
  const batchRuns: string[] = [];
  const batchFailures = new Map<string, { error: Error; times: number }>();
  const batchMoves = new Map<string, { reschedule?: string; cancel?: string }>();
  const batchHooks = new Map<string, (em: EntityManager) => Promise<void>>();
  const markerOf = (subjectId: string) =>
    t.app.get(EntityManager).findOneBy(DurableTimer, { subjectType: 'batch-marker', subjectId });
  const timerOf = (subjectId: string) =>
    t.app.get(EntityManager).findOneByOrFail(DurableTimer, { subjectType: BATCH_SUBJECT, subjectId });
  const deadlock = () => Object.assign(new Error('Deadlock found'), { driverError: { code: 'ER_LOCK_DEADLOCK' } });

  beforeAll(() => {
    engine.register(BATCH_SUBJECT, {
      run: async (em: EntityManager, subjectId: string) => {
        batchRuns.push(subjectId);
        await engine.schedule(em, 'batch-marker', subjectId, FAR);
        const moves = batchMoves.get(subjectId);
        if (moves?.reschedule) {
          await engine.schedule(em, BATCH_SUBJECT, moves.reschedule, FAR);
        }
        if (moves?.cancel) {
          await engine.cancel(em, BATCH_SUBJECT, moves.cancel);
        }
        const hook = batchHooks.get(subjectId);
        batchHooks.delete(subjectId);
        await hook?.(em);
        const failure = batchFailures.get(subjectId);
        if (failure && failure.times-- > 0) {
          throw failure.error;
        }
        return null;
      },
    });
  });

  /** Due one minute apart, in this order, after running whatever earlier tests left due. */
  const scheduleBatch = async (ids: string[], base: Date) => {
    await engine.drain();
    await unitOfWork.run(async (em) => {
      for (const [i, id] of ids.entries()) {
        await engine.schedule(em, BATCH_SUBJECT, id, new Date(base.getTime() - (ids.length - i) * 60_000));
      }
    });
    batchRuns.length = 0;
  };

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

    it('should commit the neighbours of a failing step, roll back only its writes, and retry it after a backoff', async () => {
      const base = new Date('2026-12-10T01:00:00Z');
      t.clock.set(base);
      const ids = ['nb-1', 'nb-2', 'nb-bad', 'nb-3', 'nb-4'];
      batchFailures.set('nb-bad', { error: new Error('boom nb-bad'), times: 1 });
      await scheduleBatch(ids, base);

      expect(await engine.sweep()).toEqual({ claimed: 5, ran: 4, failed: 1 });
      for (const id of ['nb-1', 'nb-2', 'nb-3', 'nb-4']) {
        expect(await markerOf(id)).not.toBeNull();
        expect((await timerOf(id)).status).toBe('done');
      }
      // The failing step's own write went with its savepoint; its timer waits out the backoff, with the reason.
      expect(await markerOf('nb-bad')).toBeNull();
      const failed = await timerOf('nb-bad');
      expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: 'boom nb-bad' });
      expect(failed.claimedUntil!.getTime() - t.clock.now().getTime()).toBeGreaterThan(55_000);
      expect(await engine.sweep()).toMatchObject({ claimed: 0 });

      t.clock.set(new Date(base.getTime() + 2 * 60_000));
      expect(await engine.sweep()).toEqual({ claimed: 1, ran: 1, failed: 0 });
      expect(await markerOf('nb-bad')).not.toBeNull();
      expect(await timerOf('nb-bad')).toMatchObject({ status: 'done', attempts: 0, lastError: null });
      expect(batchRuns).toEqual([...ids, 'nb-bad']);
    });

    it('should rerun a batch one step per transaction when a step aborts the whole transaction', async () => {
      const base = new Date('2026-12-11T01:00:00Z');
      t.clock.set(base);
      const ids = ['ab-1', 'ab-dead', 'ab-2'];
      // A MySQL deadlock rolls back the whole transaction: no savepoint can isolate it. It fails again alone.
      batchFailures.set('ab-dead', { error: deadlock(), times: 2 });
      await scheduleBatch(ids, base);

      expect(await engine.sweep()).toEqual({ claimed: 3, ran: 2, failed: 1 });
      // The batch ran ab-1 and ab-dead, rolled back; then each alone: ab-1, ab-dead (fails again), ab-2.
      expect(batchRuns).toEqual(['ab-1', 'ab-dead', 'ab-1', 'ab-dead', 'ab-2']);
      expect((await timerOf('ab-1')).status).toBe('done');
      expect((await timerOf('ab-2')).status).toBe('done');
      expect(await markerOf('ab-dead')).toBeNull();
      expect(await timerOf('ab-dead')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Deadlock found' });
    });

    it('should not run a timer that an earlier step of the same batch moved or cancelled', async () => {
      const base = new Date('2026-12-12T01:00:00Z');
      t.clock.set(base);
      batchMoves.set('mv-mover', { reschedule: 'mv-moved', cancel: 'mv-cancelled' });
      await scheduleBatch(['mv-mover', 'mv-moved', 'mv-cancelled', 'mv-other'], base);

      expect(await engine.sweep()).toEqual({ claimed: 4, ran: 2, failed: 0 });
      expect(batchRuns).toEqual(['mv-mover', 'mv-other']);
      expect(await timerOf('mv-moved')).toMatchObject({ status: 'pending', dueAt: FAR });
      expect((await timerOf('mv-cancelled')).status).toBe('cancelled');
      expect((await timerOf('mv-mover')).status).toBe('done');
    });

    onMysql('should lose and repeat no step when a step of the batch is chosen as a deadlock victim', async () => {
      const base = new Date('2026-12-13T01:00:00Z');
      t.clock.set(base);
      const em = t.app.get(EntityManager);
      await unitOfWork.run(async (manager) => {
        await engine.schedule(manager, 'lock-row', 'X', FAR);
        await engine.schedule(manager, 'lock-row', 'Y', FAR);
      });
      const x = (await em.findOneByOrFail(DurableTimer, { subjectType: 'lock-row', subjectId: 'X' })).id;
      const y = (await em.findOneByOrFail(DurableTimer, { subjectType: 'lock-row', subjectId: 'Y' })).id;
      const other = await openRawSql(t.database.url);
      let otherDone: Promise<unknown> = Promise.resolve();
      batchHooks.set('dl-victim', async (batch) => {
        await batch.query('SELECT id FROM workflow_timer WHERE id = ? FOR UPDATE', [x]);
        // Another transaction holds Y, has written much more than the batch (InnoDB rolls back the smaller
        // transaction), and waits for X; the batch then asks for Y.
        await other.query('START TRANSACTION');
        await other.query(`SELECT id FROM workflow_timer WHERE id = ${y} FOR UPDATE`);
        const far = "'2030-01-01 00:00:00.000'";
        const rows = Array.from(
          { length: 200 },
          (_, i) => `('lock-heavy', '${i}', ${far}, 'pending', 0, ${far}, ${far})`,
        );
        await other.query(
          'INSERT INTO workflow_timer (subject_type, subject_id, due_at, status, attempts, created_at, updated_at) ' +
            `VALUES ${rows.join(', ')}`,
        );
        otherDone = other
          .query(`SELECT id FROM workflow_timer WHERE id = ${x} FOR UPDATE`)
          .then(() => other.query('COMMIT'));
        await new Promise((resolve) => setTimeout(resolve, 300));
        await batch.query('SELECT id FROM workflow_timer WHERE id = ? FOR UPDATE', [y]);
      });
      try {
        await scheduleBatch(['dl-1', 'dl-victim', 'dl-2'], base);
        expect(await engine.sweep()).toEqual({ claimed: 3, ran: 3, failed: 0 });
        await otherDone;
      } finally {
        await other.close();
      }
      // The deadlock rolled the whole batch back; its steps then ran one per transaction, each committed once.
      expect(batchRuns).toEqual(['dl-1', 'dl-victim', 'dl-1', 'dl-victim', 'dl-2']);
      for (const id of ['dl-1', 'dl-victim', 'dl-2']) {
        expect(await markerOf(id)).not.toBeNull();
        expect((await timerOf(id)).status).toBe('done');
      }
      expect(await em.countBy(DurableTimer, { subjectType: 'lock-heavy' })).toBe(200);
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
