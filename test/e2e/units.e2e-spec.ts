import request from 'supertest';
import { AuditSealer, AuditService } from '@app/audit';
import { unitIdByName } from '../factories/org-lookup';
import { startTestApp, TestApp } from '../factories/test-app';

describe('UnitsController (e2e)', () => {
  let t: TestApp;
  let office: string;
  let liaison: string;
  let leader: string;
  let agriId: number;
  let ecoId: number;
  let cityId: number;
  let yangxiId: number;

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('office');
    liaison = await t.login('liaison');
    leader = await t.login('leader');
    agriId = await unitIdByName(t, office, '阳江市农业农村局');
    ecoId = await unitIdByName(t, office, '阳江市生态环境局');
    cityId = await unitIdByName(t, office, '阳江市人民政府');
    yangxiId = await unitIdByName(t, office, '阳西县人民政府');
  });
  afterAll(async () => t.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  describe('GET /api/units', () => {
    it('should list the whole city tree when the office asks', async () => {
      const response = await request(t.http).get('/api/units').set(as(office)).expect(200);
      const names = (response.body as Array<{ name: string }>).map((u) => u.name);
      expect(names).toEqual(
        expect.arrayContaining(['阳江市人民政府', '阳江市土壤污染防治工作领导小组办公室', '阳西县农业农村局']),
      );
      expect(names.length).toBeGreaterThan(30);
    });

    it('should list only its own unit when a liaison asks', async () => {
      const response = await request(t.http).get('/api/units').set(as(liaison)).expect(200);
      expect((response.body as Array<{ id: number }>).map((u) => u.id)).toEqual([agriId]);
    });

    it('should answer 401 when nobody is signed in', async () => {
      await request(t.http).get('/api/units').expect(401);
    });
  });

  describe('GET /api/units/:id', () => {
    it('should show a unit with its aliases when it is in the caller jurisdiction', async () => {
      const response = await request(t.http).get(`/api/units/${ecoId}`).set(as(office)).expect(200);
      expect(response.body.aliases.map((a: { alias: string }) => a.alias)).toContain('环境保护局');
    });

    it('should deny a liaison another unit', async () => {
      await request(t.http).get(`/api/units/${ecoId}`).set(as(liaison)).expect(403);
      await request(t.http).get(`/api/units/${agriId}`).set(as(liaison)).expect(200);
    });

    it('should answer 404 when the id is unknown or not a number', async () => {
      await request(t.http).get('/api/units/999999').set(as(office)).expect(404);
      await request(t.http).get('/api/units/abc').set(as(office)).expect(404);
    });
  });

  describe('POST /api/units', () => {
    it('should create a unit and record it in the audit trail when the office adds one in its jurisdiction', async () => {
      const response = await request(t.http)
        .post('/api/units')
        .set(as(office))
        .send({
          parentId: cityId,
          kind: 'department',
          level: 'city',
          name: '阳江市粮食和物资储备局',
          shortName: '市粮食局',
        })
        .expect(201);
      const audit = await request(t.http)
        .get('/api/audit')
        .query({ entityType: 'unit', entityId: String(response.body.id) })
        .set(as(office))
        .expect(200);
      expect(audit.body[0]).toMatchObject({
        action: 'unit.create',
        actor: 'user:office',
        after: { name: '阳江市粮食和物资储备局' },
      });
    });

    it('should deny a liaison and a leader', async () => {
      const body = { parentId: cityId, kind: 'department', level: 'city', name: '阳江市某局' };
      await request(t.http).post('/api/units').set(as(liaison)).send(body).expect(403);
      await request(t.http).post('/api/units').set(as(leader)).send(body).expect(403);
    });

    it('should deny a county office creating under the city when the parent is outside its county', async () => {
      const admin = await t.login('admin');
      await request(t.http)
        .post('/api/users')
        .set(as(admin))
        .send({
          username: 'yangxi-office',
          displayName: '阳西县土壤办',
          password: 'County2026pass',
          role: 'office_admin',
          unitId: yangxiId,
        })
        .expect(201);
      const countyOffice = await t.login('yangxi-office', 'County2026pass');
      await request(t.http)
        .post('/api/units')
        .set(as(countyOffice))
        .send({ parentId: cityId, kind: 'department', level: 'city', name: '阳江市越权局' })
        .expect(403);
      await request(t.http).get(`/api/units/${ecoId}`).set(as(countyOffice)).expect(403);
      await request(t.http)
        .post('/api/units')
        .set(as(countyOffice))
        .send({ parentId: yangxiId, kind: 'department', level: 'county', name: '阳西县水务局' })
        .expect(201);
    });

    it('should name every bad field and store nothing when the body is invalid', async () => {
      const before = await request(t.http).get('/api/units').set(as(office)).expect(200);
      const response = await request(t.http)
        .post('/api/units')
        .set(as(office))
        .send({ parentId: 'x', kind: 'bureau', level: 'city', name: '局'.repeat(101), colour: 'red' })
        .expect(400);
      expect(Object.keys(response.body.fields).sort()).toEqual(['colour', 'kind', 'name', 'parentId']);
      expect(response.body.fields.name).toContain('长度不能超过 100 个字符');
      const after = await request(t.http).get('/api/units').set(as(office)).expect(200);
      expect(after.body.length).toBe(before.body.length);
    });

    it('should answer 409 when the name already exists under the same parent', async () => {
      await request(t.http)
        .post('/api/units')
        .set(as(office))
        .send({ parentId: cityId, kind: 'department', level: 'city', name: '阳江市财政局' })
        .expect(409);
    });

    it('should answer 404-free 400 when the parent does not exist', async () => {
      const response = await request(t.http)
        .post('/api/units')
        .set(as(office))
        .send({ parentId: 987654, kind: 'department', level: 'city', name: '阳江市幽灵局' })
        .expect(400);
      expect(response.body.fields).toHaveProperty('parentId');
    });

    it('should answer 413 when the body is larger than the limit', async () => {
      const huge = { parentId: cityId, kind: 'department', level: 'city', name: 'x'.repeat(2 * 1024 * 1024) };
      await request(t.http).post('/api/units').set(as(office)).send(huge).expect(413);
    });
  });

  describe('PATCH /api/units/:id', () => {
    it('should update the head and keep before/after in the audit trail', async () => {
      await request(t.http)
        .patch(`/api/units/${agriId}`)
        .set(as(office))
        .send({ headName: '陈局长', emails: ['agri@demo.local'] })
        .expect(200);
      const audit = await request(t.http)
        .get('/api/audit')
        .query({ entityType: 'unit', entityId: String(agriId) })
        .set(as(office))
        .expect(200);
      expect(audit.body[0]).toMatchObject({ action: 'unit.update', after: { headName: '陈局长' } });
      expect(audit.body[0].before.headName).not.toBe('陈局长');
    });

    it('should deny a liaison editing even their own unit', async () => {
      await request(t.http).patch(`/api/units/${agriId}`).set(as(liaison)).send({ headName: 'x' }).expect(403);
    });
  });

  describe('aliases and GET /api/units/resolve', () => {
    it('should resolve an old name through the renames when the office asks', async () => {
      const response = await request(t.http)
        .get('/api/units/resolve')
        .query({ name: '市环境保护局' })
        .set(as(office))
        .expect(200);
      expect(response.body).toMatchObject({ status: 'resolved', unitId: ecoId });
    });

    it('should report candidates when the name is ambiguous across counties', async () => {
      const response = await request(t.http)
        .get('/api/units/resolve')
        .query({ name: '县农业局' })
        .set(as(office))
        .expect(200);
      expect(response.body.status).toBe('ambiguous');
      expect(response.body.candidates.length).toBe(2);
    });

    it('should resolve a name after the office maps it as an alias', async () => {
      const before = await request(t.http)
        .get('/api/units/resolve')
        .query({ name: '市农业和农村工作办公室' })
        .set(as(office))
        .expect(200);
      expect(before.body.status).toBe('unresolved');
      await request(t.http)
        .post(`/api/units/${agriId}/aliases`)
        .set(as(office))
        .send({ alias: '市农业和农村工作办公室' })
        .expect(201);
      const after = await request(t.http)
        .get('/api/units/resolve')
        .query({ name: '市农业和农村工作办公室' })
        .set(as(office))
        .expect(200);
      expect(after.body).toMatchObject({ status: 'resolved', unitId: agriId });
    });

    it('should deny resolution to a liaison', async () => {
      await request(t.http).get('/api/units/resolve').query({ name: '环保局' }).set(as(liaison)).expect(403);
    });

    it('should remove an alias and answer 404 for an alias of another unit', async () => {
      const added = await request(t.http)
        .post(`/api/units/${ecoId}/aliases`)
        .set(as(office))
        .send({ alias: '环保' })
        .expect(201);
      await request(t.http).delete(`/api/units/${agriId}/aliases/${added.body.id}`).set(as(office)).expect(404);
      await request(t.http).delete(`/api/units/${ecoId}/aliases/${added.body.id}`).set(as(office)).expect(204);
    });
  });

  describe('GET /api/audit', () => {
    it('should deny liaisons, supervisors and leaders', async () => {
      await request(t.http).get('/api/audit').set(as(liaison)).expect(403);
      await request(t.http).get('/api/audit').set(as(leader)).expect(403);
    });

    it('should keep a chain that verifies, and detect an edited row', async () => {
      const audit = t.app.get(AuditService);
      // Background jobs are off in tests: seal what the requests above wrote, as the poller would within a second.
      expect(await t.app.get(AuditSealer).sealPending()).toBeGreaterThan(3);
      expect(await audit.verify()).toMatchObject({ ok: true, unsealed: 0 });
      const dataSource = t.app.get((await import('typeorm')).DataSource);
      await dataSource.query(`UPDATE audit_entry SET action = 'tampered' WHERE id = 3`);
      const result = await audit.verify();
      expect(result.ok).toBe(false);
      expect(result.problems.join('\n')).toContain('#3');
    });
  });
});
