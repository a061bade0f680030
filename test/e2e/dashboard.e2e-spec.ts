import request from 'supertest';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头，市生态环境局参与）',
  '二、建设用地',
  '（二）建立建设用地土壤环境监管清单。持续实施。（市生态环境局牵头，市自然资源局参与）',
  '（三）建立污染地块名录。2026年9月底前完成。（市生态环境局牵头）',
].join('\n');

const AGRI = '阳江市农业农村局';
const ECO = '阳江市生态环境局';
const LAND = '阳江市自然资源局';

interface ObligationBody {
  id: number;
  unitName: string;
  role: string;
  period: string;
  taskRef: string;
}

/**
 * A tiny plan walked through two months with the dev clock. Published on 5 October 2026 with three tasks:
 * (一) 农业农村局 lead, 生态环境局 participant; (二) 生态环境局 lead, 自然资源局 participant; (三) 生态环境局 lead,
 * due end of September. October's reports (leads due 3 November, participants 2 November):
 * - 农业农村局 (一) 50 % on 2 November: on time; 生态环境局 (一) part 无此项任务 on 2 November; (三) 80 % on 2 November;
 * - 生态环境局 (二) 30 % on 5 November: late (yellow warning on 4 November);
 * - 自然资源局 (二) part never: missing, a yellow warning, then (the clock jumping to 1 December) a supervision case.
 * So October: 2 on time, 1 late, 1 missing, 1 nothing to report: on-time rate 2 / 4 = 0.5.
 */
describe('DashboardController (e2e)', () => {
  let t: TestApp;
  let planId: number;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function moveTo(iso: string): Promise<void> {
    t.clock.set(new Date(iso));
    await request(t.http)
      .post('/api/dev/clock')
      .set(as(await t.login('office')))
      .send({ now: iso })
      .expect(200);
  }

  async function get(login: string, path: string, query: Record<string, unknown> = {}, status = 200) {
    return request(t.http)
      .get(`/api/dashboard/${path}`)
      .query(query)
      .set(as(await t.login(login)))
      .expect(status);
  }

  async function obligation(login: string, taskRef: string, period = '2026-10'): Promise<ObligationBody> {
    const response = await request(t.http)
      .get('/api/obligations')
      .query({ period, planId })
      .set(as(await t.login(login)))
      .expect(200);
    const found = (response.body as { items: ObligationBody[] }).items.find((o) => o.taskRef === taskRef);
    if (!found) {
      throw new Error(`no obligation ${taskRef} for ${login}`);
    }
    return found;
  }

  async function submit(login: string, taskRef: string, body: Record<string, unknown>): Promise<number> {
    const target = await obligation(login, taskRef);
    await request(t.http)
      .post(`/api/obligations/${target.id}/submissions`)
      .set(as(await t.login(login)))
      .send(body)
      .expect(201);
    return target.id;
  }

  async function accept(login: string, id: number): Promise<void> {
    await request(t.http)
      .post(`/api/obligations/${id}/accept`)
      .set(as(await t.login(login)))
      .send({ rating: 4 })
      .expect(200);
  }

  beforeAll(async () => {
    t = await startTestApp();
    await moveTo('2026-10-05T10:00:00+08:00');
    const office = await t.login('office');
    const imported = await request(t.http)
      .post('/api/plans/import')
      .set(as(office))
      .send({ text: PLAN_TEXT })
      .expect(201);
    planId = imported.body.id;
    await request(t.http).post(`/api/plans/${planId}/publish`).set(as(office)).expect(200);

    await moveTo('2026-11-02T09:30:00+08:00');
    const agriLead = await submit('liaison', '一/(一)', {
      kind: 'progress',
      progressText: '完成采样点位布设。',
      percentComplete: 50,
    });
    const ecoPart = await submit('eco-liaison', '一/(一)', { kind: 'no_task' });
    const ecoOnce = await submit('eco-liaison', '二/(三)', {
      kind: 'progress',
      progressText: '名录初稿已完成。',
      percentComplete: 80,
    });
    await accept('office', agriLead);
    await accept('office', ecoOnce);
    await accept('liaison', ecoPart);
  });
  afterAll(async () => t.close());

  describe('on 5 November, with two units warned', () => {
    beforeAll(async () => moveTo('2026-11-05T09:30:00+08:00'));

    it('should show the overdue units yellow and the others green', async () => {
      const response = await get('office', 'lights', { planId });
      const lights = Object.fromEntries(
        (response.body.units as Array<{ unitName: string; light: string }>).map((u) => [u.unitName, u.light]),
      );
      expect(lights).toEqual({ [AGRI]: 'green', [ECO]: 'yellow', [LAND]: 'yellow' });
      const overview = await get('office', 'overview', { planId, period: '2026-10' });
      expect(overview.body.lights).toEqual({ green: 1, yellow: 2, red: 0 });
    });

    it('should list the two overdue reports, oldest first, with the yellow warning reached', async () => {
      const response = await get('office', 'overdue/reports', { planId });
      expect(response.body.total).toBe(2);
      expect(
        (response.body.items as Array<{ unitName: string; step: string; overdueWorkingDays: number }>).map((i) => [
          i.unitName,
          i.step,
          i.overdueWorkingDays,
        ]),
      ).toEqual([
        [LAND, 'yellow', 3],
        [ECO, 'yellow', 2],
      ]);
    });
  });

  describe('at noon on 1 December, after a late report and a supervision case', () => {
    beforeAll(async () => {
      await submit('eco-liaison', '二/(二)', { kind: 'progress', progressText: '清单编制中。', percentComplete: 30 });
      await moveTo('2026-12-01T12:00:00+08:00');
    });

    it('should count October by state and give the on-time rate', async () => {
      const response = await get('office', 'overview', { planId, period: '2026-10' });
      expect(response.body.totals).toEqual({
        counts: { onTime: 2, late: 1, missing: 1, nothingToReport: 1, notDue: 0 },
        total: 5,
        onTimeRate: 0.5,
        units: 3,
      });
      expect(response.body.plans).toEqual([
        expect.objectContaining({ planId, tasks: 3, completedTasks: 0, units: 3, onTimeRate: 0.5 }),
      ]);
      expect(response.body.lights).toEqual({ green: 2, yellow: 0, red: 1 });
      expect(response.body.openCases).toBe(1);
      expect(response.body.warnings.yellow).toBeGreaterThanOrEqual(2);
    });

    it('should default to the month being reported on, whose reports are not due yet', async () => {
      const response = await get('office', 'overview', { planId });
      expect(response.body.period).toBe('2026-11');
      expect(response.body.totals.counts).toEqual({ onTime: 0, late: 0, missing: 0, nothingToReport: 0, notDue: 5 });
      expect(response.body.totals.onTimeRate).toBeNull();
    });

    it('should give progress by plan, unit and task from the latest reported percentages', async () => {
      const plans = await get('office', 'plans');
      expect(plans.body).toEqual([
        { planId, title: '阳江市2026年土壤污染防治工作要点', tasks: 3, completed: 0, overdue: 1, percent: 53.3 },
      ]);
      const response = await get('office', `plans/${planId}/progress`);
      expect(
        (response.body.taskRows as Array<{ ref: string; state: string; percent: number }>).map((r) => [
          r.ref,
          r.state,
          r.percent,
        ]),
      ).toEqual([
        ['一/(一)', 'in_progress', 50],
        ['二/(二)', 'in_progress', 30],
        ['二/(三)', 'overdue', 80],
      ]);
      expect(
        (response.body.units as Array<{ unitName: string; tasks: number; unreported: number; percent: number }>).map(
          (u) => [u.unitName, u.tasks, u.unreported, u.percent],
        ),
      ).toEqual(
        expect.arrayContaining([
          [AGRI, 1, 0, 50],
          [ECO, 3, 1, 36.7],
          [LAND, 1, 1, 0],
        ]),
      );
    });

    it('should show the unit under supervision red, and its task', async () => {
      const response = await get('office', 'lights', { planId });
      const units = Object.fromEntries(
        (response.body.units as Array<{ unitName: string; light: string }>).map((u) => [u.unitName, u.light]),
      );
      expect(units).toEqual({ [AGRI]: 'green', [ECO]: 'green', [LAND]: 'red' });
      const tasks = Object.fromEntries(
        (response.body.tasks as Array<{ ref: string; light: string }>).map((task) => [task.ref, task.light]),
      );
      expect(tasks['二/(二)']).toBe('red');
      expect(tasks['一/(一)']).toBe('green');
    });

    it('should list the missing report at its furthest step and the task past its deadline', async () => {
      const reports = await get('office', 'overdue/reports', { planId });
      expect(reports.body.items).toEqual([
        expect.objectContaining({ unitName: LAND, taskRef: '二/(二)', period: '2026-10', role: 'participant' }),
      ]);
      expect(reports.body.items[0].step).toBe('supervision');
      const tasks = await get('office', 'overdue/tasks', { planId });
      expect(tasks.body).toEqual([
        expect.objectContaining({ ref: '二/(三)', deadline: '2026-09-30', overdueDays: 62, leadUnits: [ECO] }),
      ]);
    });

    it('should give the submission matrix by unit and period, the worst report deciding', async () => {
      const response = await get('office', 'submission-matrix', { planId, from: '2026-10', to: '2026-11' });
      expect(response.body.periods).toEqual(['2026-10', '2026-11']);
      const states = Object.fromEntries(
        (response.body.rows as Array<{ unitName: string; cells: Array<{ period: string; state: string }> }>).map(
          (row) => [row.unitName, row.cells.map((c) => `${c.period}:${c.state}`)],
        ),
      );
      expect(states).toEqual({
        [AGRI]: ['2026-10:on_time', '2026-11:not_due'],
        [ECO]: ['2026-10:late', '2026-11:not_due'],
        [LAND]: ['2026-10:missing', '2026-11:not_due'],
      });
      const eco = (response.body.rows as Array<{ unitName: string; cells: Array<{ counts: unknown }> }>).find(
        (r) => r.unitName === ECO,
      );
      expect(eco?.cells[0].counts).toEqual({ onTime: 1, late: 1, missing: 0, nothingToReport: 1, notDue: 0 });
    });

    it('should give the monthly on-time rate', async () => {
      const response = await get('office', 'trends', { planId, from: '2026-10', to: '2026-11' });
      expect(
        (response.body as Array<{ period: string; onTimeRate: number | null }>).map((p) => [p.period, p.onTimeRate]),
      ).toEqual([
        ['2026-10', 0.5],
        ['2026-11', null],
      ]);
    });

    it('should rank the supervised unit first on the yellow list and the clean one on the red list', async () => {
      const response = await get('leader', 'league-table', { planId });
      expect(response.body.warned.map((e: { unitName: string; rank: number }) => [e.unitName, e.rank])).toEqual([
        [LAND, 1],
        [ECO, 2],
      ]);
      expect(response.body.warned[0]).toMatchObject({ cases: 1, yellowWarnings: 1, interviews: 0 });
      expect(
        response.body.honour.map((e: { unitName: string; onTimeRate: number }) => [e.unitName, e.onTimeRate]),
      ).toEqual([[AGRI, 1]]);
    });
  });

  describe('jurisdiction', () => {
    it('should show a unit only its own figures', async () => {
      const overview = await get('liaison', 'overview', { planId, period: '2026-10' });
      expect(overview.body.totals).toMatchObject({ total: 1, units: 1, counts: { onTime: 1 } });
      const lights = await get('eco-liaison', 'lights', { planId });
      expect((lights.body.units as Array<{ unitName: string }>).map((u) => u.unitName)).toEqual([ECO]);
      const matrix = await get('eco-liaison', 'submission-matrix', { planId, from: '2026-10', to: '2026-11' });
      expect((matrix.body.rows as Array<{ unitName: string }>).map((r) => r.unitName)).toEqual([ECO]);
      const progress = await get('liaison', `plans/${planId}/progress`);
      expect((progress.body.units as Array<{ unitName: string }>).map((u) => u.unitName)).toEqual([AGRI]);
      const overdue = await get('eco-liaison', 'overdue/reports');
      expect(overdue.body.total).toBe(0);
    });

    it('should refuse a plan the caller has no part in', async () => {
      for (const path of ['overview', 'lights', 'trends', 'submission-matrix', 'league-table', 'overdue/reports']) {
        const response = await get('yangxi-liaison', path, { planId }, 403);
        expect(response.body.message).toContain('管辖范围');
      }
      await get('yangxi-liaison', `plans/${planId}/progress`, {}, 403);
      const plans = await get('yangxi-liaison', 'plans');
      expect(plans.body).toEqual([]);
    });

    it('should answer 404 for an unknown plan and 400 for a malformed period or range', async () => {
      await get('office', 'overview', { planId: 99999 }, 404);
      await get('office', 'overview', { period: '2026-13' }, 400);
      const reversed = await get('office', 'trends', { from: '2026-11', to: '2026-01' }, 400);
      expect(reversed.body.fields).toHaveProperty('from');
    });

    it('should refuse anyone not signed in', async () => {
      await request(t.http).get('/api/dashboard/overview').expect(401);
    });

    it('should show a unit of a county nothing of the city plan it has no part in', async () => {
      const overview = await get('yangxi-liaison', 'overview', { period: '2026-10' });
      expect(overview.body.totals.total).toBe(0);
      const league = await get('yangxi-liaison', 'league-table');
      expect(league.body).toMatchObject({ honour: [], warned: [] });
    });
  });
});
