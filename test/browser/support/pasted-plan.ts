import request from 'supertest';
import type { TestApp } from '../../factories/test-app';

/**
 * A two-task plan (the one of test/e2e/escalation.e2e-spec.ts): 市农业农村局 leads task 一/(一) with 市生态环境局
 * participating; 市生态环境局 leads 二/(二). Published on 5 November 2026, its leads' November reports are due on
 * 3 December; a lead that never reports gets a yellow warning on 4 December, a red one on 10 December and a
 * supervision case on 17 December.
 */
export const SMALL_PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头，市生态环境局参与）',
  '二、建设用地',
  '（二）建立建设用地土壤环境监管清单。持续实施。（市生态环境局牵头，市自然资源局参与）',
].join('\n');

export const SMALL_PLAN_PUBLISHED_AT = '2026-11-05T10:00:00+08:00';

/** Imports the small plan as pasted text and publishes it, through the API; returns the plan's id. */
export async function publishSmallPlan(t: TestApp): Promise<number> {
  const office = await t.login('office');
  const as = { Authorization: `Bearer ${office}` };
  const imported = await request(t.http).post('/api/plans/import').set(as).send({ text: SMALL_PLAN_TEXT }).expect(201);
  const planId = imported.body.id as number;
  await request(t.http).post(`/api/plans/${planId}/publish`).set(as).expect(200);
  return planId;
}

export interface ObligationRow {
  id: number;
  unitName: string;
  role: string;
  taskRef: string;
  period: string;
  status: string;
}

/** The obligations `username` may see for a period, through the API. */
export async function obligationsOf(t: TestApp, username: string, period = '2026-11'): Promise<ObligationRow[]> {
  const token = await t.login(username);
  const response = await request(t.http)
    .get('/api/obligations')
    .query({ period })
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  return (response.body as { items: ObligationRow[] }).items;
}
