import request from 'supertest';
import { startTestApp, TestApp } from '../factories/test-app';

describe('AuthController (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '4', LOGIN_LOCK_MINUTES: '15' });
  });
  afterAll(async () => t.close());

  describe('POST /api/auth/login', () => {
    it('should issue an httpOnly SameSite cookie and a Bearer token when the password is right', async () => {
      const response = await request(t.http)
        .post('/api/auth/login')
        .send({ username: 'office', password: 'Demo2026pass' })
        .expect(200);
      const cookie = String(response.headers['set-cookie']);
      expect(cookie).toMatch(/sid=[^;]+; .*HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(response.body).toMatchObject({
        user: { username: 'office', role: 'office_admin', roleLabel: '领导小组办公室' },
      });
      expect(response.body.token).toEqual(expect.any(String));
      expect(response.body.user.passwordHash).toBeUndefined();
    });

    it('should answer 401 without saying which part was wrong when the username is unknown or the password wrong', async () => {
      const unknown = await request(t.http)
        .post('/api/auth/login')
        .send({ username: 'nobody', password: 'x' })
        .expect(401);
      const wrong = await request(t.http)
        .post('/api/auth/login')
        .send({ username: 'leader', password: 'wrong-password1' })
        .expect(401);
      expect(unknown.body.message).toBe(wrong.body.message);
      expect(wrong.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    });

    it('should lock the account for a while when a burst of wrong passwords arrives', async () => {
      for (let i = 0; i < 3; i++) {
        await request(t.http)
          .post('/api/auth/login')
          .send({ username: 'head', password: `wrong${i}abc` })
          .expect(401);
      }
      const locked = await request(t.http)
        .post('/api/auth/login')
        .send({ username: 'head', password: 'wrong4abc' })
        .expect(429);
      expect(locked.body.message).toContain('锁定');
      await request(t.http).post('/api/auth/login').send({ username: 'head', password: 'Demo2026pass' }).expect(429);
      t.clock.set(new Date(Date.now() + 16 * 60_000));
      await request(t.http).post('/api/auth/login').send({ username: 'head', password: 'Demo2026pass' }).expect(200);
      t.clock.set(new Date());
    });

    it('should reject a body with unknown fields or wrong types and name the field', async () => {
      const response = await request(t.http)
        .post('/api/auth/login')
        .send({ username: 5, password: 'x', admin: true })
        .expect(400);
      expect(response.body.fields.username).toContain('必须是字符串');
      expect(response.body.fields.admin).toEqual(['不允许的字段']);
    });

    it('should answer 400 when the body is not JSON', async () => {
      const response = await request(t.http)
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"username":')
        .expect(400);
      expect(response.body.message).toContain('JSON');
    });
  });

  describe('sessions', () => {
    it('should accept the cookie and the Bearer token when either is presented', async () => {
      const login = await request(t.http)
        .post('/api/auth/login')
        .send({ username: 'leader', password: 'Demo2026pass' })
        .expect(200);
      const cookie = String(login.headers['set-cookie']).split(';')[0];
      await request(t.http).get('/api/auth/me').set('Cookie', cookie).expect(200);
      const me = await request(t.http)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${login.body.token}`)
        .expect(200);
      expect(me.body.username).toBe('leader');
    });

    it('should refuse a session after logout', async () => {
      const token = await t.login('supervisor');
      await request(t.http).post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
      await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    });

    it('should refuse a session when it has expired', async () => {
      const token = await t.login('eco-liaison');
      t.clock.set(new Date(Date.now() + (t.config.sessionTtlHours + 1) * 3600_000));
      await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
      t.clock.set(new Date());
    });

    it('should refuse a made-up token', async () => {
      await request(t.http).get('/api/auth/me').set('Authorization', 'Bearer not-a-token').expect(401);
    });
  });

  describe('POST /api/auth/password', () => {
    it('should refuse a weak password and name the field', async () => {
      const token = await t.login('yangxi-liaison');
      const response = await request(t.http)
        .post('/api/auth/password')
        .set('Authorization', `Bearer ${token}`)
        .send({ oldPassword: 'Demo2026pass', newPassword: 'short' })
        .expect(400);
      expect(response.body.fields.newPassword).toEqual(expect.arrayContaining(['密码至少 8 位']));
    });

    it('should refuse when the old password is wrong', async () => {
      const token = await t.login('yangxi-liaison');
      const response = await request(t.http)
        .post('/api/auth/password')
        .set('Authorization', `Bearer ${token}`)
        .send({ oldPassword: 'nope12345', newPassword: 'NewSecret2027' })
        .expect(400);
      expect(response.body.fields).toHaveProperty('oldPassword');
    });

    it('should change the password and end the other sessions', async () => {
      const other = await t.login('yangxi-liaison');
      const current = await t.login('yangxi-liaison');
      // Used once first, so the other session is in the API's short-lived session cache when the password changes.
      await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${other}`).expect(200);
      await request(t.http)
        .post('/api/auth/password')
        .set('Authorization', `Bearer ${current}`)
        .send({ oldPassword: 'Demo2026pass', newPassword: 'NewSecret2027' })
        .expect(204);
      await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${other}`).expect(401);
      await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${current}`).expect(200);
      await t.login('yangxi-liaison', 'NewSecret2027');
    });
  });
});
