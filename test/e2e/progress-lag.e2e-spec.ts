import request from 'supertest';
import { unitIdByName } from '../factories/org-lookup';
import { SmtpSink, startSmtpSink } from '../factories/smtp-sink';
import { startTestApp, TestApp } from '../factories/test-app';

/**
 * The first two tasks run from 1 October to 31 December 2026: three months, two of them gone by 1 December. The
 * third has no end date, so no progress figure can lag it.
 */
const planText = (title: string) =>
  [
    `阳江市2026年${title}工作要点`,
    '一、农用地',
    '（一）开展农用地土壤污染状况详查。自2026年10月起实施，2026年12月底前完成。（市农业农村局牵头）',
    '二、建设用地',
    '（二）建立建设用地土壤环境监管清单。自2026年10月起实施，2026年12月底前完成。（市生态环境局牵头）',
    '三、监督管理',
    '（三）加强涉镉等重金属行业企业排查整治。持续实施。（市农业农村局牵头）',
  ].join('\n');

interface ObligationBody {
  id: number;
  role: string;
  taskRef: string;
}

interface WarningBody {
  id: number;
  kind: string;
  unitId: number;
  planId: number;
  obligationId: number | null;
  reason: string;
  issuedAt: string;
}

/**
 * 进度滞后预警: a report's % complete is judged at the next office opening against the elapsed share of its task's
 * deadline window and the plan's margin; a lagging unit is warned once (inbox, SMTP, audit), a unit on track never,
 * and the office's margin decides. The check is a database timer in both modes: in Temporal mode (no server needed
 * here, the outbox just queues the workflows' signals) the API's embedded poller runs it all the same.
 */
describe.each([
  ['embedded engine', {}],
  ['Temporal mode', { WORKFLOW_ENGINE: 'temporal', TEMPORAL_ADDRESS: '127.0.0.1:1' }],
])('Progress-lag warnings, %s (e2e)', (_engine, env: Record<string, string>) => {
  let t: TestApp;
  let smtp: SmtpSink;
  let lagPlanId: number;
  let tolerantPlanId: number;
  let agriId: number;
  let ecoId: number;

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const lagMails = (to: string) =>
    smtp.messages.filter((m) => JSON.stringify(m.to).includes(to) && (m.subject ?? '').startsWith('【进度滞后预警】'));

  async function moveTo(iso: string): Promise<string> {
    t.clock.set(new Date(iso));
    const office = await t.login('office');
    await request(t.http).post('/api/dev/clock').set(as(office)).send({ now: iso }).expect(200);
    return office;
  }

  async function publish(office: string, title: string): Promise<number> {
    const imported = await request(t.http)
      .post('/api/plans/import')
      .set(as(office))
      .send({ text: planText(title) })
      .expect(201);
    const planId = (imported.body as { id: number }).id;
    await request(t.http).post(`/api/plans/${planId}/publish`).set(as(office)).expect(200);
    return planId;
  }

  async function report(username: string, planId: number, percentComplete: number, taskRef?: string): Promise<number> {
    const token = await t.login(username);
    const listed = await request(t.http).get('/api/obligations').query({ planId }).set(as(token)).expect(200);
    const lead = (listed.body as { items: ObligationBody[] }).items.find(
      (o) => o.role === 'lead' && (taskRef === undefined ? o.taskRef !== '三/(三)' : o.taskRef === taskRef),
    );
    if (!lead) {
      throw new Error(`${username} has no lead obligation in plan ${planId} for ${taskRef ?? 'a dated task'}`);
    }
    await request(t.http)
      .post(`/api/obligations/${lead.id}/submissions`)
      .set(as(token))
      .send({ kind: 'progress', progressText: '按计划推进，已完成部分点位布设。', percentComplete })
      .expect(201);
    return lead.id;
  }

  async function lagWarnings(): Promise<WarningBody[]> {
    const response = await request(t.http)
      .get('/api/warnings')
      .query({ kind: 'progress_lag' })
      .set(as(await t.login('office')))
      .expect(200);
    return response.body as WarningBody[];
  }

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, ...env });
    // Tuesday 1 December 2026, 10:00: both plans are published; 2 December is a working day.
    const office = await moveTo('2026-12-01T10:00:00+08:00');
    lagPlanId = await publish(office, '土壤污染防治');
    tolerantPlanId = await publish(office, '农用地安全利用');
    agriId = await unitIdByName(t, office, '阳江市农业农村局');
    ecoId = await unitIdByName(t, office, '阳江市生态环境局');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('should answer 400 naming the margin and store nothing when the margin is outside 0–100', async () => {
    const office = await t.login('office');
    for (const progressLagMarginPoints of [-1, 101, 12.5, 'twenty']) {
      const response = await request(t.http)
        .put(`/api/plans/${tolerantPlanId}/ladder`)
        .set(as(office))
        .send({ progressLagMarginPoints })
        .expect(400);
      expect(Object.keys((response.body as { fields: Record<string, string[]> }).fields)).toEqual([
        'progressLagMarginPoints',
      ]);
    }
    const ladder = await request(t.http).get(`/api/plans/${tolerantPlanId}/ladder`).set(as(office)).expect(200);
    expect(ladder.body).toMatchObject({ custom: false, progressLagMarginPoints: 20 });
  });

  it('should warn a lagging unit once at the next 09:00 opening, and never a unit on track', async () => {
    // Two months into a three-month task: 5 % lags the 66 % elapsed by far more than 20 points; 60 % is within.
    const agriObligation = await report('liaison', lagPlanId, 5);
    await report('eco-liaison', lagPlanId, 60);
    const ongoingObligation = await report('liaison', lagPlanId, 0, '三/(三)');
    await moveTo('2026-12-01T17:59:00+08:00');
    await moveTo('2026-12-02T08:59:00+08:00');
    expect(await lagWarnings()).toEqual([]);

    await moveTo('2026-12-02T09:00:00+08:00');
    const warnings = await lagWarnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      unitId: agriId,
      planId: lagPlanId,
      obligationId: agriObligation,
    });
    // The dev clock keeps ticking from the moment it was set: issued within the first seconds of the opening.
    expect(Date.parse(warnings[0].issuedAt) - Date.parse('2026-12-02T09:00:00+08:00')).toBeLessThan(60_000);
    expect(warnings[0].reason).toContain('报送完成进度 5%');
    expect(warnings.some((w) => w.unitId === ecoId || w.obligationId === ongoingObligation)).toBe(false);

    const inbox = await request(t.http)
      .get('/api/inbox')
      .set(as(await t.login('liaison')))
      .expect(200);
    const notices = (inbox.body as Array<{ kind: string; title: string; link: string }>).filter(
      (m) => m.kind === 'escalation.progress_lag_warning',
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ link: `/obligations/${agriObligation}` });
    expect(notices[0].title).toContain('进度滞后预警');
    const mails = lagMails('liaison@demo.local');
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('完成进度为5%');
    expect(lagMails('office@demo.local')).toHaveLength(1);
    expect(lagMails('eco-liaison@demo.local')).toEqual([]);

    const audit = await request(t.http)
      .get('/api/audit')
      .query({ entityType: 'obligation', entityId: String(agriObligation), limit: 50 })
      .set(as(await t.login('office')))
      .expect(200);
    const issued = (audit.body as Array<{ action: string; after: Record<string, unknown> }>).filter(
      (entry) => entry.action === 'escalation.progress_lag_warning',
    );
    expect(issued).toHaveLength(1);
    expect(issued[0].after).toMatchObject({ reportedPercent: 5, marginPoints: 20 });
  });

  it('should not warn the same report twice when it is returned and resubmitted still lagging', async () => {
    const office = await t.login('office');
    const [warned] = await lagWarnings();
    await request(t.http)
      .post(`/api/obligations/${warned.obligationId}/return`)
      .set(as(office))
      .send({ comment: '请补充采样点位明细。' })
      .expect(200);
    await report('liaison', lagPlanId, 6);
    await moveTo('2026-12-03T09:00:00+08:00');
    await moveTo('2026-12-03T09:05:00+08:00');
    expect(await lagWarnings()).toHaveLength(1);
    expect(lagMails('liaison@demo.local')).toHaveLength(1);
  });

  it('should follow the margin the office set when the report is judged', async () => {
    // The same 5 % on a plan whose office allows 70 points, set after the report and before the check.
    const agriObligation = await report('liaison', tolerantPlanId, 5);
    const office = await t.login('office');
    const changed = await request(t.http)
      .put(`/api/plans/${tolerantPlanId}/ladder`)
      .set(as(office))
      .send({ progressLagMarginPoints: 70 })
      .expect(200);
    expect(changed.body).toMatchObject({ custom: true, progressLagMarginPoints: 70 });
    await moveTo('2026-12-04T09:00:00+08:00');
    const warnings = await lagWarnings();
    expect(warnings.filter((w) => w.obligationId === agriObligation)).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});
