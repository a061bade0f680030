import request from 'supertest';
import { SmtpSink, startSmtpSink } from '../factories/smtp-sink';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头，市生态环境局参与）',
  '二、建设用地',
  '（二）建立建设用地土壤环境监管清单。持续实施。（市生态环境局牵头，市自然资源局参与）',
].join('\n');

interface ObligationBody {
  id: number;
  unitName: string;
  role: string;
  period: string;
  status: string;
  late: boolean;
  taskRef: string;
}

/**
 * The walk-through on the embedded engine with the dev clock: publish a plan, reach the due date, see
 * reminders and warnings arrive (inbox and real SMTP), submit late and see the ladder stop for that unit, let
 * another unit run into a supervision case and an interview with its invite, close the case with verification.
 */
describe('Escalation ladder on the embedded engine (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  /** Moves the dev clock (which runs all due work and sends the mail) and returns fresh tokens. */
  async function moveTo(iso: string) {
    t.clock.set(new Date(iso));
    const office = await t.login('office');
    const moved = await request(t.http)
      .post('/api/dev/clock')
      .set('Authorization', `Bearer ${office}`)
      .send({ now: iso })
      .expect(200);
    return { office, moved: moved.body as { stepsRun: number; emailsSent: number } };
  }
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const subjects = (to: string) =>
    smtp.messages.filter((m) => JSON.stringify(m.to).includes(to)).map((m) => m.subject ?? '');

  async function obligations(token: string, period = '2026-11'): Promise<ObligationBody[]> {
    const response = await request(t.http).get('/api/obligations').query({ period }).set(as(token)).expect(200);
    return (response.body as { items: ObligationBody[] }).items;
  }

  it('should walk a plan from publication to an interview and a verified closure', async () => {
    // 5 November 2026: the office imports and publishes the plan.
    const { office } = await moveTo('2026-11-05T10:00:00+08:00');
    const imported = await request(t.http)
      .post('/api/plans/import')
      .set(as(office))
      .send({ text: PLAN_TEXT })
      .expect(201);
    expect(imported.body.problems).toEqual([]);
    await request(t.http).post(`/api/plans/${imported.body.id}/publish`).set(as(office)).expect(200);
    const opened = await obligations(office);
    expect(opened.map((o) => `${o.taskRef} ${o.unitName} ${o.role}`).sort()).toEqual([
      '一/(一) 阳江市农业农村局 lead',
      '一/(一) 阳江市生态环境局 participant',
      '二/(二) 阳江市生态环境局 lead',
      '二/(二) 阳江市自然资源局 participant',
    ]);

    // 1 December: two working days before the leads' due date (3 December): reminders, in the inbox and by mail.
    await moveTo('2026-12-01T09:30:00+08:00');
    const liaison = await t.login('liaison');
    const inbox = await request(t.http).get('/api/inbox').set(as(liaison)).expect(200);
    expect((inbox.body as Array<{ title: string }>).map((m) => m.title).join()).toContain('报送提醒');
    expect(subjects('liaison@demo.local').join()).toContain('报送提醒');

    // 4 December: the next working day after the due date: yellow warnings for both leads.
    await moveTo('2026-12-04T09:30:00+08:00');
    expect(subjects('liaison@demo.local').join()).toContain('黄色预警');
    expect(subjects('eco-liaison@demo.local').join()).toContain('黄色预警');
    const officeNow = await t.login('office');
    const warnings = await request(t.http).get('/api/warnings').set(as(officeNow)).expect(200);
    const yellow = (warnings.body as Array<{ kind: string; unitName?: string; unitId: number }>).filter(
      (w) => w.kind === 'yellow',
    );
    expect(yellow.length).toBeGreaterThanOrEqual(2);

    // 市农业农村局 reports late: credited to November, marked late, and its ladder stops.
    const liaisonNow = await t.login('liaison');
    const agriLead = (await obligations(liaisonNow)).find((o) => o.role === 'lead');
    await request(t.http)
      .post(`/api/obligations/${agriLead?.id}/submissions`)
      .set(as(liaisonNow))
      .send({ kind: 'progress', progressText: '已完成详查点位布设，采样进度60%。', percentComplete: 60 })
      .expect(201);
    const agriAfter = (await obligations(liaisonNow)).find((o) => o.id === agriLead?.id);
    expect(agriAfter).toMatchObject({ status: 'submitted', late: true, period: '2026-11' });

    // 10 December: five working days overdue: a red warning for 市生态环境局, none for 市农业农村局.
    await moveTo('2026-12-10T09:30:00+08:00');
    const redFor = (to: string) => subjects(to).filter((s) => s.includes('红色预警'));
    expect(redFor('office@demo.local').length).toBeGreaterThanOrEqual(1);
    expect(redFor('liaison@demo.local')).toEqual([]);

    // 17 December: ten working days overdue: a numbered supervision case with a rectification deadline.
    const { office: office17 } = await moveTo('2026-12-17T09:30:00+08:00');
    const cases = await request(t.http).get('/api/supervision-cases').set(as(office17)).expect(200);
    const ecoCase = (cases.body as Array<{ id: number; number: string; unitName: string; status: string }>).find(
      (c) => c.unitName === '阳江市生态环境局',
    );
    expect(ecoCase?.number).toBe('督办〔2026〕1号');
    expect(smtp.messages.some((m) => (m.subject ?? '').includes('督办'))).toBe(true);

    // 4 January 2027: the rectification deadline passed without closure: an interview with an .ics invite.
    const { office: office4 } = await moveTo('2027-01-04T09:30:00+08:00');
    const interviews = await request(t.http).get('/api/interviews').set(as(office4)).expect(200);
    expect((interviews.body as Array<{ unitName: string }>).some((i) => i.unitName === '阳江市生态环境局')).toBe(true);
    const invite = smtp.messages.find((m) => m.attachments.some((a) => a.filename === 'invite.ics'));
    expect(invite?.attachments.find((a) => a.filename === 'invite.ics')?.content.toString()).toContain('BEGIN:VEVENT');

    // The unit rectifies; the supervisor verifies and closes the case (销号).
    const eco = await t.login('eco-liaison');
    await request(t.http).post(`/api/supervision-cases/${ecoCase?.id}/acknowledge`).set(as(eco)).expect(200);
    await request(t.http)
      .post(`/api/supervision-cases/${ecoCase?.id}/closure-request`)
      .set(as(eco))
      .send({ summary: '已补报11月工作进展并建立台账制度。', evidence: ['补报材料'] })
      .expect(200);
    const supervisor = await t.login('supervisor');
    const closed = await request(t.http)
      .post(`/api/supervision-cases/${ecoCase?.id}/verification`)
      .set(as(supervisor))
      .send({ decision: 'accept' })
      .expect(200);
    expect(closed.body.status).toBe('closed');

    // Every step is in the audit trail.
    const audit = await request(t.http)
      .get('/api/audit')
      .query({ entityType: 'obligation', limit: 200 })
      .set(as(await t.login('office')))
      .expect(200);
    const actions = new Set((audit.body as Array<{ action: string }>).map((a) => a.action));
    for (const action of [
      'escalation.reminder_before_due',
      'escalation.yellow_warning',
      'escalation.red_warning',
      'escalation.supervision_case',
    ]) {
      expect(actions).toContain(action);
    }
  });

  it('should send each notice once however often the clock is set to the same time', async () => {
    const before = smtp.messages.length;
    await moveTo('2027-01-04T09:31:00+08:00');
    await moveTo('2027-01-04T09:32:00+08:00');
    expect(smtp.messages.length).toBe(before);
  });
});
