import request from 'supertest';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../factories/test-app';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const SEED_004 = path.resolve(ROOT, '../shared/seeds/004_932a8a93e290f138.txt');
const SEED_002 = path.resolve(ROOT, '../shared/seeds/002_ed72ecd477f74a50.txt');

/** Runs the CLI as a user would (`npm run --silent cli -- …`) against the test app's database. */
async function cli(
  t: TestApp,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'cli', '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.database.url, DATA_DIR: t.config.dataDir, LOG_LEVEL: 'error', ...env },
      maxBuffer: 20 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('CLI (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('should print the plan as JSON without a database when asked to parse', async () => {
    const result = await cli(t, ['plan', 'parse', SEED_004, '--format', 'json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { tasks: Array<{ ref: string; lead: string[]; deadlines: unknown[] }> };
    expect(parsed.tasks.length).toBeGreaterThan(20);
    expect(parsed.tasks[0]).toEqual(
      expect.objectContaining({ ref: expect.any(String), lead: expect.any(Array), deadlines: expect.any(Array) }),
    );
  });

  it('should exit 2 with a message when the file is not a plan', async () => {
    const result = await cli(t, ['plan', 'parse', path.join(ROOT, 'package.json'), '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr.length).toBeGreaterThan(0);
  });

  it('should import a plan as a draft into the configured database and list what is unresolved', async () => {
    const result = await cli(t, ['plan', 'import', SEED_002]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Imported draft');
    expect(result.stdout).toContain('粮食局');
  });

  it('should seal the audit trail, verify it, and report a tampered row with exit 1', async () => {
    const waiting = await cli(t, ['audit', 'verify']);
    expect(waiting.code).toBe(0);
    expect(waiting.stdout).toMatch(
      /Audit trail intact: 0 entries verified[\s\S]*[1-9]\d* newer entries not sealed yet/,
    );
    const sealed = await cli(t, ['audit', 'seal']);
    expect(sealed.code).toBe(0);
    expect(sealed.stdout).toMatch(/Sealed [1-9]\d* audit entries/);
    const intact = await cli(t, ['audit', 'verify']);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('Audit trail intact');
    expect(intact.stdout).not.toContain('not sealed yet');
    await t.app.get(DataSource).query(`UPDATE audit_entry SET actor = 'user:mallory' WHERE id = 2`);
    const broken = await cli(t, ['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('#2');
  }, 180_000);
});

describe('CLI org init on an empty database (e2e)', () => {
  let t: TestApp;
  const PASSWORD = 'Maoming2026!ok';
  const init = ['org', 'init', '--government', '茂名市人民政府', '--admin', 'mm-admin', '--admin-name', '李管理员'];

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: '0' });
  });
  afterAll(async () => t.close());

  const unitCount = async () =>
    Number((await t.app.get(DataSource).query<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM unit'))[0].n);

  it('should refuse with exit 2 and store nothing without ADMIN_PASSWORD, with a weak one, or a bad level', async () => {
    const noPassword = await cli(t, init, { ADMIN_PASSWORD: '' });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('ADMIN_PASSWORD');
    const weak = await cli(t, init, { ADMIN_PASSWORD: 'short' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('password');
    const badLevel = await cli(t, [...init, '--level', 'village'], { ADMIN_PASSWORD: PASSWORD });
    expect(badLevel.code).toBe(2);
    expect(badLevel.stderr).toContain('level');
    expect(await unitCount()).toBe(0);
  }, 120_000);

  it('should create the government, its office and the first administrator, who can sign in and add a unit', async () => {
    const result = await cli(t, init, { ADMIN_PASSWORD: PASSWORD });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('茂名市人民政府');
    expect(result.stdout).toContain('茂名市土壤污染防治工作领导小组办公室');
    expect(await unitCount()).toBe(2);

    const token = await t.login('mm-admin', PASSWORD);
    const auth = { Authorization: `Bearer ${token}` };
    const me = await request(t.http).get('/api/auth/me').set(auth).expect(200);
    expect(me.body).toMatchObject({ username: 'mm-admin', role: 'system_admin', displayName: '李管理员' });
    const units = await request(t.http).get('/api/units').set(auth).expect(200);
    const government = (units.body as Array<{ id: number; name: string }>).find((u) => u.name === '茂名市人民政府');
    await request(t.http)
      .post('/api/units')
      .set(auth)
      .send({ parentId: government?.id, kind: 'department', level: 'city', name: '茂名市生态环境局' })
      .expect(201);
    const audit = await request(t.http).get('/api/audit').query({ limit: 50 }).set(auth).expect(200);
    const actions = (audit.body as Array<{ action: string; actor: string }>).map((e) => `${e.actor} ${e.action}`);
    expect(actions).toEqual(expect.arrayContaining(['system:org-init unit.create', 'system:org-init user.create']));
  }, 120_000);

  it('should refuse to initialise a database that already has an organisation', async () => {
    const again = await cli(t, ['org', 'init', '--government', '湛江市人民政府'], { ADMIN_PASSWORD: PASSWORD });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已有组织机构');
    expect(await unitCount()).toBe(3);
  }, 120_000);
});
