import request from 'supertest';
import { SmtpSink, startSmtpSink } from '../factories/smtp-sink';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。持续实施。（市农业农村局牵头）',
  '二、建设用地',
  '（二）建立建设用地土壤环境监管清单。持续实施。（市生态环境局牵头）',
].join('\n');

const CIRCULAR_SUBJECT = '【通报】关于2026年11月工作进展情况报送逾期单位的通报';

interface CircularBody {
  id: number;
  number: string;
  period: string;
  unitCount: number;
  itemCount: number;
  units: Array<{
    unitName: string;
    overdueCount: number;
    items: Array<{ taskTitle: string; dueAt: string; overdueWorkingDays: number; status: string }>;
  }>;
}

/**
 * The monthly circular (通报) composed by the engine: with the dev clock crossing November's reporting deadline,
 * one unit reports late and one on time; on the 5th working day after the lead due date the office's circular
 * lists the late unit, reaches every member unit's liaison in the inbox and by mail, and is never issued twice.
 */
describe('Monthly circular on the embedded engine (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, SESSION_TTL_HOURS: '720' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function moveTo(iso: string): Promise<string> {
    t.clock.set(new Date(iso));
    const office = await t.login('office');
    await request(t.http).post('/api/dev/clock').set(as(office)).send({ now: iso }).expect(200);
    return office;
  }

  async function circulars(token: string): Promise<CircularBody[]> {
    return (await request(t.http).get('/api/circulars').set(as(token)).expect(200)).body as CircularBody[];
  }

  async function submitNovember(username: string): Promise<void> {
    const token = await t.login(username);
    const mine = await request(t.http).get('/api/obligations').query({ period: '2026-11' }).set(as(token)).expect(200);
    const [obligation] = (mine.body as { items: Array<{ id: number }> }).items;
    await request(t.http)
      .post(`/api/obligations/${obligation.id}/submissions`)
      .set(as(token))
      .send({ kind: 'progress', progressText: '已完成本月调度。', percentComplete: 40 })
      .expect(201);
  }

  const circularMails = () => smtp.messages.filter((m) => m.subject === CIRCULAR_SUBJECT);
  const mailsTo = (address: string) => circularMails().filter((m) => JSON.stringify(m.to).includes(address));

  it('should compose the circular of a month once its lead reports are five working days overdue', async () => {
    const office = await moveTo('2026-11-05T10:00:00+08:00');
    const imported = await request(t.http)
      .post('/api/plans/import')
      .set(as(office))
      .send({ text: PLAN_TEXT })
      .expect(201);
    await request(t.http).post(`/api/plans/${imported.body.id}/publish`).set(as(office)).expect(200);

    // December opens; 市生态环境局 reports on time (due 3 December), 市农业农村局 is warned and reports late.
    await moveTo('2026-12-01T09:30:00+08:00');
    await submitNovember('eco-liaison');
    await moveTo('2026-12-04T09:30:00+08:00');
    await moveTo('2026-12-07T10:00:00+08:00');
    await submitNovember('liaison');

    // The 5th working day after 3 December is Thursday 10 December; the circular is due at 10:00.
    expect(await circulars(await moveTo('2026-12-10T09:59:00+08:00'))).toEqual([]);
    const [circular, ...others] = await circulars(await moveTo('2026-12-10T10:00:00+08:00'));
    expect(others).toEqual([]);
    expect(circular).toMatchObject({ number: '通报〔2026〕1号', period: '2026-11', unitCount: 1, itemCount: 1 });
    expect(circular.units).toEqual([
      {
        unitId: expect.any(Number),
        unitName: '阳江市农业农村局',
        overdueCount: 1,
        items: [
          {
            taskId: expect.any(Number),
            obligationId: expect.any(Number),
            taskTitle: '开展农用地土壤污染状况详查',
            dueAt: '2026-12-03T10:00:00.000Z',
            // Reported on Monday 7 December: Friday 4th and Monday 7th after the due date.
            overdueWorkingDays: 2,
            status: 'yellow',
          },
        ],
      },
    ]);
  });

  it('should deliver it to every member unit in the inbox and by mail', async () => {
    for (const username of ['liaison', 'eco-liaison']) {
      const token = await t.login(username);
      const inbox = (await request(t.http).get('/api/inbox').set(as(token)).expect(200)).body as Array<{
        kind: string;
        title: string;
        link: string;
      }>;
      const notices = inbox.filter((m) => m.kind === 'circular');
      expect(notices).toHaveLength(1);
      expect(notices[0].title).toContain('通报〔2026〕1号');
      expect(notices[0].link).toMatch(/^\/circulars\/\d+$/);
      // Member units read the circular they were sent.
      expect((await circulars(token)).map((c) => c.number)).toEqual(['通报〔2026〕1号']);
    }
    expect(mailsTo('liaison@demo.local').filter((m) => !JSON.stringify(m.to).includes('eco-'))).toHaveLength(1);
    expect(mailsTo('eco-liaison@demo.local')).toHaveLength(1);
    const text = mailsTo('eco-liaison@demo.local')[0].text ?? '';
    expect(text).toContain('共有1个单位1项任务逾期报送或逾期未报送');
    expect(text).toContain('阳江市农业农村局');
    expect(text).toContain('黄色预警');
    expect(circularMails().every((m) => (m.text ?? '').includes('阳江市土壤污染防治工作领导小组办公室'))).toBe(true);
  });

  it('should record the circular and its delivery in the audit trail', async () => {
    const office = await t.login('office');
    const [circular] = await circulars(office);
    const audit = await request(t.http)
      .get('/api/audit')
      .query({ entityType: 'circular', entityId: String(circular.id) })
      .set(as(office))
      .expect(200);
    const actions = (audit.body as Array<{ action: string; actor: string }>).map((a) => `${a.action} ${a.actor}`);
    expect(actions.sort()).toEqual(['circular.deliver system:escalation', 'circular.publish system:escalation']);
  });

  it('should not issue the circular again when the clock moves on', async () => {
    const mails = circularMails().length;
    await moveTo('2026-12-10T10:05:00+08:00');
    const office = await moveTo('2026-12-31T10:00:00+08:00');
    expect((await circulars(office)).filter((c) => c.period === '2026-11')).toHaveLength(1);
    expect(circularMails()).toHaveLength(mails);
  });

  it("should number December's circular in the year it is issued, listing the reports still missing", async () => {
    // December's reports were due on Monday 4 January 2027 (1–3 January are 元旦); five working days later, 11 January.
    const office = await moveTo('2027-01-11T10:00:00+08:00');
    const december = (await circulars(office)).find((c) => c.period === '2026-12');
    expect(december).toMatchObject({ number: '通报〔2027〕1号', unitCount: 2, itemCount: 2 });
    expect(december?.units.map((u) => u.unitName).sort()).toEqual(['阳江市农业农村局', '阳江市生态环境局']);
    expect(december?.units.flatMap((u) => u.items.map((i) => i.overdueWorkingDays))).toEqual([5, 5]);
  });
});
