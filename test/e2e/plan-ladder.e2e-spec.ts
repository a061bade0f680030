import request from 'supertest';
import { unitIdByName } from '../factories/org-lookup';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头，市生态环境局参与）',
  '二、建设用地',
  '（二）建立建设用地土壤环境监管清单。持续实施。（市生态环境局牵头，市自然资源局参与）',
].join('\n');

interface LadderBody {
  planId: number;
  custom: boolean;
  yellowWarningAfterWorkingDays: number;
  redWarningAfterWorkingDays: number;
  supervisionAfterWorkingDays: number;
  officeOpensAt: string;
  officeClosesAt: string;
  defaults: Record<string, unknown>;
  replanned?: number;
}

interface WarningBody {
  kind: string;
  unitId: number;
  createdAt?: string;
  issuedAt?: string;
}

/**
 * The office's ladder per plan (督办规则): who may read and change it, what a bad value gets, and that the engine
 * follows a change for obligations already open — a later yellow warning, an earlier office opening, a red warning
 * brought forward — without undoing what was issued.
 */
describe('Plan ladder (e2e)', () => {
  let t: TestApp;
  let planId: number;
  let agriId: number;

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ladderUrl = () => `/api/plans/${planId}/ladder`;

  async function moveTo(iso: string): Promise<string> {
    t.clock.set(new Date(iso));
    const office = await t.login('office');
    await request(t.http).post('/api/dev/clock').set(as(office)).send({ now: iso }).expect(200);
    return office;
  }

  async function agriWarnings(kind: string): Promise<WarningBody[]> {
    const office = await t.login('office');
    const response = await request(t.http).get('/api/warnings').set(as(office)).expect(200);
    return (response.body as WarningBody[]).filter((w) => w.kind === kind && w.unitId === agriId);
  }

  async function ladderUpdates(): Promise<Array<{ action: string; before: unknown; after: unknown }>> {
    const response = await request(t.http)
      .get('/api/audit')
      .query({ entityType: 'plan', entityId: String(planId), limit: 200 })
      .set(as(await t.login('office')))
      .expect(200);
    return (response.body as Array<{ action: string; before: unknown; after: unknown }>).filter(
      (entry) => entry.action === 'escalation.ladder.update',
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    const office = await moveTo('2026-11-05T10:00:00+08:00');
    const imported = await request(t.http).post('/api/plans/import').set(as(office)).send({ text: PLAN_TEXT });
    expect(imported.status).toBe(201);
    planId = (imported.body as { id: number }).id;
    await request(t.http).post(`/api/plans/${planId}/publish`).set(as(office)).expect(200);
    agriId = await unitIdByName(t, office, '阳江市农业农村局');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/plans/:id/ladder', () => {
    it('should show the default ladder when the office has set none', async () => {
      const response = await request(t.http)
        .get(ladderUrl())
        .set(as(await t.login('leader')))
        .expect(200);
      const body = response.body as LadderBody;
      expect(body).toMatchObject({
        planId,
        custom: false,
        reminderWorkingDaysBeforeDue: 2,
        remindOnDueDate: true,
        yellowWarningAfterWorkingDays: 1,
        redWarningAfterWorkingDays: 5,
        supervisionAfterWorkingDays: 10,
        supervisionOnConsecutiveOverdue: true,
        rectificationWorkingDays: 10,
        officeOpensAt: '09:00',
        officeClosesAt: '18:00',
        progressLagMarginPoints: 20,
      });
      expect(body.defaults).toMatchObject({ yellowWarningAfterWorkingDays: 1, officeOpensAt: '09:00' });
    });

    it('should refuse a liaison when it reads a plan ladder', async () => {
      await request(t.http)
        .get(ladderUrl())
        .set(as(await t.login('liaison')))
        .expect(403);
    });

    it('should answer 404 when the plan does not exist', async () => {
      await request(t.http)
        .get('/api/plans/999999/ladder')
        .set(as(await t.login('office')))
        .expect(404);
    });
  });

  describe('PUT /api/plans/:id/ladder', () => {
    it('should refuse a liaison, a supervisor and a leader when they change the ladder', async () => {
      for (const username of ['liaison', 'supervisor', 'leader']) {
        await request(t.http)
          .put(ladderUrl())
          .set(as(await t.login(username)))
          .send({ yellowWarningAfterWorkingDays: 2 })
          .expect(403);
      }
    });

    it('should refuse the office of another government when the plan is not in its jurisdiction', async () => {
      const admin = await t.login('admin');
      const yangxi = await unitIdByName(t, admin, '阳西县人民政府');
      await request(t.http)
        .post('/api/users')
        .set(as(admin))
        .send({
          username: 'yangxi-office',
          displayName: '阳西县办公室',
          password: 'Yangxi2026pass',
          role: 'office_admin',
          unitId: yangxi,
        })
        .expect(201);
      const countyOffice = await t.login('yangxi-office', 'Yangxi2026pass');
      await request(t.http).get(ladderUrl()).set(as(countyOffice)).expect(403);
      await request(t.http)
        .put(ladderUrl())
        .set(as(countyOffice))
        .send({ yellowWarningAfterWorkingDays: 2 })
        .expect(403);
    });

    it.each([
      [{ yellowWarningAfterWorkingDays: 0 }, 'yellowWarningAfterWorkingDays'],
      [{ yellowWarningAfterWorkingDays: 1.5 }, 'yellowWarningAfterWorkingDays'],
      [{ redWarningAfterWorkingDays: -3 }, 'redWarningAfterWorkingDays'],
      [{ yellowWarningAfterWorkingDays: 6 }, 'redWarningAfterWorkingDays'],
      [{ supervisionAfterWorkingDays: 5 }, 'supervisionAfterWorkingDays'],
      [{ rectificationWorkingDays: null }, 'rectificationWorkingDays'],
      [{ reminderWorkingDaysBeforeDue: 0 }, 'reminderWorkingDaysBeforeDue'],
      [{ remindOnDueDate: 'yes' }, 'remindOnDueDate'],
      [{ officeOpensAt: '9:00' }, 'officeOpensAt'],
      [{ officeOpensAt: '24:00' }, 'officeOpensAt'],
      [{ officeClosesAt: '08:30' }, 'officeClosesAt'],
      [{ progressLagMargin: 20 }, 'progressLagMargin'],
      [{ progressLagMarginPoints: 101 }, 'progressLagMarginPoints'],
      [{ progressLagMarginPoints: null }, 'progressLagMarginPoints'],
    ])('should answer 400 naming the field and store nothing when the body is %j', async (body, field) => {
      const office = await t.login('office');
      const response = await request(t.http).put(ladderUrl()).set(as(office)).send(body).expect(400);
      expect(Object.keys((response.body as { fields: Record<string, string[]> }).fields)).toContain(field);
      const after = await request(t.http).get(ladderUrl()).set(as(office)).expect(200);
      expect((after.body as LadderBody).custom).toBe(false);
      expect(await ladderUpdates()).toEqual([]);
    });

    it('should follow the new ladder for obligations already open and keep what was issued', async () => {
      // 3 December, after the due-date reminders: the default ladder has each lead's yellow warning planned for
      // 4 December 09:00. The office moves it to the 3rd working day overdue and opens the office at 08:30.
      let office = await moveTo('2026-12-03T10:00:00+08:00');
      const changed = await request(t.http)
        .put(ladderUrl())
        .set(as(office))
        .send({
          yellowWarningAfterWorkingDays: 3,
          redWarningAfterWorkingDays: 6,
          supervisionAfterWorkingDays: 11,
          officeOpensAt: '08:30',
        })
        .expect(200);
      expect(changed.body as LadderBody).toMatchObject({
        custom: true,
        yellowWarningAfterWorkingDays: 3,
        officeOpensAt: '08:30',
        officeClosesAt: '18:00',
      });
      expect((changed.body as LadderBody).replanned).toBeGreaterThanOrEqual(4);
      const updates = await ladderUpdates();
      expect(updates).toHaveLength(1);
      expect(updates[0].before).toMatchObject({ yellowWarningAfterWorkingDays: 1, custom: false });
      expect(updates[0].after).toMatchObject({ yellowWarningAfterWorkingDays: 3, officeOpensAt: '08:30' });

      // 4 December: the old day of the yellow warning passes without one for 市农业农村局 (due 3 December).
      await moveTo('2026-12-04T09:30:00+08:00');
      await moveTo('2026-12-07T17:00:00+08:00');
      expect(await agriWarnings('yellow')).toEqual([]);

      // 8 December, the third working day overdue, 08:40: issued from the plan's 08:30 opening.
      await moveTo('2026-12-08T08:40:00+08:00');
      expect(await agriWarnings('yellow')).toHaveLength(1);

      // The office brings the red warning forward to the 4th working day: the timer planned for the 6th (11 December)
      // is planned again, and the red warning comes on 9 December. The yellow one stays.
      office = await t.login('office');
      await request(t.http).put(ladderUrl()).set(as(office)).send({ redWarningAfterWorkingDays: 4 }).expect(200);
      await moveTo('2026-12-09T08:35:00+08:00');
      expect(await agriWarnings('red')).toHaveLength(1);
      expect(await agriWarnings('yellow')).toHaveLength(1);
      expect(await ladderUpdates()).toHaveLength(2);
    });
  });
});
