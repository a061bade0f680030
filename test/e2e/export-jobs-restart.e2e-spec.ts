import * as fs from 'node:fs';
import { Workbook } from 'exceljs';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { App } from 'supertest/types';
import { EXPORT_JOB_STALE_MS, ExportJobRecord, ExportJobs } from '@app/exports';
import type { ExportTask } from '@app/exports';
import { createApiApp } from '../../apps/api/src/create-app';
import { JsonLogger } from '../../apps/api/src/common/json-logger';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头，市生态环境局参与）',
].join('\n');

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

/** An export that writes nothing until it is told to, so a test can stop the API while it runs. */
function stalledTask(): ExportTask {
  return {
    file: { filename: '测试.xlsx', asciiFilename: 'test.xlsx', contentType: 'application/octet-stream' },
    total: 10,
    write: (_out, progress) => {
      progress(4);
      return new Promise<void>(() => undefined);
    },
  };
}

/**
 * Background exports are kept in the database: a finished one is still there to download after the API restarts,
 * and one cut off by a restart or a crash says so instead of vanishing.
 */
describe('Export jobs across a restart (e2e)', () => {
  let t: TestApp;
  let restarted: NestExpressApplication | null = null;
  let http: App;

  beforeAll(async () => {
    t = await startTestApp();
    http = t.http;
  });
  afterAll(async () => {
    await restarted?.close();
    await t.database.drop();
    fs.rmSync(t.config.dataDir, { recursive: true, force: true });
  });

  async function login(username: string): Promise<string> {
    const response = await request(http)
      .post('/api/auth/login')
      .send({ username, password: 'Demo2026pass' })
      .expect(200);
    return response.body.token as string;
  }

  interface JobBody {
    status: string;
    fileUrl: string;
  }

  async function untilEnded(token: string, id: string): Promise<JobBody> {
    for (let i = 0; i < 100; i++) {
      const response = await request(http).get(`/api/exports/jobs/${id}`).set(as(token)).expect(200);
      const job = response.body as JobBody;
      if (job.status !== 'running') {
        return job;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`export job ${id} still running`);
  }

  it('should serve a finished export after a restart, and report the ones a restart or a crash cut off', async () => {
    const office = await login('office');
    const plan = await request(http).post('/api/plans/import').set(as(office)).send({ text: PLAN_TEXT }).expect(201);
    const started = await request(http)
      .post('/api/exports/jobs')
      .set(as(office))
      .send({ kind: 'task_table', planId: plan.body.id })
      .expect(202);
    const finished = await untilEnded(office, started.body.id);
    expect(finished.status).toBe('done');

    const repository = t.app.get(DataSource).getRepository(ExportJobRecord);
    const ownerId = (await repository.findOneByOrFail({ id: started.body.id })).ownerId;
    // Running when the API stops.
    const cutOff = await t.app.get(ExportJobs).start(ownerId, 'task_table', stalledTask());
    // Left `running` by a process that died without a word: its row has not been refreshed for twice the staleness limit.
    const crashedId = '00000000-0000-4000-8000-000000000001';
    await repository.insert({
      ...(await repository.findOneByOrFail({ id: started.body.id })),
      id: crashedId,
      status: 'running',
      finishedAt: null,
      aliveAt: new Date(Date.now() - 2 * EXPORT_JOB_STALE_MS),
    });

    await t.app.close();
    restarted = await createApiApp(t.config, new JsonLogger('error', (line) => process.stderr.write(line)));
    await restarted.init();
    http = restarted.getHttpServer();
    const again = await login('office');

    const file = await request(http)
      .get(finished.fileUrl)
      .set(as(again))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(file.body as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
    expect(cells).toContain('任务措施');
    expect(cells.join('|')).toContain('开展农用地土壤污染状况详查');

    for (const id of [cutOff.id, crashedId]) {
      const job = (await request(http).get(`/api/exports/jobs/${id}`).set(as(again)).expect(200)).body;
      expect(job).toMatchObject({ status: 'failed', error: '导出因服务重启而中断，请重新导出' });
      const refused = await request(http).get(`/api/exports/jobs/${id}/file`).set(as(again)).expect(409);
      expect(refused.body.message).toContain('导出因服务重启而中断');
    }
    expect(cutOff).toMatchObject({ status: 'running', total: 10 });
    await request(http)
      .get(`/api/exports/jobs/${started.body.id}`)
      .set(as(await login('leader')))
      .expect(403);
  });
});
