import request from 'supertest';
import { DataSource } from 'typeorm';
import { OBLIGATION_TIMER } from '@app/escalation';
import { DurableTimer } from '@app/workflows';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。持续实施。（市农业农村局牵头，市生态环境局参与）',
  '二、建设用地',
  '（二）建立建设用地土壤环境监管清单。持续实施。（市生态环境局牵头）',
].join('\n');

interface ObligationBody {
  id: number;
  taskId: number;
  taskRef: string;
  unitName: string;
  role: string;
  period: string;
  status: string;
  round: number;
  dueAt: string;
}

/**
 * The office's corrections to running reports: moving a deadline, returning a report with a date of its own, and
 * cancelling a task of a published plan. Each is the office's alone, refuses bad input naming the field, is audited
 * and keeps the ladder's timer in step.
 */
describe('Deadline changes, dated returns and task cancellation (e2e)', () => {
  let t: TestApp;
  let planId: number;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  // Sessions outlast the test's clock moves: one sign-in per person (argon2 is slow on purpose).
  const tokens = new Map<string, Promise<string>>();
  const login = (username: string): Promise<string> => {
    const known = tokens.get(username) ?? t.login(username);
    tokens.set(username, known);
    return known;
  };

  beforeAll(async () => {
    t = await startTestApp({ SESSION_TTL_HOURS: '720' });
    t.clock.set(new Date('2026-11-05T10:00:00+08:00'));
    const office = await login('office');
    const imported = await request(t.http)
      .post('/api/plans/import')
      .set(as(office))
      .send({ text: PLAN_TEXT })
      .expect(201);
    planId = imported.body.id as number;
    await request(t.http).post(`/api/plans/${planId}/publish`).set(as(office)).expect(200);
  });
  afterAll(async () => t.close());

  async function novemberObligations(): Promise<ObligationBody[]> {
    const office = await login('office');
    const page = await request(t.http)
      .get('/api/obligations')
      .query({ planId, period: '2026-11' })
      .set(as(office))
      .expect(200);
    return (page.body as { items: ObligationBody[] }).items;
  }
  const find = async (ref: string, role: string) =>
    (await novemberObligations()).find((o) => o.taskRef === ref && o.role === role) as ObligationBody;

  async function timerOf(obligationId: number): Promise<DurableTimer | null> {
    return t.app
      .get(DataSource)
      .getRepository(DurableTimer)
      .findOneBy({ subjectType: OBLIGATION_TIMER, subjectId: String(obligationId) });
  }

  async function auditActions(entityType: string, entityId: number): Promise<string[]> {
    const office = await login('office');
    const audit = await request(t.http)
      .get('/api/audit')
      .query({ entityType, entityId: String(entityId) })
      .set(as(office))
      .expect(200);
    return (audit.body as Array<{ action: string }>).map((a) => a.action);
  }

  describe('deadline change', () => {
    it('should refuse everyone but the office, and change nothing', async () => {
      const lead = await find('一/(一)', 'lead');
      for (const username of ['liaison', 'head', 'supervisor', 'leader']) {
        await request(t.http)
          .post(`/api/obligations/${lead.id}/deadline`)
          .set(as(await login(username)))
          .send({ dueAt: '2026-12-10T18:00:00+08:00', reason: '延期' })
          .expect(403);
      }
      expect((await find('一/(一)', 'lead')).dueAt).toBe(lead.dueAt);
      expect(await auditActions('obligation', lead.id)).not.toContain('obligation.deadline.change');
    });

    it("should refuse another government's office", async () => {
      const admin = await login('admin');
      const units = await request(t.http).get('/api/units').set(as(admin)).expect(200);
      const county = (units.body as Array<{ id: number; name: string }>).find((u) => u.name === '阳西县人民政府');
      await request(t.http)
        .post('/api/users')
        .set(as(admin))
        .send({
          username: 'yangxi-office',
          displayName: '阳西县办公室',
          password: 'Demo2026pass',
          role: 'office_admin',
          unitId: county?.id,
        })
        .expect(201);
      const lead = await find('一/(一)', 'lead');
      await request(t.http)
        .post(`/api/obligations/${lead.id}/deadline`)
        .set(as(await login('yangxi-office')))
        .send({ dueAt: '2026-12-10T18:00:00+08:00', reason: '延期' })
        .expect(403);
      await request(t.http)
        .post(`/api/plans/${planId}/tasks/${lead.taskId}/cancel`)
        .set(as(await login('yangxi-office')))
        .send({ reason: '并入其他工作' })
        .expect(403);
      expect((await find('一/(一)', 'lead')).dueAt).toBe(lead.dueAt);
    });

    it('should name the field of bad input and change nothing', async () => {
      const office = await login('office');
      const lead = await find('一/(一)', 'lead');
      const cases: Array<[object, string]> = [
        [{ reason: '延期' }, 'dueAt'],
        [{ dueAt: '12月10日', reason: '延期' }, 'dueAt'],
        [{ dueAt: '2026-11-01T18:00:00+08:00', reason: '延期' }, 'dueAt'],
        [{ dueAt: lead.dueAt, reason: '延期' }, 'dueAt'],
        [{ dueAt: '2026-12-10T18:00:00+08:00', reason: '   ' }, 'reason'],
      ];
      for (const [body, field] of cases) {
        const response = await request(t.http)
          .post(`/api/obligations/${lead.id}/deadline`)
          .set(as(office))
          .send(body)
          .expect(400);
        expect(JSON.stringify(response.body)).toContain(field);
      }
      await request(t.http)
        .post('/api/obligations/999999/deadline')
        .set(as(office))
        .send({ dueAt: '2026-12-10T18:00:00+08:00', reason: '延期' })
        .expect(404);
      expect((await find('一/(一)', 'lead')).dueAt).toBe(lead.dueAt);
    });

    it('should move the deadline, tell the unit, audit it and move the ladder to the new date', async () => {
      const office = await login('office');
      const lead = await find('一/(一)', 'lead');
      const receipt = await request(t.http)
        .post(`/api/obligations/${lead.id}/deadline`)
        .set(as(office))
        .send({ dueAt: '2026-12-10T18:00:00+08:00', reason: '单位申请延期，经同意' })
        .expect(200);
      expect(receipt.body).toMatchObject({
        previousDueAt: '2026-12-03T10:00:00.000Z',
        dueAt: '2026-12-10T10:00:00.000Z',
        status: 'open',
      });
      expect((await find('一/(一)', 'lead')).dueAt).toBe('2026-12-10T10:00:00.000Z');
      expect(await auditActions('obligation', lead.id)).toContain('obligation.deadline.change');
      const inbox = await request(t.http)
        .get('/api/inbox')
        .set(as(await login('liaison')))
        .expect(200);
      expect((inbox.body as Array<{ kind: string }>).map((m) => m.kind)).toContain('report.deadline_changed');
      // The engine asks the policy again: the first reminder is two working days before 10 December.
      await request(t.http)
        .post('/api/dev/clock')
        .set(as(office))
        .send({ now: '2026-11-05T10:01:00+08:00' })
        .expect(200);
      expect((await timerOf(lead.id))?.dueAt.toISOString()).toBe('2026-12-08T01:00:00.000Z');
    });

    it('should refuse to move the deadline of a report already submitted', async () => {
      const ecoLead = await find('二/(二)', 'lead');
      await request(t.http)
        .post(`/api/obligations/${ecoLead.id}/submissions`)
        .set(as(await login('eco-liaison')))
        .send({ kind: 'progress', progressText: '清单已建立。', percentComplete: 30 })
        .expect(201);
      await request(t.http)
        .post(`/api/obligations/${ecoLead.id}/deadline`)
        .set(as(await login('office')))
        .send({ dueAt: '2026-12-10T18:00:00+08:00', reason: '延期' })
        .expect(409);
    });
  });

  describe('dated return', () => {
    it('should refuse a new deadline in the past and leave the report under review', async () => {
      const ecoLead = await find('二/(二)', 'lead');
      const response = await request(t.http)
        .post(`/api/obligations/${ecoLead.id}/return`)
        .set(as(await login('office')))
        .send({ comment: '请补充数据。', dueAt: '2026-11-04T18:00:00+08:00' })
        .expect(400);
      expect(JSON.stringify(response.body)).toContain('dueAt');
      expect((await find('二/(二)', 'lead')).status).toBe('submitted');
    });

    it('should reopen the report with the deadline the office sets', async () => {
      const ecoLead = await find('二/(二)', 'lead');
      const returned = await request(t.http)
        .post(`/api/obligations/${ecoLead.id}/return`)
        .set(as(await login('office')))
        .send({ comment: '请补充数据。', dueAt: '2026-11-20T18:00:00+08:00' })
        .expect(200);
      expect(returned.body).toMatchObject({ status: 'returned', round: 1, dueAt: '2026-11-20T10:00:00.000Z' });
    });
  });

  describe('task cancellation', () => {
    it('should refuse the units, supervisors and leaders', async () => {
      const task = await find('一/(一)', 'lead');
      for (const username of ['liaison', 'supervisor', 'leader']) {
        await request(t.http)
          .post(`/api/plans/${planId}/tasks/${task.taskId}/cancel`)
          .set(as(await login(username)))
          .send({ reason: '并入其他工作' })
          .expect(403);
      }
      expect((await find('一/(一)', 'lead')).status).toBe('open');
    });

    it('should name the field of bad input', async () => {
      const office = await login('office');
      const task = await find('一/(一)', 'lead');
      const response = await request(t.http)
        .post(`/api/plans/${planId}/tasks/${task.taskId}/cancel`)
        .set(as(office))
        .send({ reason: '' })
        .expect(400);
      expect(JSON.stringify(response.body)).toContain('reason');
      await request(t.http)
        .post(`/api/plans/${planId}/tasks/999999/cancel`)
        .set(as(office))
        .send({ reason: '并入其他工作' })
        .expect(404);
    });

    it('should refuse a task of a draft plan', async () => {
      const office = await login('office');
      const draft = await request(t.http)
        .post('/api/plans/import')
        .set(as(office))
        .send({ text: PLAN_TEXT })
        .expect(201);
      const detail = await request(t.http).get(`/api/plans/${draft.body.id}`).set(as(office)).expect(200);
      await request(t.http)
        .post(`/api/plans/${draft.body.id}/tasks/${detail.body.tasks[0].id}/cancel`)
        .set(as(office))
        .send({ reason: '并入其他工作' })
        .expect(409);
    });

    it('should stop every running obligation of the task, its timers, and tell the units', async () => {
      const office = await login('office');
      const lead = await find('一/(一)', 'lead');
      const part = await find('一/(一)', 'participant');
      const cancelled = await request(t.http)
        .post(`/api/plans/${planId}/tasks/${lead.taskId}/cancel`)
        .set(as(office))
        .send({ reason: '任务已并入2027年工作要点' })
        .expect(200);
      expect([...(cancelled.body.cancelledObligationIds as number[])].sort()).toEqual([lead.id, part.id].sort());
      expect((await find('一/(一)', 'lead')).status).toBe('cancelled');
      expect((await find('一/(一)', 'participant')).status).toBe('cancelled');
      expect((await find('二/(二)', 'lead')).status).toBe('returned');
      expect((await timerOf(lead.id))?.status).toBe('cancelled');
      expect(await auditActions('task', lead.taskId)).toContain('task.cancel');
      expect(await auditActions('obligation', lead.id)).toContain('obligation.cancel');
      const inbox = await request(t.http)
        .get('/api/inbox')
        .set(as(await login('liaison')))
        .expect(200);
      expect((inbox.body as Array<{ kind: string }>).map((m) => m.kind)).toContain('report.cancelled');
      await request(t.http)
        .post(`/api/plans/${planId}/tasks/${lead.taskId}/cancel`)
        .set(as(office))
        .send({ reason: '再次撤销' })
        .expect(409);
    });

    it('should open no later period for the cancelled task', async () => {
      const office = await login('office');
      await request(t.http)
        .post('/api/dev/clock')
        .set(as(office))
        .send({ now: '2026-12-01T09:30:00+08:00' })
        .expect(200);
      const december = await request(t.http)
        .get('/api/obligations')
        .query({ planId, period: '2026-12' })
        .set(as(await login('office')))
        .expect(200);
      expect((december.body as { items: ObligationBody[] }).items.map((o) => o.taskRef)).toEqual(['二/(二)']);
    });
  });
});
