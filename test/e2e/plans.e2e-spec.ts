import * as path from 'node:path';
import request from 'supertest';
import { unitIdByName } from '../factories/org-lookup';
import { startTestApp, TestApp } from '../factories/test-app';

const SEED_002 = path.resolve(__dirname, '../../../shared/seeds/002_ed72ecd477f74a50.txt');

interface TaskUnitBody {
  rawName: string;
  unitId: number | null;
}
interface TaskBody {
  id: number;
  ref: string;
  lead: TaskUnitBody[];
  participants: TaskUnitBody[];
  deadlines: Array<{ raw: string; date: string | null; kind: string }>;
}

describe('PlansController (e2e)', () => {
  let t: TestApp;
  let office: string;
  let liaison: string;
  let planId: number;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('office');
    liaison = await t.login('liaison');
  });
  afterAll(async () => t.close());

  describe('POST /api/plans/import', () => {
    it('should read seed 002 into a draft with the 附表7 tasks and most units resolved', async () => {
      const response = await request(t.http)
        .post('/api/plans/import')
        .set(as(office))
        .attach('file', SEED_002)
        .expect(201);
      planId = response.body.id;
      expect(response.body).toMatchObject({ status: 'draft', sourceForm: 'table', yearStart: 2017 });
      const tasks = response.body.tasks as TaskBody[];
      expect(tasks.length).toBeGreaterThanOrEqual(84);
      const named = tasks.flatMap((task) => [...task.lead, ...task.participants]);
      const resolved = named.filter((unit) => unit.unitId !== null).length;
      expect(resolved / named.length).toBeGreaterThan(0.9);
      expect(tasks.every((task) => task.deadlines.length > 0)).toBe(true);
    });

    it('should list the names it could not resolve with candidates', async () => {
      const response = await request(t.http).get(`/api/plans/${planId}/unresolved`).set(as(office)).expect(200);
      const names = (response.body as Array<{ rawName: string }>).map((u) => u.rawName);
      expect(names).toEqual(expect.arrayContaining(['粮食局']));
      expect(names).not.toContain('市环境保护局');
    });

    it('should refuse to publish and list every problem when units are unresolved', async () => {
      const response = await request(t.http).post(`/api/plans/${planId}/publish`).set(as(office)).expect(422);
      expect(response.body.message).toContain('问题');
      expect(
        Object.values(response.body.fields as Record<string, string[]>)
          .flat()
          .join(),
      ).toContain('粮食局');
      const plan = await request(t.http).get(`/api/plans/${planId}`).set(as(office)).expect(200);
      expect(plan.body.status).toBe('draft');
    });

    it('should refuse an empty file, a binary file, a fake .docx and text without clauses, storing nothing', async () => {
      const before = (await request(t.http).get('/api/plans').set(as(office)).expect(200)).body.length;
      const empty = await request(t.http)
        .post('/api/plans/import')
        .set(as(office))
        .attach('file', Buffer.alloc(0), 'empty.txt')
        .expect(400);
      expect(empty.body.fields).toHaveProperty('file');
      await request(t.http)
        .post('/api/plans/import')
        .set(as(office))
        .attach('file', Buffer.from([0, 1, 2, 3, 0, 255, 0, 0]), 'x.bin')
        .expect(400);
      await request(t.http)
        .post('/api/plans/import')
        .set(as(office))
        .attach('file', Buffer.from('not a zip'), 'plan.docx')
        .expect(400);
      await request(t.http)
        .post('/api/plans/import')
        .set(as(office))
        .send({ text: '这是一段没有任何责任条款的文字。\n第二行。' })
        .expect(400);
      await request(t.http).post('/api/plans/import').set(as(office)).send({}).expect(400);
      const after = (await request(t.http).get('/api/plans').set(as(office)).expect(200)).body.length;
      expect(after).toBe(before);
    });

    it('should answer 413 for a file over the size limit', async () => {
      const big = Buffer.alloc(21 * 1024 * 1024, 'a');
      await request(t.http).post('/api/plans/import').set(as(office)).attach('file', big, 'big.txt').expect(413);
    });

    it('should deny liaisons and leaders importing', async () => {
      await request(t.http).post('/api/plans/import').set(as(liaison)).send({ text: 'x' }).expect(403);
      const leader = await t.login('leader');
      await request(t.http).post('/api/plans/import').set(as(leader)).send({ text: 'x' }).expect(403);
    });
  });

  describe('review, then publish', () => {
    it('should resolve a name everywhere in the draft when the office maps it, and remember it as an alias', async () => {
      const ndrc = await unitIdByName(t, office, '阳江市发展和改革局');
      const mapped = await request(t.http)
        .post(`/api/plans/${planId}/unit-mappings`)
        .set(as(office))
        .send({ rawName: '粮食局', unitId: ndrc })
        .expect(200);
      expect(mapped.body.resolvedRows).toBeGreaterThan(0);
      const resolution = await request(t.http)
        .get('/api/units/resolve')
        .query({ name: '粮食局' })
        .set(as(office))
        .expect(200);
      expect(resolution.body).toMatchObject({ status: 'resolved', unitId: ndrc });
    });

    it('should refuse a mapping to a unit outside the plan jurisdiction or of a name not in the plan', async () => {
      await request(t.http)
        .post(`/api/plans/${planId}/unit-mappings`)
        .set(as(office))
        .send({ rawName: '不存在的局', unitId: 1 })
        .expect(400);
      await request(t.http)
        .post(`/api/plans/${planId}/unit-mappings`)
        .set(as(office))
        .send({ rawName: '粮食局', unitId: 999999 })
        .expect(400);
    });

    it('should let the office create a missing unit and map the remaining names, then publish', async () => {
      const cityId = await unitIdByName(t, office, '阳江市人民政府');
      const remaining = (await request(t.http).get(`/api/plans/${planId}/unresolved`).set(as(office)).expect(200))
        .body as Array<{ rawName: string }>;
      for (const { rawName } of remaining) {
        const unit = await request(t.http)
          .post('/api/units')
          .set(as(office))
          .send({
            parentId: cityId,
            kind: 'department',
            level: 'city',
            name: `阳江市${rawName.replace(/^市/, '')}（新建）`,
          })
          .expect(201);
        await request(t.http)
          .post(`/api/plans/${planId}/unit-mappings`)
          .set(as(office))
          .send({ rawName, unitId: unit.body.id })
          .expect(200);
      }
      const plan = await request(t.http).get(`/api/plans/${planId}`).set(as(office)).expect(200);
      expect(plan.body.problems).toEqual([]);
      const published = await request(t.http).post(`/api/plans/${planId}/publish`).set(as(office)).expect(200);
      expect(published.body.assignments).toBeGreaterThan(84);
      expect(published.body.notified).toBeGreaterThan(0);
      await request(t.http).post(`/api/plans/${planId}/publish`).set(as(office)).expect(409);
    });

    it('should refuse task edits after publication', async () => {
      const plan = await request(t.http).get(`/api/plans/${planId}`).set(as(office)).expect(200);
      const taskId = (plan.body.tasks as TaskBody[])[0].id;
      await request(t.http)
        .patch(`/api/plans/${planId}/tasks/${taskId}`)
        .set(as(office))
        .send({ title: '改' })
        .expect(409);
    });
  });

  describe('acknowledgement', () => {
    it('should notify the liaison in the inbox and let them acknowledge their tasks', async () => {
      const unread = await request(t.http).get('/api/inbox/unread-count').set(as(liaison)).expect(200);
      expect(unread.body.unread).toBeGreaterThan(0);
      const inbox = await request(t.http).get('/api/inbox').set(as(liaison)).expect(200);
      expect(inbox.body[0].title).toContain('请签收');
      const mine = await request(t.http).get('/api/assignments').query({ planId }).set(as(liaison)).expect(200);
      const agriId = await unitIdByName(t, office, '阳江市农业农村局');
      expect(mine.body.length).toBeGreaterThan(5);
      expect((mine.body as Array<{ unitId: number }>).every((a) => a.unitId === agriId)).toBe(true);
      const first = mine.body[0];
      const acked = await request(t.http).post(`/api/assignments/${first.id}/acknowledge`).set(as(liaison)).expect(200);
      expect(acked.body.status).toBe('acknowledged');
      const again = await request(t.http).post(`/api/assignments/${first.id}/acknowledge`).set(as(liaison)).expect(200);
      expect(again.body.acknowledgedAt).toBe(acked.body.acknowledgedAt);
    });

    it('should show the office who has not acknowledged', async () => {
      const response = await request(t.http).get(`/api/plans/${planId}/acknowledgements`).set(as(office)).expect(200);
      const agri = (response.body as Array<{ unitName: string; acknowledged: number; pending: number }>).find(
        (u) => u.unitName === '阳江市农业农村局',
      );
      expect(agri?.acknowledged).toBe(1);
      expect(agri?.pending).toBeGreaterThan(0);
    });

    it('should deny a liaison acknowledging or reading another unit assignment and the plan itself', async () => {
      const all = await request(t.http).get('/api/assignments').query({ planId }).set(as(office)).expect(200);
      const foreign = (all.body as Array<{ id: number; unitName: string }>).find(
        (a) => a.unitName === '阳江市生态环境局',
      );
      await request(t.http).post(`/api/assignments/${foreign?.id}/acknowledge`).set(as(liaison)).expect(403);
      await request(t.http).get(`/api/plans/${planId}`).set(as(liaison)).expect(403);
      await request(t.http).post(`/api/assignments/${foreign?.id}/acknowledge`).set(as(office)).expect(403);
    });

    it('should give 地方落实 tasks to the county governments, not to a county department', async () => {
      const all = await request(t.http).get('/api/assignments').query({ planId }).set(as(office)).expect(200);
      const local = (all.body as Array<{ role: string; unitName: string }>).filter((a) => a.role === 'local');
      expect(new Set(local.map((a) => a.unitName))).toEqual(new Set(['阳西县人民政府', '阳春市人民政府']));
      const countyDepartment = await t.login('yangxi-liaison');
      const mine = await request(t.http)
        .get('/api/assignments')
        .query({ planId })
        .set(as(countyDepartment))
        .expect(200);
      expect(mine.body).toEqual([]);
    });
  });
});
