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
  type WorkflowSignal,
  type WorkflowStart,
} from '@app/workflows';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头，市生态环境局参与）',
].join('\n');

/** An engine that accepts everything, to see the relay deliver in order. */
class RecordingEngine extends WorkflowEngine {
  readonly kind = 'temporal' as const;
  readonly delivered: string[] = [];
  start(command: WorkflowStart): Promise<void> {
    this.delivered.push(`start ${command.workflowType} ${command.workflowId}`);
    return Promise.resolve();
  }
  signal(command: WorkflowSignal): Promise<void> {
    this.delivered.push(`signal ${command.signalName} ${command.workflowId}`);
    return Promise.resolve();
  }
  query<T>(): Promise<T> {
    return Promise.reject(new Error('not used'));
  }
  health() {
    return Promise.resolve({ status: 'up' as const, detail: 'fake' });
  }
  ensureSchedules(): Promise<void> {
    return Promise.resolve();
  }
}

/** `WORKFLOW_ENGINE=temporal` with no server at the address: the API keeps working on the database. */
describe(TemporalWorkflowEngine.name, () => {
  let t: TestApp;

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

  it('should report the engine down in /api/health when the server does not answer', async () => {
    const response = await request(t.http).get('/api/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'degraded',
      database: { status: 'up' },
      workflowEngine: { status: 'down' },
    });
    expect((response.body as { workflowEngine: { detail: string } }).workflowEngine.detail).toMatch(/无法连接/);
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
    await request(t.http)
      .post(`/api/plans/${(imported.body as { id: number }).id}/publish`)
      .set('Authorization', `Bearer ${office}`)
      .expect(200);
    const recorded = await commands();
    expect(recorded.map((c) => `${c.kind} ${c.name} ${c.status}`)).toEqual([
      'start reportingObligationWorkflow pending',
      'start reportingObligationWorkflow pending',
    ]);

    const result = await t.app.get(WorkflowCommandRelay).deliverPending();
    expect(result).toEqual({ delivered: 0, failed: 0, unavailable: true });
    const after = await commands();
    expect(after.map((c) => c.status)).toEqual(['pending', 'pending']);
    expect(after[0]).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/无法连接/) as unknown });
  });

  it('should deliver the pending commands in order when the engine answers', async () => {
    const engine = new RecordingEngine();
    const relay = new WorkflowCommandRelay(t.app.get(DataSource), engine, t.app.get(Clock));
    const pending = await commands();
    await expect(relay.deliverPending()).resolves.toEqual({ delivered: 2, failed: 0, unavailable: false });
    expect(engine.delivered).toEqual(pending.map((c) => `start reportingObligationWorkflow ${c.workflowId}`));
    expect((await commands()).every((c) => c.status === 'delivered' && c.deliveredAt !== null)).toBe(true);
    await expect(relay.deliverPending()).resolves.toEqual({ delivered: 0, failed: 0, unavailable: false });
  });
});
