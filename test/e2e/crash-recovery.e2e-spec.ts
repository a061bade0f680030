import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ApiProcess, startApiProcess } from '../factories/api-process';
import { openRawSql, RawSql } from '../factories/raw-sql';
import { SmtpSink, startSmtpSink } from '../factories/smtp-sink';
import { createTestDatabase, TestDatabase } from '../factories/test-database';

const run = promisify(execFile);
const SEED_002 = path.resolve(__dirname, '../../../shared/seeds/002_ed72ecd477f74a50.txt');
const PASSWORD = 'Demo2026pass';

/** A small HTTP client for a live API process. */
function client(base: string) {
  const call = async (
    method: string,
    url: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body instanceof FormData || body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
  return {
    call,
    login: async (username: string) =>
      ((await call('POST', '/api/auth/login', undefined, { username, password: PASSWORD })).body as { token: string })
        .token,
  };
}

/**
 * Kills the API with SIGKILL in the middle of an escalation sweep and in the middle of a submission, restarts it,
 * and checks that every step is recorded once, every email is sent once, and the audit chain is intact.
 */
describe('Crash recovery (e2e)', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let sql: RawSql;
  let api: ApiProcess | null = null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-data-'));
  const port = 41000 + (process.pid % 2000);

  const start = async () => {
    api = await startApiProcess({ DATABASE_URL: database.url, DATA_DIR: dataDir, SMTP_URL: smtp.url }, port);
    return client(api.url);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    await api?.stop();
    await sql?.close();
    await smtp.close();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('should record every step once and send every email once when the process dies mid-sweep', async () => {
    let http = await start();
    let office = await http.login('office');
    await http.call('POST', '/api/dev/clock', office, { now: '2026-11-05T10:00:00+08:00' });
    office = await http.login('office');
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(SEED_002)]), 'seed-002.txt');
    const plan = (await http.call('POST', '/api/plans/import', office, form)).body as { id: number };
    const units = (await http.call('GET', '/api/units?q=阳江市人民政府', office)).body as Array<{ id: number }>;
    const unresolved = (await http.call('GET', `/api/plans/${plan.id}/unresolved`, office)).body as Array<{
      rawName: string;
    }>;
    for (const { rawName } of unresolved) {
      await http.call('POST', `/api/plans/${plan.id}/unit-mappings`, office, { rawName, unitId: units[0].id });
    }
    expect((await http.call('POST', `/api/plans/${plan.id}/publish`, office)).status).toBe(200);
    sql = await openRawSql(database.url);

    // Jump to 17 December: hundreds of obligations are due for a supervision case at once. Kill mid-sweep.
    void http.call('POST', '/api/dev/clock', office, { now: '2026-12-17T09:30:00+08:00' }).catch(() => undefined);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const [{ n }] = await sql.query<{ n: number }>('SELECT COUNT(*) AS n FROM escalation_step');
      if (Number(n) > 0) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await api!.kill();
    const [{ pending }] = await sql.query<{ pending: number }>(
      "SELECT COUNT(*) AS pending FROM workflow_timer WHERE status = 'pending' AND due_at <= '2026-12-17 01:30:00'",
    );
    expect(Number(pending)).toBeGreaterThan(0); // the kill really landed mid-sweep

    http = await start();
    office = await http.login('office');
    const resumed = await http.call('POST', '/api/dev/clock', office, { now: '2026-12-17T09:30:00+08:00' });
    expect(resumed.status).toBe(200);
    // Rows the dead process had claimed stay its own until their lease (5 min) ends, then anyone may run them.
    const afterLease = await http.call('POST', '/api/dev/clock', await http.login('office'), {
      now: '2026-12-17T09:36:00+08:00',
    });
    expect(afterLease.status).toBe(200);

    const [{ duplicated }] = await sql.query<{ duplicated: number }>(
      'SELECT COUNT(*) AS duplicated FROM (SELECT subject_type, subject_id, kind, round FROM escalation_step GROUP BY subject_type, subject_id, kind, round HAVING COUNT(*) > 1) d',
    );
    expect(Number(duplicated)).toBe(0);
    const [{ missing }] = await sql.query<{ missing: number }>(
      "SELECT COUNT(*) AS missing FROM reporting_obligation o WHERE o.period = '2026-11' AND o.status = 'open' AND NOT EXISTS (SELECT 1 FROM escalation_step s WHERE s.subject_type = 'obligation' AND s.subject_id = o.id AND s.kind = 'supervision_case')",
    );
    expect(Number(missing)).toBe(0);

    const [{ sent }] = await sql.query<{ sent: number }>(
      "SELECT COUNT(*) AS sent FROM email_outbox WHERE status = 'sent'",
    );
    const ids = smtp.messages.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(Number(sent));

    // The audit rows the killed process committed are sealed into the hash chain (as the sealer would after a
    // restart), and the chain verifies: no half-written or orphaned row.
    const cliEnv = { ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'error' };
    const cwd = path.resolve(__dirname, '../..');
    const sealed = await run('npm', ['run', '--silent', 'cli', '--', 'audit', 'seal'], { cwd, env: cliEnv });
    expect(sealed.stdout).toMatch(/Sealed [1-9]\d* audit entries/);
    const verify = await run('npm', ['run', '--silent', 'cli', '--', 'audit', 'verify'], { cwd, env: cliEnv });
    expect(verify.stdout).toContain('Audit trail intact');
    expect(verify.stdout).not.toContain('not sealed yet');
  }, 180_000);

  it('should keep one submission when the process dies while a report is being submitted', async () => {
    let http = client(api!.url);
    const liaison = await http.login('liaison');
    const list = (await http.call('GET', '/api/obligations?period=2026-11&status=open', liaison)).body as {
      items: Array<{ id: number }>;
    };
    const obligationId = list.items[0].id;
    const body = { kind: 'progress', progressText: '断电测试：本月完成采样点位复核。', percentComplete: 40 };
    const headers = { 'Idempotency-Key': `crash-${obligationId}` };
    void http
      .call('POST', `/api/obligations/${obligationId}/submissions`, liaison, body, headers)
      .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 15));
    await api!.kill();

    http = await start();
    const again = await http.call(
      'POST',
      `/api/obligations/${obligationId}/submissions`,
      await http.login('liaison'),
      body,
      headers,
    );
    expect([200, 201]).toContain(again.status);
    const [{ n }] = await sql.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM reporting_submission WHERE obligation_id = ${obligationId}`,
    );
    expect(Number(n)).toBe(1);
  });
});
