import request from 'supertest';
import { DataSource, In, Like } from 'typeorm';
import { AssessmentResult } from '@app/assessment';
import { InboxMessage, OutboxEmail } from '@app/notify';
import { User } from '@app/org';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）完成农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头）',
  '二、建设用地',
  '（二）建立建设用地土壤环境监管清单。持续实施。（市生态环境局牵头）',
].join('\n');

/**
 * The units learn of the assessment's release (公示, with the appeal deadline) and of its publication by inbox and
 * email, once each, on the embedded engine (the API's buttons). The Temporal activities call the same transitions
 * (test/e2e/temporal-notices.e2e-spec.ts).
 */
describe('Assessment notices to the units (e2e, embedded engine)', () => {
  let t: TestApp;
  let runId: number;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date('2026-12-21T10:00:00+08:00'));
    const office = await t.login('office');
    const imported = await request(t.http).post('/api/plans/import').set(as(office)).send({ text: PLAN_TEXT });
    expect(imported.status).toBe(201);
    const planId = (imported.body as { id: number }).id;
    await request(t.http).post(`/api/plans/${planId}/publish`).set(as(office)).expect(200);
    const started = await request(t.http)
      .post('/api/assessment/runs')
      .set(as(office))
      .send({ planId, year: 2026 })
      .expect(201);
    runId = (started.body as { id: number }).id;
  });
  afterAll(async () => t.close());

  const repo = <T extends object>(entity: new () => T) => t.app.get(DataSource).getRepository(entity);

  /** The active liaisons and heads of every unit the run assessed: who must hear of it. */
  async function assessedUnitUsers(): Promise<User[]> {
    const results = await repo(AssessmentResult).findBy({ runId, isCurrent: true });
    return repo(User).findBy({
      unitId: In(results.map((result) => result.unitId)),
      role: In(['unit_liaison', 'unit_head']),
      active: true,
    });
  }

  async function noticesOf(step: 'released' | 'published') {
    const [inbox, emails] = await Promise.all([
      repo(InboxMessage).findBy({ kind: `assessment.${step}` }),
      repo(OutboxEmail).findBy({ dedupKey: Like(`assessment:${runId}:${step}:email:%`) }),
    ]);
    return { inbox, emails };
  }

  it('should send every assessed unit user an inbox message and an email with the deadline when the draft is released', async () => {
    const office = await t.login('office');
    await request(t.http).post(`/api/assessment/runs/${runId}/release`).set(as(office)).expect(200);

    const users = await assessedUnitUsers();
    expect(users.map((user) => user.username)).toEqual(expect.arrayContaining(['liaison', 'head', 'eco-liaison']));
    const { inbox, emails } = await noticesOf('released');
    expect(inbox.map((message) => message.userId).sort()).toEqual(users.map((user) => user.id).sort());
    const withAddress = users.filter((user) => user.email);
    expect(emails.map((email) => email.to).sort()).toEqual(withAddress.map((user) => user.email).sort());
    for (const email of emails) {
      // Released Monday 21 December: 22, 23, 24, 25, 28 December, end of office hours.
      expect(email.subject).toBe(
        '【考核公示】《阳江市2026年土壤污染防治工作要点》2026年度考核初评结果已公示，申诉截止2026年12月28日（星期一）18:00',
      );
      expect(email.text).toContain(`/assessment/results/mine?runId=${runId}`);
      expect(email.status).toBe('pending');
    }
  });

  it('should send nothing twice when the release is asked for again', async () => {
    const before = await noticesOf('released');
    const office = await t.login('office');
    await request(t.http).post(`/api/assessment/runs/${runId}/release`).set(as(office)).expect(409);
    const after = await noticesOf('released');
    expect(after.inbox).toHaveLength(before.inbox.length);
    expect(after.emails).toHaveLength(before.emails.length);
  });

  it('should email the units once when the results are published after the window', async () => {
    t.clock.set(new Date('2026-12-29T10:00:00+08:00'));
    const office = await t.login('office');
    await request(t.http).post(`/api/assessment/runs/${runId}/publish`).set(as(office)).expect(200);
    await request(t.http).post(`/api/assessment/runs/${runId}/publish`).set(as(office)).expect(409);

    const users = await assessedUnitUsers();
    const { inbox, emails } = await noticesOf('published');
    expect(inbox).toHaveLength(users.length);
    expect(emails).toHaveLength(users.filter((user) => user.email).length);
    expect(emails.every((email) => email.subject.startsWith('【考核结果】'))).toBe(true);
  });
});
