import * as os from 'node:os';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '@app/config';
import { Clock, DomainError } from '@app/core';
import {
  obligationWorkflowId,
  TemporalWorkflowEngine,
  WorkflowCommandRecord,
  WorkflowCommandRelay,
  WorkflowEngine,
  WorkflowCommands,
} from '@app/workflows';
import { RecordingEngine } from '../factories/recording-engine';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头，市生态环境局参与）',
].join('\n');

/** `WORKFLOW_ENGINE=temporal` with no server at the address: the API keeps working on the database. */
describe(TemporalWorkflowEngine.name, () => {
  let t: TestApp;
  let planId: number;

  beforeAll(async () => {
    t = await startTestApp({ WORKFLOW_ENGINE: 'temporal', TEMPORAL_ADDRESS: '127.0.0.1:1' });
    t.clock.set(new Date('2026-11-05T10:00:00+08:00'));
  });
  afterAll(async () => {
    await t.close();
  });

  const commands = () =>
    t.app
      .get(DataSource)
      .getRepository(WorkflowCommandRecord)
      .find({ order: { id: 'ASC' } });

  it('should refuse the temporal engine without an address when the configuration loads', () => {
    expect(() => loadConfig({ DATA_DIR: os.tmpdir(), WORKFLOW_ENGINE: 'temporal' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: os.tmpdir(), WORKFLOW_ENGINE: 'temporal' })).toThrow(/TEMPORAL_ADDRESS/);
  });

  it('should report the engine down in /api/health, quickly and with HTTP 200, when the server does not answer', async () => {
    const started = Date.now();
    const response = await request(t.http).get('/api/health');
    // 200, not 503: the API still serves every action (they queue in the outbox); the body says what is down.
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(response.body).toMatchObject({
      status: 'degraded',
      database: { status: 'up' },
      workflowEngine: { status: 'down' },
    });
    expect((response.body as { workflowEngine: { detail: string } }).workflowEngine.detail).toMatch(
      /^temporal（127\.0\.0\.1:1，命名空间 default）无法连接：/,
    );

    // Right after a failed connection the engine answers from it instead of waiting for another timeout.
    const again = Date.now();
    const cached = await request(t.http).get('/api/health').expect(200);
    expect(Date.now() - again).toBeLessThan(1_000);
    expect(cached.body).toMatchObject({ status: 'degraded', workflowEngine: { status: 'down' } });
  });

  it('should answer UNAVAILABLE (503) with a Chinese message when a query needs the server', async () => {
    const failure = await t.app
      .get(WorkflowEngine)
      .query(obligationWorkflowId('1'), 'status')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: 'UNAVAILABLE' });
    expect((failure as Error).message).toMatch(/^工作流服务（Temporal）暂时无法连接/);
  });

  it('should keep the starts in the outbox when publishing while the server is down', async () => {
    const office = await t.login('office');
    const imported = await request(t.http)
      .post('/api/plans/import')
      .set('Authorization', `Bearer ${office}`)
      .send({ text: PLAN_TEXT })
      .expect(201);
    planId = (imported.body as { id: number }).id;
    await request(t.http).post(`/api/plans/${planId}/publish`).set('Authorization', `Bearer ${office}`).expect(200);
    const recorded = await commands();
    expect(recorded.map((c) => `${c.kind} ${c.name} ${c.status}`)).toEqual([
      'start reportingObligationWorkflow pending',
      'start reportingObligationWorkflow pending',
    ]);

    const result = await t.app.get(WorkflowCommandRelay).deliverPending();
    expect(result).toEqual({ delivered: 0, ignored: 0, failed: 0, unavailable: true });
    const after = await commands();
    expect(after.map((c) => c.status)).toEqual(['pending', 'pending']);
    expect(after[0]).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/无法连接/) as unknown });
  });

  it('should take a report and its acceptance while the server is down, keeping both signals in the outbox', async () => {
    const liaison = await t.login('liaison');
    const listed = await request(t.http)
      .get('/api/obligations')
      .query({ period: '2026-11' })
      .set('Authorization', `Bearer ${liaison}`)
      .expect(200);
    const obligation = (listed.body as { items: Array<{ id: number; status: string }> }).items[0];
    expect(obligation).toMatchObject({ status: 'open' });
    await request(t.http)
      .post(`/api/obligations/${obligation.id}/submissions`)
      .set('Authorization', `Bearer ${liaison}`)
      .send({ kind: 'progress', progressText: '已完成详查点位布设', percentComplete: 40 })
      .expect(201);
    await request(t.http)
      .post(`/api/obligations/${obligation.id}/accept`)
      .set('Authorization', `Bearer ${await t.login('office')}`)
      .send({ rating: 4 })
      .expect(200);

    const stored = await request(t.http)
      .get(`/api/obligations/${obligation.id}`)
      .set('Authorization', `Bearer ${liaison}`)
      .expect(200);
    expect(stored.body).toMatchObject({ status: 'accepted' });
    const signals = (await commands()).filter((c) => c.kind === 'signal');
    expect(signals.map((c) => `${c.name} ${c.workflowId} ${c.status} ${c.payload}`)).toEqual([
      `submitted ${obligationWorkflowId(String(obligation.id))} pending [{"submissionId":"${obligation.id}:r0"}]`,
      `accepted ${obligationWorkflowId(String(obligation.id))} pending [{"submissionId":"${obligation.id}:r0"}]`,
    ]);

    await expect(t.app.get(WorkflowCommandRelay).deliverPending()).resolves.toMatchObject({ unavailable: true });
    expect((await commands()).every((c) => c.status === 'pending')).toBe(true);
  });

  it('should record a cancellation for each running obligation when the task is withdrawn', async () => {
    const office = await t.login('office');
    const listed = await request(t.http)
      .get('/api/obligations')
      .query({ period: '2026-11' })
      .set('Authorization', `Bearer ${office}`)
      .expect(200);
    const items = (listed.body as { items: Array<{ id: number; taskId: number; status: string }> }).items;
    const running = items.filter((o) => o.status === 'open');
    expect(running.length).toBeGreaterThan(0);
    await request(t.http)
      .post(`/api/plans/${planId}/tasks/${items[0].taskId}/cancel`)
      .set('Authorization', `Bearer ${office}`)
      .send({ reason: '任务调整，本年度不再实施' })
      .expect(200);
    const cancels = (await commands()).filter((c) => c.kind === 'cancel');
    expect(cancels.map((c) => `${c.workflowId} ${c.status}`)).toEqual(
      running.map((o) => `${obligationWorkflowId(String(o.id))} pending`),
    );
  });

  it('should deliver the pending commands in order when the engine answers', async () => {
    const engine = new RecordingEngine();
    const relay = new WorkflowCommandRelay(t.app.get(DataSource), engine, t.app.get(Clock));
    const pending = await commands();
    await expect(relay.deliverPending()).resolves.toEqual({
      delivered: pending.length,
      ignored: 0,
      failed: 0,
      unavailable: false,
    });
    expect(engine.delivered).toEqual(
      pending.map((c) => (c.kind === 'cancel' ? `cancel ${c.workflowId}` : `${c.kind} ${c.name} ${c.workflowId}`)),
    );
    expect(engine.delivered.filter((line) => !line.startsWith('start'))).toEqual([
      expect.stringMatching(/^signal submitted obligation:\d+$/),
      expect.stringMatching(/^signal accepted obligation:\d+$/),
      expect.stringMatching(/^cancel obligation:\d+$/),
    ]);
    expect((await commands()).every((c) => c.status === 'delivered' && c.deliveredAt !== null)).toBe(true);
    await expect(relay.deliverPending()).resolves.toEqual({ delivered: 0, ignored: 0, failed: 0, unavailable: false });
  });

  it('should ignore at once a signal for a workflow that has ended, and deliver a cancellation', async () => {
    const ended = obligationWorkflowId('ended-1');
    await t.app.get(DataSource).transaction(async (em) => {
      const outbox = t.app.get(WorkflowCommands);
      await outbox.record(em, {
        kind: 'signal',
        workflowId: ended,
        signalName: 'submitted',
        args: [{ submissionId: 'x' }],
      });
      await outbox.record(em, { kind: 'cancel', workflowId: obligationWorkflowId('running-2') });
    });
    const engine = new RecordingEngine([ended]);
    const relay = new WorkflowCommandRelay(t.app.get(DataSource), engine, t.app.get(Clock));
    await expect(relay.deliverPending()).resolves.toEqual({ delivered: 1, ignored: 1, failed: 0, unavailable: false });
    expect(engine.delivered).toEqual([`cancel ${obligationWorkflowId('running-2')}`]);
    const [signal, cancel] = (await commands()).slice(-2);
    expect(signal).toMatchObject({ status: 'ignored', attempts: 1, lastError: `工作流不存在：${ended}` });
    expect(cancel).toMatchObject({ kind: 'cancel', name: 'cancel', payload: '[]', status: 'delivered' });
    await expect(relay.deliverPending()).resolves.toEqual({ delivered: 0, ignored: 0, failed: 0, unavailable: false });
  });
});
