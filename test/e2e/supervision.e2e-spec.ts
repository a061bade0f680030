import request from 'supertest';
import { DataSource, EntityManager } from 'typeorm';
import { systemActor, UnitOfWork } from '@app/core';
import { DEFAULT_REPORTING, Plan, Task } from '@app/plans';
import { CircularsService, InterviewsService, SupervisionCasesService, WarningsService } from '@app/supervision';
import { nextSupervisionStep, WorkingCalendarProvider } from '@app/workflows';
import { unitIdByName } from '../factories/org-lookup';
import { startTestApp, TestApp } from '../factories/test-app';

/** Monday 2 March 2026, 10:00 in Shanghai. */
const START = new Date('2026-03-02T02:00:00Z');
const AGRI = '阳江市农业农村局';

interface CaseBody {
  id: number;
  number: string;
  status: string;
  rectificationDueAt: string;
  events: Array<{ action: string; text: string | null; attachments: string[]; actor: string }>;
  interviews: Array<{ id: number; status: string }>;
}

describe('Supervision (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let agriId: number;
  let ecoId: number;
  let cityId: number;
  let planId: number;
  let taskId: number;
  const as = (login: string) => ({ Authorization: `Bearer ${tokens[login]}` });

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(START);
    for (const login of [
      'office',
      'supervisor',
      'liaison',
      'head',
      'leader',
      'eco-liaison',
      'yangxi-liaison',
      'admin',
    ]) {
      tokens[login] = await t.login(login);
    }
    agriId = await unitIdByName(t, tokens.office, AGRI);
    ecoId = await unitIdByName(t, tokens.office, '阳江市生态环境局');
    cityId = await unitIdByName(t, tokens.office, '阳江市人民政府');
    ({ planId, taskId } = await publishedPlan(t, cityId));
  });
  afterAll(async () => t.close());

  const run = <T>(work: (em: EntityManager) => Promise<T>): Promise<T> => t.app.get(UnitOfWork).run(work);

  describe('SupervisionCasesController', () => {
    let caseId: number;

    it('should number a case opened by hand 督办〔2026〕1号 with a ten-working-day rectification deadline', async () => {
      const response = await request(t.http)
        .post('/api/supervision-cases')
        .set(as('supervisor'))
        .send({ unitId: agriId, planId, taskIds: [taskId], reason: '你单位2026年1月工作进展情况逾期10个工作日未报送' })
        .expect(201);
      const body = response.body as CaseBody;
      caseId = body.id;
      expect(body).toMatchObject({ number: '督办〔2026〕1号', status: 'open', unitName: AGRI, planId });
      expect(body.rectificationDueAt).toBe('2026-03-16T10:00:00.000Z');
      expect(response.body.taskIds).toEqual([taskId]);
    });

    it('should number the second case 2号', async () => {
      const response = await request(t.http)
        .post('/api/supervision-cases')
        .set(as('office'))
        .send({
          unitId: ecoId,
          reason: '土壤污染状况详查工作进度滞后',
          rectificationDueAt: '2026-03-20T18:00:00+08:00',
        })
        .expect(201);
      expect(response.body).toMatchObject({
        number: '督办〔2026〕2号',
        rectificationDueAt: '2026-03-20T10:00:00.000Z',
      });
    });

    it('should notify the unit head, the office and the supervisor in their inboxes', async () => {
      for (const login of ['head', 'office', 'supervisor']) {
        const inbox = await request(t.http).get('/api/inbox').set(as(login)).expect(200);
        const notice = (inbox.body as Array<{ kind: string; title: string }>).find(
          (m) => m.kind === 'supervision_case' && m.title.includes('督办〔2026〕1号'),
        );
        expect({ login, notified: notice !== undefined }).toEqual({ login, notified: true });
      }
      const liaisonInbox = await request(t.http).get('/api/inbox').set(as('liaison')).expect(200);
      expect((liaisonInbox.body as Array<{ kind: string }>).some((m) => m.kind === 'supervision_case')).toBe(false);
    });

    it('should answer 400 naming the field when the reason is missing, and store nothing', async () => {
      const before = (await request(t.http).get('/api/supervision-cases').set(as('office')).expect(200)).body.length;
      const response = await request(t.http)
        .post('/api/supervision-cases')
        .set(as('supervisor'))
        .send({ unitId: agriId })
        .expect(400);
      expect(response.body.fields).toHaveProperty('reason');
      const blank = await request(t.http)
        .post('/api/supervision-cases')
        .set(as('supervisor'))
        .send({ unitId: agriId, reason: '   ' })
        .expect(400);
      expect(blank.body.fields).toHaveProperty('reason');
      const past = await request(t.http)
        .post('/api/supervision-cases')
        .set(as('supervisor'))
        .send({ unitId: agriId, reason: '逾期', rectificationDueAt: '2026-03-01T18:00:00+08:00' })
        .expect(400);
      expect(past.body.fields).toHaveProperty('rectificationDueAt');
      const after = (await request(t.http).get('/api/supervision-cases').set(as('office')).expect(200)).body.length;
      expect(after).toBe(before);
    });

    it('should refuse a leader, a liaison and a head opening a case (403)', async () => {
      for (const login of ['leader', 'liaison', 'head']) {
        await request(t.http)
          .post('/api/supervision-cases')
          .set(as(login))
          .send({ unitId: agriId, reason: '逾期' })
          .expect(403);
      }
    });

    it('should hide the case from another unit and refuse it any action (403)', async () => {
      await request(t.http).get(`/api/supervision-cases/${caseId}`).set(as('eco-liaison')).expect(403);
      await request(t.http).post(`/api/supervision-cases/${caseId}/acknowledge`).set(as('eco-liaison')).expect(403);
      await request(t.http)
        .post(`/api/supervision-cases/${caseId}/rectification-reports`)
        .set(as('yangxi-liaison'))
        .send({ text: '已整改' })
        .expect(403);
      const list = await request(t.http).get('/api/supervision-cases').set(as('eco-liaison')).expect(200);
      expect((list.body as CaseBody[]).map((c) => c.id)).not.toContain(caseId);
      const own = await request(t.http).get('/api/supervision-cases').set(as('liaison')).expect(200);
      expect((own.body as CaseBody[]).map((c) => c.number)).toEqual(['督办〔2026〕1号']);
    });

    it('should answer 409 naming the current state when rectification is reported before acknowledgement', async () => {
      const response = await request(t.http)
        .post(`/api/supervision-cases/${caseId}/rectification-reports`)
        .set(as('liaison'))
        .send({ text: '已整改' })
        .expect(409);
      expect(response.body.message).toContain('待签收');
      expect(response.body.message).toContain('open');
    });

    it('should let the liaison acknowledge once, then report rectification with attachments', async () => {
      const acknowledged = await request(t.http)
        .post(`/api/supervision-cases/${caseId}/acknowledge`)
        .set(as('liaison'))
        .expect(200);
      expect(acknowledged.body.status).toBe('acknowledged');
      expect(acknowledged.body.acknowledgedAt).not.toBeNull();
      await request(t.http).post(`/api/supervision-cases/${caseId}/acknowledge`).set(as('head')).expect(409);
      const reported = await request(t.http)
        .post(`/api/supervision-cases/${caseId}/rectification-reports`)
        .set(as('liaison'))
        .send({ text: '已补报1月进展，并建立月报提醒机制', attachments: ['file-101'] })
        .expect(200);
      expect(reported.body.status).toBe('rectifying');
      expect((reported.body as CaseBody).events.at(-1)).toMatchObject({
        action: 'report_rectification',
        attachments: ['file-101'],
        actor: 'user:liaison',
      });
    });

    it('should require evidence for a closure request (400) and accept it with evidence', async () => {
      const missing = await request(t.http)
        .post(`/api/supervision-cases/${caseId}/closure-request`)
        .set(as('head'))
        .send({ summary: '整改完成', evidence: [] })
        .expect(400);
      expect(missing.body.fields).toHaveProperty('evidence');
      const requested = await request(t.http)
        .post(`/api/supervision-cases/${caseId}/closure-request`)
        .set(as('head'))
        .send({ summary: '整改完成', evidence: ['file-102', 'file-103'] })
        .expect(200);
      expect(requested.body.status).toBe('closure_requested');
    });

    it('should refuse verification by the unit and by a leader (403)', async () => {
      for (const login of ['liaison', 'head', 'leader']) {
        await request(t.http)
          .post(`/api/supervision-cases/${caseId}/verification`)
          .set(as(login))
          .send({ decision: 'accept' })
          .expect(403);
      }
    });

    it('should demand a reason to reject, then send the case back to rectifying', async () => {
      const noReason = await request(t.http)
        .post(`/api/supervision-cases/${caseId}/verification`)
        .set(as('supervisor'))
        .send({ decision: 'reject' })
        .expect(400);
      expect(noReason.body.fields).toHaveProperty('reason');
      const rejected = await request(t.http)
        .post(`/api/supervision-cases/${caseId}/verification`)
        .set(as('supervisor'))
        .send({ decision: 'reject', reason: '佐证材料未体现2月进展' })
        .expect(200);
      expect(rejected.body.status).toBe('rectifying');
      expect((rejected.body as CaseBody).events.at(-1)).toMatchObject({
        action: 'reject_closure',
        text: '佐证材料未体现2月进展',
      });
    });

    it('should close the case (销号) when the supervisor accepts the second request', async () => {
      await request(t.http)
        .post(`/api/supervision-cases/${caseId}/closure-request`)
        .set(as('liaison'))
        .send({ summary: '已补充2月进展', evidence: ['file-104'] })
        .expect(200);
      const closed = await request(t.http)
        .post(`/api/supervision-cases/${caseId}/verification`)
        .set(as('supervisor'))
        .send({ decision: 'accept', reason: '核查属实，予以销号' })
        .expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', statusLabel: '已销号' });
      expect(closed.body.closedAt).not.toBeNull();
      const actions = (closed.body as CaseBody).events.map((e) => e.action);
      expect(actions).toEqual([
        'open',
        'acknowledge',
        'report_rectification',
        'request_closure',
        'reject_closure',
        'request_closure',
        'accept_closure',
      ]);
      await request(t.http)
        .post(`/api/supervision-cases/${caseId}/rectification-reports`)
        .set(as('liaison'))
        .send({ text: '补充' })
        .expect(409);
    });

    it('should record every change in the audit trail', async () => {
      const audit = await request(t.http)
        .get('/api/audit')
        .query({ entityType: 'supervision_case', entityId: String(caseId) })
        .set(as('office'))
        .expect(200);
      expect((audit.body as Array<{ action: string }>).map((a) => a.action).reverse()).toEqual([
        'supervision_case.open',
        'supervision_case.acknowledge',
        'supervision_case.report_rectification',
        'supervision_case.request_closure',
        'supervision_case.reject_closure',
        'supervision_case.request_closure',
        'supervision_case.accept_closure',
      ]);
    });

    it('should let the leader read cases but not act on them', async () => {
      await request(t.http).get(`/api/supervision-cases/${caseId}`).set(as('leader')).expect(200);
      await request(t.http).post(`/api/supervision-cases/${caseId}/acknowledge`).set(as('leader')).expect(403);
    });

    it('should give concurrent openings distinct consecutive numbers', async () => {
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          request(t.http)
            .post('/api/supervision-cases')
            .set(as('supervisor'))
            .send({ unitId: agriId, reason: `并发督办 ${i}` }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 6 }, () => 201));
      const numbers = responses
        .map((r) => (r.body as CaseBody).number)
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      expect(numbers).toEqual([3, 4, 5, 6, 7, 8].map((n) => `督办〔2026〕${n}号`));
    });
  });

  describe('SupervisionCasesService (engine entry points)', () => {
    it('should open once per dedup key and take one number', async () => {
      const cases = t.app.get(SupervisionCasesService);
      const open = () =>
        run((em) =>
          cases.open(em, {
            unitId: agriId,
            planId,
            reason: '逾期10个工作日未报送',
            obligationIds: [9001],
            taskIds: [taskId],
            rectificationDueAt: new Date('2026-03-16T10:00:00Z'),
            openedBy: systemActor('engine'),
            dedupKey: 'notice:9001:supervision_case',
          }),
        );
      const first = await open();
      const second = await open();
      expect(second.id).toBe(first.id);
      expect(first.number).toBe(9);
      const detail = await cases.detail(first.id);
      expect(detail.links.map((l) => [l.kind, l.refId])).toEqual([
        ['task', taskId],
        ['obligation', 9001],
      ]);
      const input = await run((em) => cases.policyInput(em, first.id));
      const calendar = t.app.get(WorkingCalendarProvider).calendar();
      const step = nextSupervisionStep({ ...input, calendar, now: START.getTime() });
      expect(step).toMatchObject({ type: 'step', step: { kind: 'interview' } });
    });
  });

  describe('InterviewsController', () => {
    let interviewId: number;
    let caseId: number;

    beforeAll(async () => {
      const list = await request(t.http).get('/api/supervision-cases').query({ status: 'open' }).set(as('office'));
      caseId = (list.body as Array<CaseBody & { unitId: number }>).find((c) => c.unitId === agriId)!.id;
    });

    const schedule = (login: string, body: Record<string, unknown>) =>
      request(t.http).post('/api/interviews').set(as(login)).send(body);
    const valid = () => ({
      unitId: agriId,
      caseId,
      reason: '督办事项逾期未完成整改',
      time: '2026-03-10T09:30:00+08:00',
      place: '市政府3号楼第一会议室',
      attendees: ['市政府分管副秘书长', '领导小组办公室主任', '市农业农村局局长'],
      followUpDueAt: '2026-03-24T18:00:00+08:00',
    });

    it('should schedule an interview with time, place and attendees, summoning the unit head', async () => {
      const response = await schedule('supervisor', valid()).expect(201);
      interviewId = response.body.id;
      expect(response.body).toMatchObject({
        status: 'scheduled',
        caseId,
        principalHead: '市农业农村局局长',
        startsAt: '2026-03-10T01:30:00.000Z',
        endsAt: '2026-03-10T02:30:00.000Z',
        place: '市政府3号楼第一会议室',
        attendees: valid().attendees,
      });
      const inbox = await request(t.http).get('/api/inbox').set(as('head')).expect(200);
      expect((inbox.body as Array<{ kind: string }>).some((m) => m.kind === 'interview')).toBe(true);
      const supervisionCase = await request(t.http).get(`/api/supervision-cases/${caseId}`).set(as('liaison'));
      expect((supervisionCase.body as CaseBody).interviews.map((i) => i.id)).toEqual([interviewId]);
    });

    it('should answer 400 naming the field for a missing place, a past time or no attendees', async () => {
      const noPlace = await schedule('supervisor', { ...valid(), place: undefined }).expect(400);
      expect(noPlace.body.fields).toHaveProperty('place');
      const past = await schedule('supervisor', { ...valid(), time: '2026-03-01T09:30:00+08:00' }).expect(400);
      expect(past.body.fields).toHaveProperty('time');
      const nobody = await schedule('supervisor', { ...valid(), attendees: [] }).expect(400);
      expect(nobody.body.fields).toHaveProperty('attendees');
      const localTime = await schedule('supervisor', { ...valid(), time: '2026-03-10T09:30:00' }).expect(400);
      expect(localTime.body.fields).toHaveProperty('time');
      const otherUnitsCase = await schedule('supervisor', { ...valid(), unitId: ecoId }).expect(400);
      expect(otherUnitsCase.body.fields).toHaveProperty('caseId');
    });

    it('should refuse scheduling by a leader or a unit (403)', async () => {
      await schedule('leader', valid()).expect(403);
      await schedule('liaison', valid()).expect(403);
    });

    it('should hide the interview from another unit (403) and keep the unit from recording minutes (403)', async () => {
      await request(t.http).get(`/api/interviews/${interviewId}`).set(as('eco-liaison')).expect(403);
      await request(t.http)
        .post(`/api/interviews/${interviewId}/minutes`)
        .set(as('liaison'))
        .send({ minutes: '……' })
        .expect(403);
      await request(t.http)
        .post(`/api/interviews/${interviewId}/minutes`)
        .set(as('leader'))
        .send({ minutes: '……' })
        .expect(403);
    });

    it('should refuse closing before the interview took place (409)', async () => {
      const response = await request(t.http)
        .post(`/api/interviews/${interviewId}/close`)
        .set(as('supervisor'))
        .send({})
        .expect(409);
      expect(response.body.message).toContain('scheduled');
    });

    it('should record the minutes, take the follow-up and close the interview', async () => {
      const held = await request(t.http)
        .post(`/api/interviews/${interviewId}/minutes`)
        .set(as('supervisor'))
        .send({ minutes: '约谈指出逾期问题，单位主要负责人表态两周内整改到位。' })
        .expect(200);
      expect(held.body).toMatchObject({ status: 'held', minutes: expect.stringContaining('两周内') });
      const followed = await request(t.http)
        .post(`/api/interviews/${interviewId}/follow-up`)
        .set(as('head'))
        .send({ text: '已完成整改', attachments: ['file-201'] })
        .expect(200);
      expect(followed.body.status).toBe('followed_up');
      const closed = await request(t.http)
        .post(`/api/interviews/${interviewId}/close`)
        .set(as('supervisor'))
        .send({ comment: '整改到位' })
        .expect(200);
      expect(closed.body.status).toBe('closed');
      expect((closed.body.events as Array<{ action: string }>).map((e) => e.action)).toEqual([
        'schedule',
        'record_minutes',
        'report_follow_up',
        'close',
      ]);
      const own = await request(t.http).get('/api/interviews').set(as('liaison')).expect(200);
      expect((own.body as Array<{ id: number }>).map((i) => i.id)).toEqual([interviewId]);
      const foreign = await request(t.http).get('/api/interviews').set(as('eco-liaison')).expect(200);
      expect(foreign.body).toEqual([]);
    });

    it('should schedule once per dedup key when the engine retries', async () => {
      const interviews = t.app.get(InterviewsService);
      const schedule = () =>
        run((em) =>
          interviews.schedule(em, {
            unitId: agriId,
            caseId,
            reason: '督办〔2026〕9号督办事项逾期未完成整改',
            time: new Date('2026-03-12T01:30:00Z'),
            place: '市政府3号楼第一会议室',
            attendees: ['领导小组办公室主任'],
            followUpDueAt: new Date('2026-03-26T10:00:00Z'),
            scheduledBy: systemActor('engine'),
            dedupKey: `notice:supervision:${caseId}:interview`,
          }),
        );
      expect((await schedule()).id).toBe((await schedule()).id);
    });
  });

  describe('WarningsController', () => {
    let warningId: number;

    it('should issue a warning once per dedup key', async () => {
      const warnings = t.app.get(WarningsService);
      const issue = () =>
        run((em) =>
          warnings.issue(em, {
            kind: 'yellow',
            unitId: agriId,
            planId,
            taskId,
            obligationId: 9002,
            reason: '2026年2月工作进展情况逾期1个工作日未报送',
            dedupKey: 'notice:9002:yellow_warning',
            actor: systemActor('engine'),
          }),
        );
      const first = await issue();
      warningId = first.id;
      expect((await issue()).id).toBe(warningId);
      const all = await request(t.http).get('/api/warnings').set(as('office')).expect(200);
      expect((all.body as Array<{ id: number }>).filter((w) => w.id === warningId)).toHaveLength(1);
    });

    it('should show the unit its own warning and hide it from another unit (403)', async () => {
      const own = await request(t.http).get('/api/warnings').set(as('liaison')).expect(200);
      expect(own.body).toEqual([expect.objectContaining({ id: warningId, kind: 'yellow', obligationId: 9002 })]);
      await request(t.http).get(`/api/warnings/${warningId}`).set(as('head')).expect(200);
      await request(t.http).get(`/api/warnings/${warningId}`).set(as('leader')).expect(200);
      await request(t.http).get(`/api/warnings/${warningId}`).set(as('eco-liaison')).expect(403);
      const foreign = await request(t.http).get('/api/warnings').set(as('eco-liaison')).expect(200);
      expect(foreign.body).toEqual([]);
    });

    it('should refuse a warning for a task of another plan', async () => {
      await expect(
        run((em) =>
          t.app.get(WarningsService).issue(em, {
            kind: 'red',
            unitId: agriId,
            planId,
            taskId: taskId + 1000,
            reason: '逾期',
            dedupKey: 'notice:9003:red_warning',
            actor: systemActor('engine'),
          }),
        ),
      ).rejects.toMatchObject({ code: 'VALIDATION', fields: { taskId: expect.any(Array) } });
    });
  });

  describe('CircularsController', () => {
    let circularId: number;

    it('should store the period circular once, numbered 通报〔2026〕1号', async () => {
      const circulars = t.app.get(CircularsService);
      const compose = () =>
        run((em) =>
          circulars.compose(em, {
            period: '2026-02',
            governmentId: cityId,
            overdue: [
              {
                unitId: agriId,
                unitName: AGRI,
                overdueCount: 1,
                items: [
                  {
                    taskId,
                    taskTitle: '受污染耕地安全利用',
                    dueAt: '2026-03-03T10:00:00.000Z',
                    overdueWorkingDays: 3,
                    status: 'yellow',
                  },
                ],
              },
            ],
            actor: systemActor('engine'),
          }),
        );
      const first = await compose();
      circularId = first.id;
      expect((await compose()).id).toBe(circularId);
      const response = await request(t.http).get(`/api/circulars/${circularId}`).set(as('office')).expect(200);
      expect(response.body).toMatchObject({
        number: '通报〔2026〕1号',
        period: '2026-02',
        unitCount: 1,
        itemCount: 1,
        units: [{ unitId: agriId, unitName: AGRI, overdueCount: 1 }],
      });
    });

    it('should let every member unit and the leader read the circular', async () => {
      for (const login of ['liaison', 'eco-liaison', 'yangxi-liaison', 'leader']) {
        const list = await request(t.http).get('/api/circulars').set(as(login)).expect(200);
        expect({ login, ids: (list.body as Array<{ id: number }>).map((c) => c.id) }).toEqual({
          login,
          ids: [circularId],
        });
        await request(t.http).get(`/api/circulars/${circularId}`).set(as(login)).expect(200);
      }
    });

    it('should refuse an overdue unit outside the government', async () => {
      const yangxiGov = await unitIdByName(t, tokens.office, '阳西县人民政府');
      await expect(
        run((em) =>
          t.app.get(CircularsService).compose(em, {
            period: '2026-02',
            governmentId: yangxiGov,
            overdue: [{ unitId: agriId, unitName: AGRI, overdueCount: 1, items: [] }],
            actor: systemActor('engine'),
          }),
        ),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
    });
  });

  describe('numbering across years', () => {
    it('should restart at 1号 in a new year', async () => {
      t.clock.set(new Date('2027-01-05T02:00:00Z'));
      const supervisor = await t.login('supervisor');
      const response = await request(t.http)
        .post('/api/supervision-cases')
        .set({ Authorization: `Bearer ${supervisor}` })
        .send({ unitId: agriId, reason: '新年度督办' })
        .expect(201);
      expect(response.body.number).toBe('督办〔2027〕1号');
    });
  });
});

/** A published plan with one task, written directly: the plan importer is not what these tests are about. */
async function publishedPlan(t: TestApp, governmentId: number): Promise<{ planId: number; taskId: number }> {
  const dataSource = t.app.get(DataSource);
  const now = new Date();
  const plan = await dataSource.getRepository(Plan).save({
    title: '阳江市土壤污染防治行动计划',
    governmentId,
    issuingUnitId: governmentId,
    yearStart: 2026,
    yearEnd: 2026,
    status: 'published',
    sourceText: null,
    sourceFilename: null,
    sourceForm: null,
    reporting: DEFAULT_REPORTING,
    importNotes: null,
    createdBy: 'test',
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
  });
  const task = await dataSource.getRepository(Task).save({
    planId: plan.id,
    ref: '一/(一)/1',
    position: 1,
    title: '受污染耕地安全利用',
    text: '推进受污染耕地安全利用。',
    localResponsibility: false,
    status: 'active',
    reportingCycle: 'monthly',
    sourceLine: null,
    createdAt: now,
    updatedAt: now,
  });
  return { planId: plan.id, taskId: task.id };
}
