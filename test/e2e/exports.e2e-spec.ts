import * as path from 'node:path';
import { Workbook } from 'exceljs';
import mammoth from 'mammoth';
import request from 'supertest';
import { systemActor, UnitOfWork } from '@app/core';
import { CircularsService } from '@app/supervision';
import { unitIdByName } from '../factories/org-lookup';
import { startTestApp, TestApp } from '../factories/test-app';

const SEED_002 = path.resolve(__dirname, '../../../shared/seeds/002_ed72ecd477f74a50.txt');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头，市生态环境局参与）',
  '（二）推进受污染耕地安全利用。持续实施。（阳西县农业农村局牵头）',
  '二、建设用地',
  '（三）建立建设用地土壤环境监管清单。持续实施。（市生态环境局牵头，市自然资源局参与）',
].join('\n');

const OTHER_PLAN_TEXT = [
  '阳江市2026年农用地安全利用工作要点',
  '一、安全利用',
  '（一）开展耕地土壤环境质量类别划定。2026年底前完成。（市农业农村局牵头）',
].join('\n');

interface TaskBody {
  ref: string;
  title: string;
  text: string;
  localResponsibility: boolean;
  lead: Array<{ rawName: string; unitId: number | null }>;
  participants: Array<{ rawName: string; unitId: number | null }>;
  deadlines: Array<{ raw: string; date: string | null; kind: string }>;
}

/** Binary bodies for supertest: collect the bytes instead of parsing them. */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function workbook(buffer: Buffer): Promise<Workbook> {
  const book = new Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

const rowValues = (book: Workbook, row: number): string[] =>
  Array.from({ length: book.worksheets[0].columnCount }, (_, i) => book.worksheets[0].getCell(row, i + 1).text);

describe('ExportsController (e2e)', () => {
  let t: TestApp;
  let planId: number;
  let otherPlanId: number;
  let landId: number;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function moveTo(iso: string): Promise<void> {
    t.clock.set(new Date(iso));
    await request(t.http)
      .post('/api/dev/clock')
      .set(as(await t.login('office')))
      .send({ now: iso })
      .expect(200);
  }

  async function download(login: string, url: string, status = 200): Promise<request.Response> {
    return request(t.http)
      .get(url)
      .set(as(await t.login(login)))
      .buffer(true)
      .parse(binary)
      .expect(status);
  }

  async function submit(login: string, taskRef: string, body: Record<string, unknown>): Promise<number> {
    const token = await t.login(login);
    const list = await request(t.http)
      .get('/api/obligations')
      .query({ planId, period: '2026-10' })
      .set(as(token))
      .expect(200);
    const obligation = (list.body as { items: Array<{ id: number; taskRef: string; role: string }> }).items.find(
      (o) => o.taskRef === taskRef && o.role !== 'participant',
    );
    if (!obligation) {
      throw new Error(`no obligation ${taskRef} for ${login}`);
    }
    await request(t.http).post(`/api/obligations/${obligation.id}/submissions`).set(as(token)).send(body).expect(201);
    return obligation.id;
  }

  async function publish(text: string): Promise<number> {
    const office = await t.login('office');
    const imported = await request(t.http).post('/api/plans/import').set(as(office)).send({ text }).expect(201);
    await request(t.http).post(`/api/plans/${imported.body.id}/publish`).set(as(office)).expect(200);
    return imported.body.id as number;
  }

  beforeAll(async () => {
    t = await startTestApp();
    await moveTo('2026-10-05T10:00:00+08:00');
    planId = await publish(PLAN_TEXT);
    otherPlanId = await publish(OTHER_PLAN_TEXT);
    landId = await unitIdByName(t, await t.login('office'), '阳江市自然资源局');

    await moveTo('2026-11-02T09:30:00+08:00');
    const office = await t.login('office');
    const agri = await submit('liaison', '一/(一)', {
      kind: 'progress',
      progressText: '完成采样点位布设，采样进度60%。',
      percentComplete: 60,
    });
    const yangxi = await submit('yangxi-liaison', '一/(二)', { kind: 'no_task' });
    await submit('eco-liaison', '二/(三)', { kind: 'progress', progressText: '清单编制中。', percentComplete: 30 });
    for (const id of [agri, yangxi]) {
      await request(t.http).post(`/api/obligations/${id}/accept`).set(as(office)).send({ rating: 4 }).expect(200);
    }
  });
  afterAll(async () => t.close());

  describe('GET /api/exports/plans/:id/progress-table', () => {
    it('should give the month’s table grouped by 重点内容, filled from the accepted reports', async () => {
      const response = await download('office', `/api/exports/plans/${planId}/progress-table?period=2026-10`);
      expect(response.headers['content-type']).toBe(XLSX);
      const filename = '阳江市2026年土壤污染防治工作要点重点工作进展（2026年10月）.xlsx';
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="progress-table-plan${planId}-2026-10.xlsx"; filename*=UTF-8''${encodeURIComponent(filename).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      );
      const book = await workbook(response.body as Buffer);
      const sheet = book.worksheets[0];
      expect(sheet.getCell('A1').text).toBe('阳江市2026年土壤污染防治工作要点重点工作进展（2026年10月）');
      expect(sheet.getCell('A2').text).toContain('填报单位：阳江市土壤污染防治工作领导小组办公室');
      expect(rowValues(book, 3)).toEqual(['重点内容', '重点工作事项', '责任单位', '进展情况', '备注']);
      expect(sheet.model.merges).toEqual(expect.arrayContaining(['A4:A5']));
      expect(rowValues(book, 4)).toEqual([
        '一、农用地',
        '1．开展农用地土壤污染状况详查',
        '阳江市农业农村局',
        '完成采样点位布设，采样进度60%。',
        '完成进度60%',
      ]);
      expect(rowValues(book, 5)).toEqual([
        '一、农用地',
        '2．推进受污染耕地安全利用',
        '阳西县农业农村局',
        '无此项任务',
        '',
      ]);
      expect(rowValues(book, 6)).toEqual([
        '二、建设用地',
        '1．建立建设用地土壤环境监管清单',
        '阳江市生态环境局',
        '',
        '已报送，待审核',
      ]);
      expect(sheet.getCell('A7').text).toContain('无此项任务');
    });

    it('should give a unit only its own rows, as 填报单位', async () => {
      const response = await download('liaison', `/api/exports/plans/${planId}/progress-table?period=2026-10`);
      const book = await workbook(response.body as Buffer);
      expect(book.worksheets[0].getCell('A2').text).toContain('填报单位：阳江市农业农村局');
      expect(rowValues(book, 4).slice(1, 4)).toEqual([
        '1．开展农用地土壤污染状况详查',
        '阳江市农业农村局',
        '完成采样点位布设，采样进度60%。',
      ]);
      expect(book.worksheets[0].getCell('A5').text).toContain('注：');
    });

    it('should refuse a plan the unit has no part in, and a malformed period', async () => {
      const denied = await request(t.http)
        .get(`/api/exports/plans/${otherPlanId}/progress-table`)
        .query({ period: '2026-10' })
        .set(as(await t.login('eco-liaison')))
        .expect(403);
      expect(denied.body.message).toContain('管辖范围');
      await request(t.http)
        .get(`/api/exports/plans/${planId}/progress-table`)
        .query({ period: '2026-13' })
        .set(as(await t.login('office')))
        .expect(400);
      await request(t.http)
        .get(`/api/exports/plans/99999/progress-table`)
        .query({ period: '2026-10' })
        .set(as(await t.login('office')))
        .expect(404);
    });
  });

  describe('export jobs', () => {
    it('should run the table in the background, show progress and serve the file to its owner only', async () => {
      const office = await t.login('office');
      const started = await request(t.http)
        .post('/api/exports/jobs')
        .set(as(office))
        .send({ kind: 'progress_table', planId, period: '2026-10' })
        .expect(202);
      expect(started.body).toMatchObject({ kind: 'progress_table', total: 3 });
      let job = started.body as { id: string; status: string; percent: number; fileUrl: string };
      for (let i = 0; i < 50 && job.status === 'running'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        job = (await request(t.http).get(`/api/exports/jobs/${job.id}`).set(as(office)).expect(200)).body;
      }
      expect(job).toMatchObject({ status: 'done', percent: 100 });
      const file = await download('office', job.fileUrl);
      expect(file.headers['content-disposition']).toContain("filename*=UTF-8''");
      expect(rowValues(await workbook(file.body as Buffer), 3)).toEqual([
        '重点内容',
        '重点工作事项',
        '责任单位',
        '进展情况',
        '备注',
      ]);
      await request(t.http)
        .get(`/api/exports/jobs/${job.id}`)
        .set(as(await t.login('leader')))
        .expect(403);
      await download('leader', job.fileUrl, 403);
      await request(t.http).get('/api/exports/jobs/not-a-uuid').set(as(office)).expect(400);
    });

    it('should refuse a job on a plan the caller may not see, and a progress table without a period', async () => {
      await request(t.http)
        .post('/api/exports/jobs')
        .set(as(await t.login('eco-liaison')))
        .send({ kind: 'progress_table', planId: otherPlanId, period: '2026-10' })
        .expect(403);
      await request(t.http)
        .post('/api/exports/jobs')
        .set(as(await t.login('liaison')))
        .send({ kind: 'task_table', planId })
        .expect(403);
      const missing = await request(t.http)
        .post('/api/exports/jobs')
        .set(as(await t.login('office')))
        .send({ kind: 'progress_table', planId })
        .expect(400);
      expect(missing.body.fields).toHaveProperty('period');
    });
  });

  describe('GET /api/exports/plans/:id/task-table', () => {
    async function tasksOf(id: number): Promise<TaskBody[]> {
      const response = await request(t.http)
        .get(`/api/plans/${id}`)
        .set(as(await t.login('office')))
        .expect(200);
      return response.body.tasks as TaskBody[];
    }

    const comparable = (task: TaskBody) => ({
      ref: task.ref,
      title: task.title,
      text: task.text.replace(/\s+/g, ''),
      localResponsibility: task.localResponsibility,
      // A unit named twice in the document (two spellings) is written once.
      lead: [...new Set(task.lead.map((u) => u.unitId ?? u.rawName))],
      participants: [...new Set(task.participants.map((u) => u.unitId ?? u.rawName))],
      deadlines: task.deadlines.map((d) => ({ raw: d.raw, date: d.date, kind: d.kind })),
    });

    async function roundTrip(id: number): Promise<{ before: TaskBody[]; after: TaskBody[]; title: string }> {
      const exported = await download('office', `/api/exports/plans/${id}/task-table`);
      expect(exported.headers['content-type']).toBe(XLSX);
      const reimported = await request(t.http)
        .post('/api/plans/import')
        .set(as(await t.login('office')))
        .attach('file', exported.body as Buffer, '任务分工表.xlsx')
        .expect(201);
      return { before: await tasksOf(id), after: reimported.body.tasks as TaskBody[], title: reimported.body.title };
    }

    it('should write the columns the importer reads, merging 条 over a chapter', async () => {
      const response = await download('leader', `/api/exports/plans/${planId}/task-table`);
      const book = await workbook(response.body as Buffer);
      expect(book.worksheets[0].getCell('A1').text).toBe('阳江市2026年土壤污染防治工作要点');
      expect(rowValues(book, 2)).toEqual(['序号', '条', '款', '任务措施', '牵头部门', '参与部门', '实施进度']);
      expect(book.worksheets[0].model.merges).toEqual(['B3:B4']);
      expect(rowValues(book, 3)).toEqual([
        '1',
        '一、农用地',
        '（一）开展农用地土壤污染状况详查',
        '2026年底前完成。',
        '阳江市农业农村局',
        '阳江市生态环境局',
        '2026年底前',
      ]);
    });

    it('should import back into the same tasks', async () => {
      const { before, after, title } = await roundTrip(planId);
      expect(title).toBe('阳江市2026年土壤污染防治工作要点');
      expect(after.map(comparable)).toEqual(before.map(comparable));
    });

    it('should import seed 002’s 84-row table back into the same tasks', async () => {
      const office = await t.login('office');
      const seed = await request(t.http).post('/api/plans/import').set(as(office)).attach('file', SEED_002).expect(201);
      const { before, after } = await roundTrip(seed.body.id as number);
      expect(before.length).toBeGreaterThanOrEqual(84);
      expect(after.map(comparable)).toEqual(before.map(comparable));
    });

    it('should refuse a unit, which does not see plans', async () => {
      await download('liaison', `/api/exports/plans/${planId}/task-table`, 403);
    });
  });

  describe('GET /api/exports/assessment-runs/:id/sheet', () => {
    let runId: number;

    beforeAll(async () => {
      const started = await request(t.http)
        .post('/api/assessment/runs')
        .set(as(await t.login('office')))
        .send({ planId, year: 2026 })
        .expect(201);
      runId = started.body.id as number;
    });

    it('should give the scores by component, deductions, adjustments, total, rank and grade, by ranking group', async () => {
      const response = await download('office', `/api/exports/assessment-runs/${runId}/sheet`);
      expect(response.headers['content-type']).toBe(XLSX);
      expect(response.headers['content-disposition']).toContain(
        `filename="assessment-2026-plan${planId}-run${runId}.xlsx"`,
      );
      const results = await request(t.http)
        .get(`/api/assessment/runs/${runId}/results`)
        .set(as(await t.login('office')))
        .expect(200);
      const book = await workbook(response.body as Buffer);
      const sheet = book.worksheets[0];
      expect(sheet.getCell('A1').text).toBe('阳江市2026年土壤污染防治工作要点2026年度考核结果汇总表（初评）');
      expect(sheet.getCell('A2').text).toContain('考核单位：阳江市人民政府');
      const header = rowValues(book, 3);
      expect(header.slice(0, 2)).toEqual(['排名', '单位']);
      expect(header.slice(2, 6).every((h) => /（\d+分）$/.test(h))).toBe(true);
      expect(header.slice(6)).toEqual(['扣分', '扣分事由', '加分', '调整', '调整事由', '总分', '等次', '备注']);
      expect(sheet.getCell('A4').text).toBe('市直部门');
      expect(sheet.model.merges).toEqual(expect.arrayContaining(['A4:N4']));
      const agri = (
        results.body as Array<{
          unitName: string;
          total: number | null;
          rank: number | null;
          gradeLabel: string | null;
        }>
      ).find((r) => r.unitName === '阳江市农业农村局');
      const rows = Array.from({ length: sheet.rowCount - 4 }, (_, i) => rowValues(book, i + 5));
      const agriRow = rows.find((r) => r[1] === '阳江市农业农村局');
      expect(agriRow?.[0]).toBe(String(agri?.rank ?? ''));
      expect(Number(sheet.getCell(5 + rows.indexOf(agriRow ?? []), 12).value)).toBe(agri?.total);
      expect(agriRow?.[12]).toBe(agri?.gradeLabel ?? '');
    });

    it('should refuse a leader before publication and a unit always', async () => {
      const leader = await download('leader', `/api/exports/assessment-runs/${runId}/sheet`, 403);
      expect(JSON.parse((leader.body as Buffer).toString()).message).toContain('尚未发布');
      await download('liaison', `/api/exports/assessment-runs/${runId}/sheet`, 403);
    });
  });

  describe('official documents (.docx)', () => {
    let caseId: number;
    let interviewId: number;

    beforeAll(async () => {
      const supervisor = await t.login('supervisor');
      const plan = await request(t.http).get(`/api/plans/${planId}`).set(as(supervisor)).expect(200);
      const taskId = (plan.body.tasks as Array<{ id: number; ref: string }>).find((task) => task.ref === '二/(三)')?.id;
      const opened = await request(t.http)
        .post('/api/supervision-cases')
        .set(as(supervisor))
        .send({
          unitId: landId,
          planId,
          taskIds: [taskId],
          reason: '你单位2026年10月工作进展情况逾期未报送',
          rectificationDueAt: '2026-11-16T18:00:00+08:00',
        })
        .expect(201);
      caseId = opened.body.id;
      const interview = await request(t.http)
        .post('/api/interviews')
        .set(as(supervisor))
        .send({
          unitId: landId,
          caseId,
          reason: '督办事项逾期未完成整改',
          time: '2026-11-20T15:00:00+08:00',
          place: '市政府3号楼第一会议室',
          attendees: ['市政府分管副秘书长', '领导小组办公室主任'],
          followUpDueAt: '2026-12-04T18:00:00+08:00',
        })
        .expect(201);
      interviewId = interview.body.id;
    });

    const textOf = async (response: request.Response) =>
      (await mammoth.extractRawText({ buffer: response.body as Buffer })).value;

    it('should give the 督办通知单 with issuer, number, addressee, body and deadline', async () => {
      const response = await download('office', `/api/exports/supervision-cases/${caseId}/notice`);
      expect(response.headers['content-type']).toBe(DOCX);
      expect(response.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('督办〔2026〕1号挂牌督办通知（阳江市自然资源局）.docx').replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      );
      const text = await textOf(response);
      for (const part of [
        '阳江市土壤污染防治工作领导小组办公室',
        '督办〔2026〕1号',
        '关于对阳江市自然资源局挂牌督办的通知',
        '阳江市自然资源局：',
        '你单位2026年10月工作进展情况逾期未报送。经研究，决定对你单位承担的“建立建设用地土壤环境监管清单”任务予以挂牌督办。',
        '一、督办事项',
        '（1）“建立建设用地土壤环境监管清单”任务（二/(三)）落实滞后。',
        '请于2026年11月16日（星期一）18:00前完成整改。',
        '2026年11月2日',
      ]) {
        expect(text).toContain(part);
      }
    });

    it('should give the 约谈通知 with time, place and follow-up deadline, to the unit concerned only', async () => {
      const text = await textOf(await download('leader', `/api/exports/interviews/${interviewId}/notice`));
      expect(text).toContain('关于约谈阳江市自然资源局主要负责同志的通知');
      expect(text).toContain('2026年11月20日（星期五）15:00');
      expect(text).toContain('市政府3号楼第一会议室');
      expect(text).toContain('督办〔2026〕1号');
      expect(text).toContain('2026年12月4日（星期五）18:00前将整改落实情况书面报送');
      await download('eco-liaison', `/api/exports/interviews/${interviewId}/notice`, 403);
      await download('eco-liaison', `/api/exports/supervision-cases/${caseId}/notice`, 403);
      await download('office', `/api/exports/supervision-cases/99999/notice`, 404);
    });

    it('should give the monthly 通报 to the units it is addressed to, and refuse others', async () => {
      const office = await t.login('office');
      const cityId = await unitIdByName(t, office, '阳江市人民政府');
      const yangxiId = await unitIdByName(t, office, '阳西县人民政府');
      const yangxiAgri = await unitIdByName(t, office, '阳西县农业农村局');
      const compose = (governmentId: number, unitId: number, unitName: string) =>
        t.app.get(UnitOfWork).run((em) =>
          t.app.get(CircularsService).compose(em, {
            period: '2026-10',
            governmentId,
            overdue: [
              {
                unitId,
                unitName,
                overdueCount: 1,
                items: [
                  {
                    taskTitle: '建立建设用地土壤环境监管清单',
                    dueAt: '2026-11-02T10:00:00.000Z',
                    overdueWorkingDays: 6,
                    status: 'red',
                  },
                ],
              },
            ],
            actor: systemActor('test'),
          }),
        );
      const city = await compose(cityId, landId, '阳江市自然资源局');
      const county = await compose(yangxiId, yangxiAgri, '阳西县农业农村局');
      const text = await textOf(await download('liaison', `/api/exports/circulars/${city.id}/document`));
      expect(text).toContain('通报〔2026〕1号');
      expect(text).toContain('关于2026年10月工作进展情况报送逾期单位的通报');
      expect(text).toContain('各成员单位：');
      expect(text).toMatch(/阳江市自然资源局\s+建立建设用地土壤环境监管清单\s+2026年11月2日（星期一）\s+6\s+红色预警/);
      await download('eco-liaison', `/api/exports/circulars/${county.id}/document`, 403);
    });
  });
});
