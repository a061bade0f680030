import request from 'supertest';
import { DataSource } from 'typeorm';
import { PlanIndicator } from '@app/plans';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '工作目标：到2026年底，受污染耕地安全利用率达到90%左右，污染地块安全利用率达到90%以上。',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头，市生态环境局参与）',
  '二、建设用地',
  '（二）建立建设用地土壤环境监管清单。持续实施。（市生态环境局牵头，市自然资源局参与）',
].join('\n');

interface IndicatorBody {
  id: number;
  name: string;
  comparator: string;
  direction: string;
  target: number;
  unit: string;
  approximate: boolean;
}

interface DetailBody {
  id: number;
  taskId: number;
  taskRef: string;
  role: string;
  indicators: IndicatorBody[];
  versions: Array<{ indicatorValues: Array<{ indicatorId: number; value: number }> }>;
}

/**
 * The report form learns its indicators from the obligation itself (units cannot read plans): the plan-wide ones
 * and the task's, with target, unit and which way is better; the values reported show in every version, for the
 * unit and for the office reviewing it.
 */
describe('Report indicators (e2e)', () => {
  let t: TestApp;
  let planId: number;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function detailOf(username: string, obligationId: number): Promise<DetailBody> {
    const token = await t.login(username);
    return (await request(t.http).get(`/api/obligations/${obligationId}`).set(as(token)).expect(200))
      .body as DetailBody;
  }

  async function obligationOf(username: string, taskRef: string): Promise<number> {
    const token = await t.login(username);
    const response = await request(t.http).get('/api/obligations').query({ planId }).set(as(token)).expect(200);
    const found = (response.body as { items: Array<{ id: number; taskRef: string }> }).items.find(
      (o) => o.taskRef === taskRef,
    );
    if (!found) {
      throw new Error(`${username} has no obligation for ${taskRef}`);
    }
    return found.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date('2026-11-05T10:00:00+08:00'));
    const office = await t.login('office');
    const imported = await request(t.http).post('/api/plans/import').set(as(office)).send({ text: PLAN_TEXT });
    expect(imported.status).toBe(201);
    planId = (imported.body as { id: number }).id;
    await request(t.http).post(`/api/plans/${planId}/publish`).set(as(office)).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it("should give the liaison the plan's indicators with target, unit and direction", async () => {
    const detail = await detailOf('liaison', await obligationOf('liaison', '一/(一)'));
    expect(detail.indicators).toEqual([
      expect.objectContaining({
        name: '受污染耕地安全利用率',
        comparator: '=',
        direction: 'exact',
        target: 90,
        unit: '%',
        approximate: true,
      }),
      expect.objectContaining({ name: '污染地块安全利用率', comparator: '>=', direction: 'higher', target: 90 }),
    ]);
  });

  it("should leave out another task's indicator and keep it for that task's units", async () => {
    const parcels = await t.app.get(DataSource).getRepository(PlanIndicator).findOneByOrFail({
      planId,
      name: '污染地块安全利用率',
    });
    const ecoObligation = await obligationOf('eco-liaison', '二/(二)');
    const { taskId } = await detailOf('eco-liaison', ecoObligation);
    await t.app.get(DataSource).getRepository(PlanIndicator).update({ id: parcels.id }, { taskId });

    const agri = await detailOf('liaison', await obligationOf('liaison', '一/(一)'));
    expect(agri.indicators.map((i) => i.name)).toEqual(['受污染耕地安全利用率']);
    const eco = await detailOf('eco-liaison', ecoObligation);
    expect(eco.indicators.map((i) => i.name)).toEqual(['受污染耕地安全利用率', '污染地块安全利用率']);
  });

  it('should show the values reported in the history for the unit and for the office', async () => {
    const obligationId = await obligationOf('liaison', '一/(一)');
    const [farmland] = (await detailOf('liaison', obligationId)).indicators;
    await request(t.http)
      .post(`/api/obligations/${obligationId}/submissions`)
      .set(as(await t.login('liaison')))
      .send({
        kind: 'progress',
        progressText: '已完成详查点位布设。',
        percentComplete: 60,
        indicatorValues: [{ indicatorId: farmland.id, value: 87.5 }],
      })
      .expect(201);
    for (const username of ['liaison', 'office']) {
      const detail = await detailOf(username, obligationId);
      expect(detail.versions[0].indicatorValues).toEqual([{ indicatorId: farmland.id, value: 87.5 }]);
      expect(detail.indicators.map((i) => i.id)).toContain(farmland.id);
    }
  });
});
