import request from 'supertest';
import { unitIdByName } from '../factories/org-lookup';
import { startTestApp, TestApp } from '../factories/test-app';

describe('UsersController (e2e)', () => {
  let t: TestApp;
  let office: string;
  let liaison: string;
  let agriId: number;

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('office');
    liaison = await t.login('liaison');
    agriId = await unitIdByName(t, office, '阳江市农业农村局');
  });
  afterAll(async () => t.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('should let the office create a liaison who can then sign in', async () => {
    const created = await request(t.http)
      .post('/api/users')
      .set(as(office))
      .send({
        username: 'agri-2',
        displayName: '赵联络员',
        password: 'Liaison2026',
        role: 'unit_liaison',
        unitId: agriId,
      })
      .expect(201);
    expect(created.body).toMatchObject({ username: 'agri-2', role: 'unit_liaison', unitId: agriId });
    expect(created.body.passwordHash).toBeUndefined();
    await t.login('agri-2', 'Liaison2026');
    const audit = await request(t.http)
      .get('/api/audit')
      .query({ entityType: 'user', entityId: String(created.body.id) })
      .set(as(office))
      .expect(200);
    expect(JSON.stringify(audit.body)).not.toContain('argon2');
  });

  it('should refuse the office granting system admin', async () => {
    const response = await request(t.http)
      .post('/api/users')
      .set(as(office))
      .send({ username: 'evil', displayName: 'x', password: 'Whatever2026', role: 'system_admin', unitId: agriId })
      .expect(403);
    expect(response.body.fields).toHaveProperty('role');
  });

  it('should deny a liaison listing, reading or creating users', async () => {
    await request(t.http).get('/api/users').set(as(liaison)).expect(403);
    await request(t.http).get('/api/users/1').set(as(liaison)).expect(403);
    await request(t.http)
      .post('/api/users')
      .set(as(liaison))
      .send({ username: 'x-user', displayName: 'x', password: 'Whatever2026', role: 'unit_liaison', unitId: agriId })
      .expect(403);
  });

  it('should name the fields when the username and password are unacceptable', async () => {
    const response = await request(t.http)
      .post('/api/users')
      .set(as(office))
      .send({ username: 'a b', displayName: 'x', password: 'short', role: 'boss', unitId: 0 })
      .expect(400);
    expect(Object.keys(response.body.fields).sort()).toEqual(['role', 'unitId', 'username']);
  });

  it('should refuse a weak initial password', async () => {
    const response = await request(t.http)
      .post('/api/users')
      .set(as(office))
      .send({ username: 'weak-user', displayName: 'x', password: 'password', role: 'unit_liaison', unitId: agriId })
      .expect(400);
    expect(response.body.fields.password).toContain('密码须同时包含字母和数字');
  });

  it('should deactivate a user so that their sessions stop working', async () => {
    const list = await request(t.http).get('/api/users').set(as(office)).expect(200);
    const eco = (list.body as Array<{ id: number; username: string }>).find((u) => u.username === 'eco-liaison');
    const token = await t.login('eco-liaison');
    // Used once first, so the session is in the API's short-lived session cache when the user is deactivated.
    await request(t.http).get('/api/auth/me').set(as(token)).expect(200);
    await request(t.http).patch(`/api/users/${eco?.id}`).set(as(office)).send({ active: false }).expect(200);
    await request(t.http).get('/api/auth/me').set(as(token)).expect(401);
  });
});
