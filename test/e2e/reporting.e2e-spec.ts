import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { ObligationsService } from '@app/reporting';
import { nextEscalationStep } from '@app/workflows';
import { unitIdByName } from '../factories/org-lookup';
import { startTestApp, TestApp } from '../factories/test-app';

const SEED_002 = path.resolve(__dirname, '../../../shared/seeds/002_ed72ecd477f74a50.txt');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

interface ObligationBody {
  id: number;
  planId: number;
  taskId: number;
  taskTitle: string;
  unitId: number;
  unitName: string;
  role: 'lead' | 'participant' | 'local';
  period: string;
  dueAt: string;
  status: string;
  round: number;
  late: boolean;
  submittedAt: string | null;
}
interface TaskBody {
  id: number;
  lead: Array<{ unitId: number | null }>;
  participants: Array<{ unitId: number | null }>;
  deadlines: Array<{ kind: string }>;
}

/** Wall-clock time in Asia/Shanghai as an ISO instant, for readable expectations. */
const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();

describe('ObligationsController (e2e)', () => {
  let t: TestApp;
  let office: string;
  let liaison: string;
  let head: string;
  let ecoLiaison: string;
  let yangxiLiaison: string;
  let supervisor: string;
  let leader: string;
  let planId: number;
  let agriId: number;
  let ecoId: number;
  let tasks: TaskBody[];
  let mine: ObligationBody[];
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const attachmentsDir = () => path.join(t.config.dataDir, 'attachments');
  const storedFiles = (): string[] =>
    fs.existsSync(attachmentsDir()) ? (fs.readdirSync(attachmentsDir(), { recursive: true }) as string[]) : [];

  async function detail(token: string, id: number) {
    return (await request(t.http).get(`/api/obligations/${id}`).set(as(token)).expect(200)).body as ObligationBody & {
      versions: Array<{ round: number; kind: string; attachments: Array<{ id: number; url: string }> }>;
      reviews: Array<{ decision: string; comment: string | null; rating: number | null }>;
      canSubmit: boolean;
      reviewer: string | null;
    };
  }

  /** Every page of the list. */
  async function listAll(token: string, query: Record<string, string | number>) {
    const items: ObligationBody[] = [];
    for (let total = Infinity; items.length < total;) {
      const response = await request(t.http)
        .get('/api/obligations')
        .query({ ...query, limit: 500, offset: items.length })
        .set(as(token))
        .expect(200);
      const page = response.body as { total: number; items: ObligationBody[] };
      total = page.total;
      items.push(...page.items);
      if (page.items.length === 0) {
        break;
      }
    }
    return { total: items.length, items };
  }

  /** Imports seed 002, maps the names the demo organisation lacks to new units, and publishes it. */
  async function publishSeed002(): Promise<number> {
    const imported = await request(t.http).post('/api/plans/import').set(as(office)).attach('file', SEED_002);
    expect(imported.status).toBe(201);
    const id = imported.body.id as number;
    const ndrc = await unitIdByName(t, office, '阳江市发展和改革局');
    await request(t.http)
      .post(`/api/plans/${id}/unit-mappings`)
      .set(as(office))
      .send({ rawName: '粮食局', unitId: ndrc })
      .expect(200);
    const cityId = await unitIdByName(t, office, '阳江市人民政府');
    const remaining = (await request(t.http).get(`/api/plans/${id}/unresolved`).set(as(office)).expect(200))
      .body as Array<{ rawName: string }>;
    for (const { rawName } of remaining) {
      const unit = await request(t.http)
        .post('/api/units')
        .set(as(office))
        .send({
          parentId: cityId,
          kind: 'department',
          level: 'city',
          name: `阳江市${rawName.replace(/^市/, '')}（新建）`,
        })
        .expect(201);
      await request(t.http)
        .post(`/api/plans/${id}/unit-mappings`)
        .set(as(office))
        .send({ rawName, unitId: unit.body.id })
        .expect(200);
    }
    await request(t.http).post(`/api/plans/${id}/publish`).set(as(office)).expect(200);
    return id;
  }

  const taskOf = (taskId: number) => tasks.find((candidate) => candidate.id === taskId) as TaskBody;
  const isOnceTask = (taskId: number) => taskOf(taskId).deadlines.every((d) => d.kind === 'once');
  const ledBy = (taskId: number, unitId: number) => taskOf(taskId).lead.some((u) => u.unitId === unitId);
  /** The liaison's obligations picked for each scenario, so that no two scenarios share one. */
  const picked = new Set<number>();
  function pick(predicate: (o: ObligationBody) => boolean): ObligationBody {
    const found = mine.find((o) => !picked.has(o.id) && predicate(o));
    if (!found) {
      throw new Error('seed 002 has no obligation for this scenario');
    }
    picked.add(found.id);
    return found;
  }
  let flow: ObligationBody;
  let onceTask: ObligationBody;
  let part: ObligationBody;
  let declared: ObligationBody;
  let untouched: ObligationBody;
  let lateOne: ObligationBody;
  let retried: ObligationBody;
  let raced: ObligationBody;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date(shanghai('2026-05-20 10:00')));
    [office, liaison, head, ecoLiaison, yangxiLiaison, supervisor, leader] = await Promise.all(
      ['office', 'liaison', 'head', 'eco-liaison', 'yangxi-liaison', 'supervisor', 'leader'].map((u) => t.login(u)),
    );
    agriId = await unitIdByName(t, office, '阳江市农业农村局');
    ecoId = await unitIdByName(t, office, '阳江市生态环境局');
    planId = await publishSeed002();
    tasks = (await request(t.http).get(`/api/plans/${planId}`).set(as(office)).expect(200)).body.tasks as TaskBody[];
    mine = (await listAll(liaison, { planId })).items;
    flow = pick((o) => o.role === 'lead' && !isOnceTask(o.taskId));
    onceTask = pick((o) => o.role === 'lead' && isOnceTask(o.taskId));
    part = pick((o) => o.role === 'participant' && ledBy(o.taskId, ecoId));
    declared = pick((o) => o.role === 'participant' && !ledBy(o.taskId, ecoId));
    untouched = pick((o) => o.role === 'lead' && !isOnceTask(o.taskId));
    lateOne = pick((o) => o.role === 'lead' && !isOnceTask(o.taskId));
    retried = pick((o) => !isOnceTask(o.taskId));
    raced = pick((o) => !isOnceTask(o.taskId));
  });
  afterAll(async () => t.close());

  describe('obligations on publication', () => {
    it('should open May 2026 for every assignment, due on the 3rd (leads) and the 1st (participants) of June', async () => {
      const assignments = (await request(t.http).get('/api/assignments').query({ planId }).set(as(office)).expect(200))
        .body as Array<{ taskId: number; unitId: number; role: string }>;
      const all = await listAll(office, { planId, period: '2026-05' });
      expect(all.total).toBe(assignments.length);
      expect(new Set(all.items.map((o) => `${o.taskId}:${o.unitId}:${o.role}`))).toEqual(
        new Set(assignments.map((a) => `${a.taskId}:${a.unitId}:${a.role}`)),
      );
      expect(all.items.every((o) => o.status === 'open' && o.round === 0)).toBe(true);
      const dueOf = (role: string) => new Set(all.items.filter((o) => o.role === role).map((o) => o.dueAt));
      expect(dueOf('lead')).toEqual(new Set([shanghai('2026-06-03 18:00')]));
      expect(dueOf('local')).toEqual(new Set([shanghai('2026-06-03 18:00')]));
      expect(dueOf('participant')).toEqual(new Set([shanghai('2026-06-01 18:00')]));
    });

    it('should show a liaison only the obligations of their own unit', () => {
      expect(mine.length).toBeGreaterThan(5);
      expect(mine.every((o) => o.unitId === agriId && o.period === '2026-05')).toBe(true);
    });

    it('should open a period idempotently, and refuse a period that has not started', async () => {
      const obligations = t.app.get(ObligationsService);
      const again = await obligations.openPeriod('2026-05', t.clock.now());
      expect(again.created).toBe(0);
      await expect(obligations.openPeriod('2026-07', t.clock.now())).rejects.toMatchObject({ code: 'VALIDATION' });
      const total = (await listAll(office, { planId })).total;
      expect(total).toBe((await listAll(office, { planId, period: '2026-05' })).total);
    });

    it('should audit the opening of the period', async () => {
      const audit = await request(t.http)
        .get('/api/audit')
        .query({ entityType: 'plan', entityId: planId })
        .set(as(office))
        .expect(200);
      const actions = (audit.body.items ?? audit.body) as Array<{ action: string }>;
      expect(actions.map((entry) => entry.action)).toContain('reporting.period.open');
    });
  });

  describe('submit, return, resubmit, accept', () => {
    let obligation: ObligationBody;
    let firstResponse: Record<string, unknown>;

    beforeAll(() => {
      obligation = flow;
    });

    it('should take a report with text, 60 % and an attachment, and lock it', async () => {
      const response = await request(t.http)
        .post(`/api/obligations/${obligation.id}/submissions`)
        .set(as(liaison))
        .set('Idempotency-Key', 'report-may-1')
        .field('progressText', '已完成受污染耕地安全利用示范点布设。')
        .field('percentComplete', '60')
        .attach('files', PDF, { filename: '五月进展.pdf', contentType: 'application/pdf' })
        .expect(201);
      firstResponse = response.body;
      expect(response.body).toMatchObject({
        obligationId: obligation.id,
        status: 'submitted',
        round: 0,
        kind: 'progress',
        percentComplete: 60,
        late: false,
        period: '2026-05',
      });
      expect(response.body.attachments).toEqual([
        expect.objectContaining({ originalName: '五月进展.pdf', contentType: 'application/pdf', size: PDF.length }),
      ]);
      const sha = response.body.attachments[0].sha256 as string;
      const stored = path.join(attachmentsDir(), '2026', '05', sha);
      expect(fs.readFileSync(stored)).toEqual(PDF);
    });

    it('should answer a replay with the same Idempotency-Key and body with the first response, storing nothing', async () => {
      const replay = await request(t.http)
        .post(`/api/obligations/${obligation.id}/submissions`)
        .set(as(liaison))
        .set('Idempotency-Key', 'report-may-1')
        .field('progressText', '已完成受污染耕地安全利用示范点布设。')
        .field('percentComplete', '60')
        .attach('files', PDF, { filename: '五月进展.pdf', contentType: 'application/pdf' })
        .expect(201);
      expect(replay.body).toEqual(firstResponse);
      expect((await detail(liaison, obligation.id)).versions).toHaveLength(1);
    });

    it('should refuse the same Idempotency-Key with a different body', async () => {
      const response = await request(t.http)
        .post(`/api/obligations/${obligation.id}/submissions`)
        .set(as(liaison))
        .set('Idempotency-Key', 'report-may-1')
        .field('progressText', '已完成受污染耕地安全利用示范点布设。')
        .field('percentComplete', '70')
        .expect(409);
      expect(response.body.message).toContain('Idempotency-Key');
    });

    it('should refuse a second report while the first waits for review', async () => {
      const response = await request(t.http)
        .post(`/api/obligations/${obligation.id}/submissions`)
        .set(as(head))
        .send({ progressText: '补充', percentComplete: 65 })
        .expect(409);
      expect(response.body.message).toContain('已报送');
      expect((await detail(liaison, obligation.id)).versions).toHaveLength(1);
    });

    it('should tell the office about the report and let it and the unit download the attachment', async () => {
      const inbox = await request(t.http).get('/api/inbox').set(as(office)).expect(200);
      expect((inbox.body as Array<{ title: string }>).some((m) => m.title.includes('已报送'))).toBe(true);
      const seen = await detail(office, obligation.id);
      expect(seen.reviewer).toBe('office');
      const url = seen.versions[0].attachments[0].url;
      const file = await request(t.http).get(url).set(as(liaison)).buffer(true).expect(200);
      expect(Buffer.from(file.body as Buffer)).toEqual(PDF);
      expect(file.headers['content-type']).toContain('application/pdf');
      expect(file.headers['content-disposition']).toContain(encodeURIComponent('五月进展.pdf'));
      await request(t.http).get(url).set(as(office)).expect(200);
      await request(t.http).get(url).set(as(ecoLiaison)).expect(403);
      await request(t.http).get(url).set(as(yangxiLiaison)).expect(403);
    });

    it('should refuse a return without a comment', async () => {
      const response = await request(t.http)
        .post(`/api/obligations/${obligation.id}/return`)
        .set(as(office))
        .send({ comment: '   ' })
        .expect(400);
      expect(response.body.fields).toHaveProperty('comment');
    });

    it('should deny reviewing to the unit itself, a supervisor and a leader', async () => {
      await request(t.http).post(`/api/obligations/${obligation.id}/accept`).set(as(liaison)).send({}).expect(403);
      await request(t.http).post(`/api/obligations/${obligation.id}/accept`).set(as(head)).send({}).expect(403);
      await request(t.http).post(`/api/obligations/${obligation.id}/accept`).set(as(supervisor)).send({}).expect(403);
      await request(t.http)
        .post(`/api/obligations/${obligation.id}/return`)
        .set(as(leader))
        .send({ comment: 'x' })
        .expect(403);
      await request(t.http).post(`/api/obligations/${obligation.id}/accept`).set(as(ecoLiaison)).send({}).expect(403);
    });

    it('should reopen a returned report with a new due date three working days later and round 1', async () => {
      const response = await request(t.http)
        .post(`/api/obligations/${obligation.id}/return`)
        .set(as(office))
        .send({ comment: '请补充示范点面积和资金到位情况。' })
        .expect(200);
      // Returned on Wednesday 20 May: Thursday, Friday and Monday 25 May.
      expect(response.body).toMatchObject({
        decision: 'returned',
        status: 'returned',
        round: 1,
        dueAt: shanghai('2026-05-25 18:00'),
      });
      const after = await detail(liaison, obligation.id);
      expect(after).toMatchObject({
        status: 'returned',
        round: 1,
        dueAt: shanghai('2026-05-25 18:00'),
        canSubmit: true,
      });
      const inbox = await request(t.http).get('/api/inbox').set(as(liaison)).expect(200);
      expect((inbox.body as Array<{ title: string; body: string }>)[0]).toMatchObject({
        title: expect.stringContaining('退回'),
        body: expect.stringContaining('请补充示范点面积'),
      });
    });

    it('should take the resubmission as round 1, then let the office accept it with a rating', async () => {
      const plan = await request(t.http).get(`/api/plans/${planId}`).set(as(office)).expect(200);
      const indicatorId = (plan.body.indicators as Array<{ id: number }>)[0].id;
      const resubmitted = await request(t.http)
        .post(`/api/obligations/${obligation.id}/submissions`)
        .set(as(liaison))
        .send({
          progressText: '示范点 3 个，面积 1200 亩，资金已到位。',
          percentComplete: 65,
          indicatorValues: [{ indicatorId, value: 86.5 }],
        })
        .expect(201);
      expect(resubmitted.body).toMatchObject({ round: 1, status: 'submitted', late: false });
      const version = (await detail(liaison, obligation.id)).versions[1] as unknown as {
        indicatorValues: Array<{ indicatorId: number; value: number }>;
      };
      expect(version.indicatorValues).toEqual([{ indicatorId, value: 86.5 }]);
      const accepted = await request(t.http)
        .post(`/api/obligations/${obligation.id}/accept`)
        .set(as(office))
        .send({ rating: 4, comment: '材料完整。' })
        .expect(200);
      expect(accepted.body).toMatchObject({
        decision: 'accepted',
        status: 'accepted',
        rating: 4,
        taskCompleted: false,
      });
      const after = await detail(office, obligation.id);
      expect(after.versions.map((v) => v.round)).toEqual([0, 1]);
      expect(after.reviews.map((r) => r.decision)).toEqual(['returned', 'accepted']);
      expect(after.canSubmit).toBe(false);
    });

    it('should refuse a report for a period already closed', async () => {
      const response = await request(t.http)
        .post(`/api/obligations/${obligation.id}/submissions`)
        .set(as(liaison))
        .send({ progressText: '再报一次', percentComplete: 70 })
        .expect(409);
      expect(response.body.message).toContain('已办结');
    });

    it('should audit every step of the obligation', async () => {
      const audit = await request(t.http)
        .get('/api/audit')
        .query({ entityType: 'obligation', entityId: obligation.id })
        .set(as(office))
        .expect(200);
      const actions = ((audit.body.items ?? audit.body) as Array<{ action: string }>).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['obligation.submit', 'obligation.return', 'obligation.accept']));
      expect(actions.filter((a) => a === 'obligation.submit')).toHaveLength(2);
    });
  });

  describe('concurrent requests', () => {
    const submit = (token: string, id: number, body: object, key?: string) => {
      const call = request(t.http).post(`/api/obligations/${id}/submissions`).set(as(token));
      return key ? call.set('Idempotency-Key', key).send(body) : call.send(body);
    };

    it('should store one report and give both the same receipt when one Idempotency-Key arrives twice at once', async () => {
      const body = { progressText: '网络重试：同一份报送发送了两次。', percentComplete: 30 };
      const [first, second] = await Promise.all([
        submit(liaison, retried.id, body, 'report-retried'),
        submit(liaison, retried.id, body, 'report-retried'),
      ]);
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.body).toEqual(first.body);
      expect((await detail(liaison, retried.id)).versions).toHaveLength(1);
    });

    it('should take one of two different reports sent at once and refuse the other with 409', async () => {
      const responses = await Promise.all([
        submit(liaison, raced.id, { progressText: '联络员报送的进展。', percentComplete: 40 }),
        submit(head, raced.id, { progressText: '负责人报送的进展。', percentComplete: 45 }),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      const stored = await detail(liaison, raced.id);
      expect(stored.versions).toHaveLength(1);
      expect(stored.status).toBe('submitted');
    });
  });

  describe('declarations', () => {
    it('should take 无此项任务 as a report, not a missing one', async () => {
      const target = declared;
      const response = await request(t.http)
        .post(`/api/obligations/${target.id}/submissions`)
        .set(as(head))
        .send({ kind: 'no_task' })
        .expect(201);
      expect(response.body).toMatchObject({ kind: 'no_task', status: 'submitted', percentComplete: null });
      const snapshot = await t.app.get(ObligationsService).ladderSnapshot(target.id, t.clock.now());
      expect(snapshot.obligation.status).toBe('submitted');
    });

    it('should refuse 无此项任务 carrying a percent', async () => {
      const target = untouched;
      const response = await request(t.http)
        .post(`/api/obligations/${target.id}/submissions`)
        .set(as(liaison))
        .send({ kind: 'no_task', percentComplete: 10 })
        .expect(400);
      expect(response.body.fields).toHaveProperty('percentComplete');
    });
  });

  describe('bad input', () => {
    let target: ObligationBody;
    let foreign: ObligationBody;

    beforeAll(async () => {
      target = untouched;
      foreign = (await listAll(ecoLiaison, { planId, status: 'open' })).items[0];
      expect(foreign.unitId).toBe(ecoId);
    });

    afterEach(async () => {
      const after = await detail(liaison, target.id);
      expect(after).toMatchObject({ status: 'open', round: 0 });
      expect(after.versions).toEqual([]);
    });

    it('should deny a report on another unit obligation, and reporting by the office or a leader', async () => {
      const body = { progressText: '越权报送', percentComplete: 10 };
      await request(t.http).post(`/api/obligations/${foreign.id}/submissions`).set(as(liaison)).send(body).expect(403);
      await request(t.http)
        .post(`/api/obligations/${target.id}/submissions`)
        .set(as(ecoLiaison))
        .send(body)
        .expect(403);
      await request(t.http)
        .post(`/api/obligations/${target.id}/submissions`)
        .set(as(yangxiLiaison))
        .send(body)
        .expect(403);
      await request(t.http).post(`/api/obligations/${target.id}/submissions`).set(as(office)).send(body).expect(403);
      await request(t.http).post(`/api/obligations/${target.id}/submissions`).set(as(leader)).send(body).expect(403);
      await request(t.http)
        .post(`/api/obligations/${target.id}/submissions`)
        .set(as(supervisor))
        .send(body)
        .expect(403);
    });

    it('should deny reading another unit obligation', async () => {
      await request(t.http).get(`/api/obligations/${foreign.id}`).set(as(liaison)).expect(403);
      await request(t.http).get(`/api/obligations/${target.id}`).set(as(yangxiLiaison)).expect(403);
      const others = await listAll(yangxiLiaison, { planId });
      expect(others.total).toBe(0);
    });

    it('should answer 400 naming percentComplete for 120 %', async () => {
      const response = await request(t.http)
        .post(`/api/obligations/${target.id}/submissions`)
        .set(as(liaison))
        .send({ progressText: '超额', percentComplete: 120 })
        .expect(400);
      expect(Object.keys(response.body.fields as object)).toEqual(['percentComplete']);
    });

    it('should answer 400 naming percentComplete for a multipart value that is not a number', async () => {
      const response = await request(t.http)
        .post(`/api/obligations/${target.id}/submissions`)
        .set(as(liaison))
        .field('progressText', '进展')
        .field('percentComplete', '六十')
        .attach('files', PDF, '进展.pdf')
        .expect(400);
      expect(response.body.fields).toHaveProperty('percentComplete');
    });

    it('should answer 400 for an indicator that does not belong to the plan', async () => {
      const response = await request(t.http)
        .post(`/api/obligations/${target.id}/submissions`)
        .set(as(liaison))
        .send({ progressText: '进展', percentComplete: 30, indicatorValues: [{ indicatorId: 999999, value: 90 }] })
        .expect(400);
      expect(response.body.fields).toHaveProperty(['indicatorValues[0].indicatorId']);
    });

    it('should answer 400 for a disallowed type or content that does not match the extension', async () => {
      const exe = await request(t.http)
        .post(`/api/obligations/${target.id}/submissions`)
        .set(as(liaison))
        .field('progressText', '进展')
        .field('percentComplete', '30')
        .attach('files', EXE, 'setup.exe')
        .expect(400);
      expect(exe.body.fields).toHaveProperty('files');
      const disguised = await request(t.http)
        .post(`/api/obligations/${target.id}/submissions`)
        .set(as(liaison))
        .field('progressText', '进展')
        .field('percentComplete', '30')
        .attach('files', PDF, '合格.pdf')
        .attach('files', EXE, '伪装.pdf')
        .expect(400);
      expect(String(disguised.body.fields.files)).toContain('伪装.pdf');
    });

    it('should answer 413 for an attachment over 20 MB, storing nothing', async () => {
      const before = storedFiles();
      const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024, 0x20)]);
      await request(t.http)
        .post(`/api/obligations/${target.id}/submissions`)
        .set(as(liaison))
        .field('progressText', '进展')
        .field('percentComplete', '30')
        .attach('files', big, 'big.pdf')
        .expect(413);
      expect(storedFiles()).toEqual(before);
    });

    it('should answer 400 for more than ten attachments', async () => {
      let req = request(t.http)
        .post(`/api/obligations/${target.id}/submissions`)
        .set(as(liaison))
        .field('progressText', '进展')
        .field('percentComplete', '30');
      for (let i = 0; i < 11; i++) {
        req = req.attach('files', PDF, `第${i}份.pdf`);
      }
      const response = await req.expect(400);
      expect(response.body.fields).toHaveProperty('files');
    });

    it('should leave no uploaded file behind after refusals', () => {
      const tmp = path.join(t.config.dataDir, 'tmp', 'uploads');
      expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);
    });
  });
  describe('participants report to the lead', () => {
    let ecoLead: ObligationBody;

    beforeAll(async () => {
      ecoLead = (await listAll(ecoLiaison, { planId, taskId: part.taskId, period: '2026-05' })).items.find(
        (o) => o.role === 'lead',
      ) as ObligationBody;
      expect(ecoLead.unitId).toBe(ecoId);
    });

    it('should send a participant part to the lead unit, not to the office queue', async () => {
      await request(t.http)
        .post(`/api/obligations/${part.id}/submissions`)
        .set(as(liaison))
        .send({ progressText: '配合完成农用地土壤样品采集。', percentComplete: 40 })
        .expect(201);
      const leadQueue = await request(t.http).get('/api/obligations/review-queue').set(as(ecoLiaison)).expect(200);
      expect((leadQueue.body.items as ObligationBody[]).map((o) => o.id)).toContain(part.id);
      const officeQueue = await request(t.http).get('/api/obligations/review-queue').set(as(office)).expect(200);
      const officeItems = officeQueue.body.items as ObligationBody[];
      expect(officeItems.map((o) => o.id)).not.toContain(part.id);
      expect(officeItems.every((o) => o.role !== 'participant' && o.status === 'submitted')).toBe(true);
      const inbox = await request(t.http).get('/api/inbox').set(as(ecoLiaison)).expect(200);
      expect((inbox.body as Array<{ link: string }>).some((m) => m.link === `/obligations/${part.id}`)).toBe(true);
    });

    it('should show the lead its participants parts when it consolidates', async () => {
      const response = await request(t.http)
        .get(`/api/obligations/${ecoLead.id}/participants`)
        .set(as(ecoLiaison))
        .expect(200);
      const parts = response.body as Array<{ obligation: ObligationBody; current: { percentComplete: number } | null }>;
      const agri = parts.find((p) => p.obligation.id === part.id);
      expect(agri?.current).toMatchObject({ percentComplete: 40, progressText: '配合完成农用地土壤样品采集。' });
      expect(parts.every((p) => p.obligation.role === 'participant' && p.obligation.taskId === part.taskId)).toBe(true);
      await request(t.http).get(`/api/obligations/${ecoLead.id}/participants`).set(as(office)).expect(200);
    });

    it('should deny the consolidation view to a participant and to another county unit', async () => {
      await request(t.http).get(`/api/obligations/${ecoLead.id}/participants`).set(as(liaison)).expect(403);
      await request(t.http).get(`/api/obligations/${ecoLead.id}/participants`).set(as(yangxiLiaison)).expect(403);
      await request(t.http).get(`/api/obligations/${part.id}/participants`).set(as(liaison)).expect(409);
    });

    it('should let the lead read and review the part, and not the participant itself', async () => {
      const seen = await detail(ecoLiaison, part.id);
      expect(seen.reviewer).toBe('lead');
      await request(t.http).get(`/api/obligations/${part.id}`).set(as(yangxiLiaison)).expect(403);
      await request(t.http).post(`/api/obligations/${part.id}/accept`).set(as(liaison)).send({}).expect(403);
      await request(t.http)
        .post(`/api/obligations/${part.id}/return`)
        .set(as(ecoLiaison))
        .send({ comment: '请补充样品数量。' })
        .expect(200);
      await request(t.http)
        .post(`/api/obligations/${part.id}/submissions`)
        .set(as(liaison))
        .send({ progressText: '采集样品 120 个。', percentComplete: 45 })
        .expect(201);
      const accepted = await request(t.http)
        .post(`/api/obligations/${part.id}/accept`)
        .set(as(ecoLiaison))
        .send({ rating: 5 })
        .expect(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', round: 1 });
    });
  });

  describe('once-tasks', () => {
    it('should complete a once-task when the office accepts a lead report declaring 100 %', async () => {
      await request(t.http)
        .post(`/api/obligations/${onceTask.id}/submissions`)
        .set(as(liaison))
        .send({ progressText: '已全部完成。', percentComplete: 100 })
        .expect(201);
      const accepted = await request(t.http).post(`/api/obligations/${onceTask.id}/accept`).set(as(office)).send({});
      expect(accepted.status).toBe(200);
      expect(accepted.body.taskCompleted).toBe(true);
      const plan = await request(t.http).get(`/api/plans/${planId}`).set(as(office)).expect(200);
      expect(
        (plan.body.tasks as Array<{ id: number; status: string }>).find((x) => x.id === onceTask.taskId)?.status,
      ).toBe('completed');
    });
  });

  describe('waivers and settings', () => {
    it('should let the office waive a report with a reason, and deny it to the unit', async () => {
      const target = (await listAll(office, { planId, unitId: ecoId, status: 'open' })).items[0];
      await request(t.http)
        .post(`/api/obligations/${target.id}/waive`)
        .set(as(ecoLiaison))
        .send({ comment: 'x' })
        .expect(403);
      await request(t.http).post(`/api/obligations/${target.id}/waive`).set(as(office)).send({}).expect(400);
      const waived = await request(t.http)
        .post(`/api/obligations/${target.id}/waive`)
        .set(as(office))
        .send({ comment: '该单位本期无此项工作。' })
        .expect(200);
      expect(waived.body).toMatchObject({ decision: 'waived', status: 'waived' });
      await request(t.http)
        .post(`/api/obligations/${target.id}/submissions`)
        .set(as(ecoLiaison))
        .send({ kind: 'no_progress' })
        .expect(409);
    });

    it('should read the plan defaults, and let only the office change them', async () => {
      const read = await request(t.http).get(`/api/plans/${planId}/reporting-settings`).set(as(office)).expect(200);
      expect(read.body).toEqual({ planId, leadDueDay: 3, participantDueDay: 1, returnWorkingDays: 3 });
      await request(t.http)
        .put(`/api/plans/${planId}/reporting-settings`)
        .set(as(liaison))
        .send({ leadDueDay: 5 })
        .expect(403);
      await request(t.http)
        .put(`/api/plans/${planId}/reporting-settings`)
        .set(as(leader))
        .send({ leadDueDay: 5 })
        .expect(403);
      await request(t.http)
        .put(`/api/plans/${planId}/reporting-settings`)
        .set(as(office))
        .send({ leadDueDay: 0 })
        .expect(400);
      const updated = await request(t.http)
        .put(`/api/plans/${planId}/reporting-settings`)
        .set(as(office))
        .send({ leadDueDay: 5 })
        .expect(200);
      expect(updated.body).toEqual({ planId, leadDueDay: 5, participantDueDay: 1, returnWorkingDays: 3 });
    });
  });

  describe('late reports and the next period', () => {
    beforeAll(async () => {
      t.clock.set(new Date(shanghai('2026-06-05 10:00')));
      liaison = await t.login('liaison'); // sessions expire after 12 hours of (moved) time
    });

    it('should credit a late report to the period it covers', async () => {
      const response = await request(t.http)
        .post(`/api/obligations/${lateOne.id}/submissions`)
        .set(as(liaison))
        .send({ kind: 'no_progress' })
        .expect(201);
      expect(response.body).toMatchObject({ period: '2026-05', late: true, status: 'submitted' });
    });

    it('should open June once, with the new due day, and not for the completed once-task', async () => {
      const obligations = t.app.get(ObligationsService);
      const opened = await obligations.openPeriod('2026-06', t.clock.now());
      expect(opened.created).toBeGreaterThan(0);
      expect((await obligations.openPeriod('2026-06', t.clock.now())).created).toBe(0);
      const june = (await listAll(liaison, { planId, period: '2026-06' })).items;
      expect(june.map((o) => o.taskId)).not.toContain(onceTask.taskId);
      expect(june.length).toBe(mine.length - 1);
      // The 5th of July 2026 is a Sunday.
      expect(new Set(june.filter((o) => o.role === 'lead').map((o) => o.dueAt))).toEqual(
        new Set([shanghai('2026-07-06 18:00')]),
      );
    });

    it('should give the escalation ladder its input, with the previous period outcome', async () => {
      const obligations = t.app.get(ObligationsService);
      const june = (await listAll(liaison, { planId, period: '2026-06' })).items;
      const juneOf = (may: ObligationBody) => june.find((o) => o.taskId === may.taskId) as ObligationBody;
      const now = t.clock.now();
      const missing = await obligations.ladderInput(juneOf(untouched).id, { now, history: [] });
      expect(missing).toMatchObject({
        obligation: { id: String(juneOf(untouched).id), status: 'open', round: 0, period: '2026-06' },
        previousPeriodOverdue: true,
        history: [],
        now: now.getTime(),
      });
      expect(missing.obligation.dueAt).toBe(Date.parse(shanghai('2026-07-06 18:00')));
      expect((await obligations.ladderSnapshot(juneOf(lateOne).id, now)).previousPeriodOverdue).toBe(true);
      expect((await obligations.ladderSnapshot(juneOf(flow).id, now)).previousPeriodOverdue).toBe(false);
      const may = await obligations.ladderInput(untouched.id, { now, history: [] });
      expect(nextEscalationStep(may)).toMatchObject({ type: 'step', step: { kind: 'yellow_warning' } });
      const returned = await obligations.ladderSnapshot(flow.id, now);
      expect(returned.obligation).toMatchObject({ status: 'accepted', round: 1 });
    });
  });
});
