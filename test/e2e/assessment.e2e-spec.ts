import request from 'supertest';
import { unitIdByName } from '../factories/org-lookup';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）完成农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头）',
  '二、建设用地',
  '（二）建立建设用地土壤环境监管清单。持续实施。（市生态环境局牵头）',
  '（三）完成重点行业企业用地调查。2026年底前完成。（市自然资源局牵头）',
].join('\n');

interface ObligationBody {
  id: number;
  unitName: string;
  period: string;
  status: string;
}
interface TraceLineBody {
  component: string;
  category: string;
  points: number;
  reason: string;
  refs: Array<{ type: string; id: number }>;
}
interface ResultBody {
  id: number;
  unitId: number;
  unitName: string;
  group: string;
  rank: number | null;
  scored: boolean;
  note: string | null;
  timeliness: number | null;
  completion: number | null;
  reviewQuality: number | null;
  deductions: number | null;
  bonus: number | null;
  adjustments: number | null;
  total: number | null;
  grade: string | null;
  gradeLabel: string | null;
  version: number;
  isCurrent: boolean;
}
interface ResultDetailBody extends ResultBody {
  trace: TraceLineBody[];
  refLabels: Array<{ type: string; id: number; label: string; obligationId: number | null }>;
  versions: Array<{ id: number; version: number; isCurrent: boolean }>;
  run: { status: string; schemeVersion: number };
}

const cents = (points: number) => Math.round(points * 100);
const sumOfTrace = (trace: TraceLineBody[]) => trace.reduce((sum, line) => sum + cents(line.points), 0);

/**
 * A small year on the embedded engine with the dev clock: 市农业农村局 reports on time and completes its task,
 * 市生态环境局 reports one month late, 市自然资源局 never reports and is escalated to a supervision case and an
 * interview. The office scores the year, adjusts, releases the draft; a unit appeals, the office decides and
 * publishes; a leader reads the ranking; a later correction is a new version.
 */
describe('Year-end assessment (e2e)', () => {
  let t: TestApp;
  let planId: number;
  let runId: number;
  let agriId: number;
  let ecoId: number;
  let landId: number;
  const results = new Map<number, ResultBody>();
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  /** Moves the dev clock, which opens periods and runs every due escalation step. */
  async function moveTo(iso: string): Promise<string> {
    t.clock.set(new Date(iso));
    const office = await t.login('office');
    await request(t.http).post('/api/dev/clock').set(as(office)).send({ now: iso }).expect(200);
    return office;
  }

  async function obligation(token: string, unitName: string, period: string): Promise<ObligationBody> {
    const response = await request(t.http).get('/api/obligations').query({ period }).set(as(token)).expect(200);
    const found = (response.body as { items: ObligationBody[] }).items.find((o) => o.unitName === unitName);
    if (!found) {
      throw new Error(`no obligation of ${unitName} for ${period}`);
    }
    return found;
  }

  async function report(user: string, unitName: string, period: string, percent: number, rating: number) {
    const token = await t.login(user);
    const target = await obligation(token, unitName, period);
    await request(t.http)
      .post(`/api/obligations/${target.id}/submissions`)
      .set(as(token))
      .send({ kind: 'progress', progressText: `${period} 工作进展`, percentComplete: percent })
      .expect(201);
    await request(t.http)
      .post(`/api/obligations/${target.id}/accept`)
      .set(as(await t.login('office')))
      .send({ rating })
      .expect(200);
  }

  async function refreshResults(token: string): Promise<void> {
    const response = await request(t.http).get(`/api/assessment/runs/${runId}/results`).set(as(token)).expect(200);
    for (const row of response.body as ResultBody[]) {
      results.set(row.unitId, row);
    }
  }

  const resultOf = (unitId: number) => results.get(unitId) as ResultBody;

  async function detail(token: string, unitId: number): Promise<ResultDetailBody> {
    return (
      await request(t.http)
        .get(`/api/assessment/results/${resultOf(unitId).id}`)
        .set(as(token))
        .expect(200)
    ).body as ResultDetailBody;
  }

  it('should live through a year with on-time, late and escalated units', async () => {
    const office = await moveTo('2026-10-12T10:00:00+08:00');
    const imported = await request(t.http)
      .post('/api/plans/import')
      .set(as(office))
      .send({ text: PLAN_TEXT })
      .expect(201);
    expect(imported.body.problems).toEqual([]);
    planId = imported.body.id as number;
    await request(t.http).post(`/api/plans/${planId}/publish`).set(as(office)).expect(200);
    agriId = await unitIdByName(t, office, '阳江市农业农村局');
    ecoId = await unitIdByName(t, office, '阳江市生态环境局');
    landId = await unitIdByName(t, office, '阳江市自然资源局');

    // October: 市农业农村局 on time; 市生态环境局 late, after its yellow warning; 市自然资源局 never.
    await moveTo('2026-11-02T10:00:00+08:00');
    await report('liaison', '阳江市农业农村局', '2026-10', 50, 5);
    await moveTo('2026-11-04T09:30:00+08:00');
    await report('eco-liaison', '阳江市生态环境局', '2026-10', 30, 3);
    await moveTo('2026-11-10T09:30:00+08:00');
    await moveTo('2026-11-17T09:30:00+08:00');

    // November: both on time; 市农业农村局 declares its once-task complete.
    await moveTo('2026-12-01T10:00:00+08:00');
    await report('liaison', '阳江市农业农村局', '2026-11', 100, 5);
    await report('eco-liaison', '阳江市生态环境局', '2026-11', 45, 4);
    await moveTo('2026-12-02T09:30:00+08:00');
    await moveTo('2026-12-04T09:30:00+08:00');
    await moveTo('2026-12-21T10:00:00+08:00');

    const cases = await request(t.http)
      .get('/api/supervision-cases')
      .set(as(await t.login('office')))
      .expect(200);
    expect((cases.body as Array<{ unitId: number }>).some((c) => c.unitId === landId)).toBe(true);
  });

  describe('scoring scheme', () => {
    const scheme = {
      weights: { timeliness: 25, completion: 40, reviewQuality: 15, indicators: 20 },
      deductions: {
        freeYellowWarnings: 1,
        yellowWarning: 1,
        redWarning: 2,
        progressLagWarning: 0,
        supervisionCase: 2,
        interview: 3,
        cap: null,
      },
      bonusCap: 5,
      grades: { excellent: 90, good: 80, pass: 60 },
      appealWorkingDays: 5,
    };

    it('should offer the defaults until the office saves a version', async () => {
      const response = await request(t.http)
        .get('/api/assessment/schemes')
        .query({ planId, year: 2026 })
        .set(as(await t.login('office')))
        .expect(200);
      expect(response.body).toMatchObject({ version: null, isDefault: true, scheme });
    });

    it('should refuse a scheme that does not hold together, naming the field, and store nothing', async () => {
      const office = await t.login('office');
      const put = (body: object) =>
        request(t.http)
          .put('/api/assessment/schemes')
          .set(as(office))
          .send({ planId, year: 2026, ...scheme, ...body })
          .expect(400);
      expect((await put({ weights: { ...scheme.weights, indicators: 15 } })).body.fields.weights).toBeDefined();
      expect(
        (await put({ deductions: { ...scheme.deductions, cap: -1 } })).body.fields['deductions.cap'],
      ).toBeDefined();
      expect((await put({ bonusCap: -2 })).body.fields.bonusCap).toBeDefined();
      expect((await put({ grades: { excellent: 80, good: 85, pass: 60 } })).body.fields.grades).toBeDefined();
      const versions = await request(t.http)
        .get('/api/assessment/schemes/versions')
        .query({ planId, year: 2026 })
        .set(as(office))
        .expect(200);
      expect(versions.body).toEqual([]);
    });

    it('should version every change', async () => {
      const office = await t.login('office');
      await request(t.http)
        .put('/api/assessment/schemes')
        .set(as(office))
        .send({ planId, year: 2026, ...scheme, bonusCap: 3 })
        .expect(200);
      const second = await request(t.http)
        .put('/api/assessment/schemes')
        .set(as(office))
        .send({ planId, year: 2026, ...scheme })
        .expect(200);
      expect(second.body).toMatchObject({ version: 2, isDefault: false });
    });

    it('should not let a unit change the scheme', async () => {
      await request(t.http)
        .put('/api/assessment/schemes')
        .set(as(await t.login('liaison')))
        .send({ planId, year: 2026, ...scheme })
        .expect(403);
    });
  });

  describe('draft', () => {
    it('should record a recognised innovation before computing', async () => {
      await request(t.http)
        .post('/api/assessment/bonuses')
        .set(as(await t.login('office')))
        .send({ planId, year: 2026, unitId: ecoId, points: 2, reason: '率先建立建设用地土壤环境监管清单动态更新机制' })
        .expect(201);
    });

    it('should score every unit of the plan, once per plan and year', async () => {
      const office = await t.login('office');
      const started = await request(t.http)
        .post('/api/assessment/runs')
        .set(as(office))
        .send({ planId, year: 2026 })
        .expect(201);
      runId = started.body.id as number;
      expect(started.body).toMatchObject({ status: 'draft', schemeVersion: 2, computation: { revision: 1 } });
      await request(t.http).post('/api/assessment/runs').set(as(office)).send({ planId, year: 2026 }).expect(409);
      await refreshResults(office);

      // 2/2 on time, 1/1 deadline met, ratings 5 and 5; no indicators: 25 + 40 + 15 rescaled to 100.
      expect(resultOf(agriId)).toMatchObject({ scored: true, total: 100, gradeLabel: '优秀', rank: 1 });
      // 1/2 on time → 25/40 × 100 × 0.5 = 31.25; ratings 3 and 4 → 15/40 × 100 × 0.7 = 26.25; first yellow free;
      // bonus 2 → 59.5.
      expect(resultOf(ecoId)).toMatchObject({
        timeliness: 31.25,
        reviewQuality: 26.25,
        deductions: 0,
        bonus: 2,
        total: 59.5,
        gradeLabel: '不合格',
        rank: 2,
      });
      // Nothing reported, warned, red-carded, under supervision and interviewed: deductions below 0, floored.
      const land = resultOf(landId);
      expect(land).toMatchObject({ scored: true, timeliness: 0, total: 0, rank: 3 });
      expect(land.deductions).toBeLessThan(0);
      // Departments and lower governments without tasks are listed, without a score.
      const idle = [...results.values()].filter((r) => !r.scored);
      expect(idle.length).toBeGreaterThan(10);
      expect(idle.every((r) => r.total === null && r.rank === null && r.note?.includes('未承担'))).toBe(true);
      expect(idle.some((r) => r.group === 'government')).toBe(true);
    });

    it('should trace every point to the records, adding up to the total', async () => {
      const office = await t.login('office');
      for (const unitId of [agriId, ecoId, landId]) {
        const body = await detail(office, unitId);
        expect(sumOfTrace(body.trace)).toBe(cents(body.total ?? NaN));
      }
      const land = await detail(office, landId);
      const refTypes = new Set(land.trace.flatMap((l) => l.refs.map((r) => r.type)));
      for (const type of ['obligation', 'warning', 'case', 'interview']) {
        expect(refTypes).toContain(type);
      }
      expect(land.trace.find((l) => l.category === 'floor')).toBeDefined();
      const eco = await detail(office, ecoId);
      expect(eco.trace.find((l) => l.component === 'timeliness')?.refs).toHaveLength(1);
      expect(eco.trace.find((l) => l.component === 'bonus')?.reason).toContain('先行先试');
    });

    it('should name the records behind the points: which report was late or missing, which case', async () => {
      const office = await t.login('office');
      const labels = async (unitId: number) =>
        (await detail(office, unitId)).refLabels.map((ref) => [ref.type, ref.label, ref.obligationId]);
      const land = await labels(landId);
      expect(land).toContainEqual([
        'obligation',
        expect.stringMatching(/^2026-10 · 完成重点行业企业用地调查 · 截止 2026年11月\d+日 \d\d:\d\d，逾期未报$/),
        null,
      ]);
      expect(land).toContainEqual(['warning', expect.stringMatching(/^黄色预警 · 2026年11月/), null]);
      expect(land).toContainEqual(['case', expect.stringMatching(/^督办〔2026〕\d+号 · 2026年11月.* 立案$/), null]);
      expect(land).toContainEqual(['interview', expect.stringMatching(/^2026年\d+月\d+日 \d\d:\d\d · .+/), null]);
      const eco = await labels(ecoId);
      expect(eco).toContainEqual([
        'obligation',
        expect.stringMatching(/^2026-10 · 建立建设用地土壤环境监管清单 · .*2026年11月4日 \d\d:\d\d 逾期报送$/),
        null,
      ]);
      // The accepted report that met 市农业农村局's deadline, with the report it belongs to for a link.
      const met = (await labels(agriId)).find(([type]) => type === 'submission');
      expect(met).toEqual([
        'submission',
        expect.stringMatching(/^2026-11 · 完成农用地土壤污染状况详查 · /),
        expect.any(Number),
      ]);
    });

    it('should keep drafts from units and leaders', async () => {
      await request(t.http)
        .get(`/api/assessment/results/${resultOf(agriId).id}`)
        .set(as(await t.login('liaison')))
        .expect(403);
      await request(t.http)
        .get(`/api/assessment/runs/${runId}/results`)
        .set(as(await t.login('leader')))
        .expect(403);
      await request(t.http)
        .get(`/api/assessment/runs/${runId}/rankings`)
        .set(as(await t.login('leader')))
        .expect(403);
    });

    it('should let the office adjust with a reason only, audited', async () => {
      const office = await t.login('office');
      const url = `/api/assessment/results/${resultOf(agriId).id}/adjustments`;
      const missing = await request(t.http).post(url).set(as(office)).send({ points: -1 }).expect(400);
      expect(missing.body.fields.reason).toBeDefined();
      const blank = await request(t.http).post(url).set(as(office)).send({ points: -1, reason: '   ' }).expect(400);
      expect(blank.body.fields.reason).toBeDefined();
      await request(t.http)
        .post(url)
        .set(as(await t.login('liaison')))
        .send({ points: 5, reason: '自评' })
        .expect(403);
      await request(t.http)
        .post(url)
        .set(as(await t.login('leader')))
        .send({ points: 5, reason: '领导意见' })
        .expect(403);
      const adjusted = await request(t.http)
        .post(url)
        .set(as(office))
        .send({ points: -1, reason: '11月报告佐证材料不全' })
        .expect(201);
      expect(adjusted.body).toMatchObject({ total: 99, adjustments: -1 });
      expect(sumOfTrace((adjusted.body as ResultDetailBody).trace)).toBe(9900);
      const audit = await request(t.http)
        .get('/api/audit')
        .query({ entityType: 'assessment_result' })
        .set(as(office))
        .expect(200);
      expect((audit.body as Array<{ action: string }>).map((a) => a.action)).toContain('assessment.result.adjust');
    });
  });

  describe('appeal window', () => {
    it('should release the draft with a deadline of 5 working days', async () => {
      const released = await request(t.http)
        .post(`/api/assessment/runs/${runId}/release`)
        .set(as(await t.login('office')))
        .expect(200);
      // Released Monday 21 December: 22, 23, 24, 25, 28 December, end of office hours.
      expect(released.body).toMatchObject({
        status: 'released',
        appealDeadline: new Date('2026-12-28T18:00:00+08:00').toISOString(),
        appealWindowOpen: true,
      });
    });

    it('should show each unit its own draft and no other', async () => {
      const eco = await t.login('eco-liaison');
      const mine = await request(t.http).get('/api/assessment/results/mine').set(as(eco)).expect(200);
      expect((mine.body as ResultBody[]).map((r) => r.unitId)).toEqual([ecoId]);
      const own = await request(t.http)
        .get(`/api/assessment/results/${resultOf(ecoId).id}`)
        .set(as(eco))
        .expect(200);
      expect(own.body.trace.length).toBeGreaterThan(0);
      await request(t.http)
        .get(`/api/assessment/results/${resultOf(agriId).id}`)
        .set(as(eco))
        .expect(403);
      await request(t.http).get(`/api/assessment/runs/${runId}/results`).set(as(eco)).expect(403);
    });

    let appealId: number;

    it('should take a unit appeal on its own result, one at a time', async () => {
      const eco = await t.login('eco-liaison');
      await request(t.http)
        .post(`/api/assessment/results/${resultOf(agriId).id}/appeals`)
        .set(as(eco))
        .send({ text: '替他人申诉' })
        .expect(403);
      const filed = await request(t.http)
        .post(`/api/assessment/results/${resultOf(ecoId).id}/appeals`)
        .set(as(eco))
        .send({ text: '10月报告因系统升级延迟一日提交，附系统故障说明。', attachments: ['附件-故障说明-001'] })
        .expect(201);
      appealId = filed.body.id as number;
      expect(filed.body).toMatchObject({
        status: 'pending',
        unitName: '阳江市生态环境局',
        attachments: ['附件-故障说明-001'],
      });
      await request(t.http)
        .post(`/api/assessment/results/${resultOf(ecoId).id}/appeals`)
        .set(as(eco))
        .send({ text: '再次申诉' })
        .expect(409);
    });

    it('should refuse publication during the window', async () => {
      const response = await request(t.http)
        .post(`/api/assessment/runs/${runId}/publish`)
        .set(as(await t.login('office')))
        .expect(409);
      expect(response.body.message).toContain('2026年12月28日 18:00');
    });

    it('should let the office decide the appeal with an adjustment and a reason', async () => {
      const office = await t.login('office');
      const url = `/api/assessment/appeals/${appealId}/decision`;
      await request(t.http).post(url).set(as(office)).send({ decision: 'accept', reason: '情况属实' }).expect(400);
      await request(t.http)
        .post(url)
        .set(as(await t.login('eco-liaison')))
        .send({ decision: 'accept', points: 50, reason: '自己批准' })
        .expect(403);
      const decided = await request(t.http)
        .post(url)
        .set(as(office))
        .send({ decision: 'accept', points: 5, reason: '经核实系统故障属实，10月报告视为按时报送' })
        .expect(200);
      expect(decided.body).toMatchObject({ status: 'accepted', unitName: '阳江市生态环境局' });
      await request(t.http).post(url).set(as(office)).send({ decision: 'reject', reason: '重复处理' }).expect(409);
      const eco = await detail(office, ecoId);
      expect(eco).toMatchObject({ total: 64.5, gradeLabel: '合格' });
      const appealLine = eco.trace.find((l) => l.component === 'appeal');
      expect(appealLine?.refs).toContainEqual({ type: 'appeal', id: appealId });
      expect(sumOfTrace(eco.trace)).toBe(6450);
    });

    it('should refuse appeals after the window, naming the deadline', async () => {
      await moveTo('2026-12-29T10:00:00+08:00');
      const response = await request(t.http)
        .post(`/api/assessment/results/${resultOf(ecoId).id}/appeals`)
        .set(as(await t.login('eco-liaison')))
        .send({ text: '补充申诉' })
        .expect(409);
      expect(response.body.message).toContain('2026年12月28日 18:00');
    });
  });

  describe('publication', () => {
    it('should publish once, and refuse a second publication', async () => {
      const office = await t.login('office');
      const published = await request(t.http).post(`/api/assessment/runs/${runId}/publish`).set(as(office)).expect(200);
      expect(published.body.status).toBe('published');
      await request(t.http).post(`/api/assessment/runs/${runId}/publish`).set(as(office)).expect(409);
    });

    it('should let a leader read the published ranking within each level', async () => {
      const leader = await t.login('leader');
      const rankings = await request(t.http).get(`/api/assessment/runs/${runId}/rankings`).set(as(leader)).expect(200);
      const departments = (rankings.body as Array<{ group: string; label: string; rows: ResultBody[] }>).find(
        (g) => g.group === 'department',
      );
      expect(departments?.label).toBe('市直部门');
      expect(departments?.rows.filter((r) => r.scored).map((r) => [r.unitName, r.rank, r.total])).toEqual([
        ['阳江市农业农村局', 1, 99],
        ['阳江市生态环境局', 2, 64.5],
        ['阳江市自然资源局', 3, 0],
      ]);
      await request(t.http)
        .get(`/api/assessment/results/${resultOf(ecoId).id}`)
        .set(as(leader))
        .expect(200);
      await request(t.http).post(`/api/assessment/runs/${runId}/compute`).set(as(leader)).expect(403);
    });

    it('should freeze published results: a correction is a new, audited version', async () => {
      const office = await t.login('office');
      const before = await detail(office, landId);
      await request(t.http)
        .post(`/api/assessment/results/${before.id}/adjustments`)
        .set(as(office))
        .send({ points: 1, reason: '发布后调整' })
        .expect(409);
      await request(t.http).post(`/api/assessment/runs/${runId}/compute`).set(as(office)).expect(409);
      const corrected = await request(t.http)
        .post(`/api/assessment/results/${resultOf(ecoId).id}/corrections`)
        .set(as(office))
        .send({ points: 1, reason: '复核发现11月报告评分录入有误' })
        .expect(201);
      const body = corrected.body as ResultDetailBody;
      expect(body).toMatchObject({ version: 2, isCurrent: true, total: 65.5 });
      expect(body.versions.map((v) => [v.version, v.isCurrent])).toEqual([
        [1, false],
        [2, true],
      ]);
      const old = await request(t.http)
        .get(`/api/assessment/results/${resultOf(ecoId).id}`)
        .set(as(office))
        .expect(200);
      expect(old.body).toMatchObject({ version: 1, isCurrent: false, total: 64.5 });
      await request(t.http)
        .post(`/api/assessment/results/${resultOf(ecoId).id}/corrections`)
        .set(as(office))
        .send({ points: 1, reason: '在旧版本上更正' })
        .expect(409);
      const audit = await request(t.http)
        .get('/api/audit')
        .query({ entityType: 'assessment_run' })
        .set(as(office))
        .expect(200);
      const actions = (audit.body as Array<{ action: string }>).map((a) => a.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'assessment.run.start',
          'assessment.run.compute',
          'assessment.run.release',
          'assessment.run.publish',
        ]),
      );
    });
  });
});
