import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头，市生态环境局参与）',
].join('\n');

interface ObligationBody {
  id: number;
  role: string;
  unitName: string;
}

/**
 * Migration 1768348800000 keeps the office's rating on the obligation (for the assessment's index-only read). An
 * installation upgraded with reports already accepted gets their ratings from the reviews; the others stay empty.
 * Run here as an upgrade would: the migration is undone (the column dropped), then applied again.
 */
describe('Accepted rating kept on the obligation (migration, e2e)', () => {
  let t: TestApp;
  let rated: number;
  let unrated: number;
  let submitted: number;

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function submit(username: string, obligationId: number): Promise<void> {
    await request(t.http)
      .post(`/api/obligations/${obligationId}/submissions`)
      .set(as(await t.login(username)))
      .send({ kind: 'progress', progressText: '按计划推进。', percentComplete: 40 })
      .expect(201);
  }

  async function ratings(): Promise<Map<number, number | null>> {
    const rows = await t.app
      .get(DataSource)
      .query<Array<{ id: number; rating: number | null }>>(
        'SELECT id AS id, accepted_rating AS rating FROM reporting_obligation',
      );
    return new Map(rows.map((row) => [Number(row.id), row.rating === null ? null : Number(row.rating)]));
  }

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date('2026-11-05T10:00:00+08:00'));
    const office = await t.login('office');
    const imported = await request(t.http).post('/api/plans/import').set(as(office)).send({ text: PLAN_TEXT });
    const planId = (imported.body as { id: number }).id;
    await request(t.http).post(`/api/plans/${planId}/publish`).set(as(office)).expect(200);
    const listed = await request(t.http).get('/api/obligations').query({ planId }).set(as(office)).expect(200);
    const items = (listed.body as { items: ObligationBody[] }).items;
    const lead = items.filter((o) => o.role === 'lead');
    const parts = items.filter((o) => o.role === 'participant');
    [rated, unrated] = [lead[0].id, parts[0].id];
    submitted = lead[1]?.id ?? parts[1]?.id;
    await submit('liaison', rated);
    await request(t.http).post(`/api/obligations/${rated}/accept`).set(as(office)).send({ rating: 4 }).expect(200);
    await submit('eco-liaison', unrated);
  });
  afterAll(async () => {
    await t.close();
  });

  it('should keep the rating on the obligation when the office accepts', async () => {
    const kept = await ratings();
    expect(kept.get(rated)).toBe(4);
    expect(kept.get(unrated)).toBeNull();
    expect(submitted === undefined || kept.get(submitted) === null).toBe(true);
  });

  it('should fill the ratings of reports accepted before the upgrade, and no others', async () => {
    const dataSource = t.app.get(DataSource);
    const sqlite = dataSource.options.type !== 'mysql';
    // `runMigrations` turns SQLite's foreign keys off while it rebuilds tables; `undoLastMigration` does not.
    if (sqlite) {
      await dataSource.query('PRAGMA foreign_keys = OFF');
    }
    await dataSource.undoLastMigration();
    if (sqlite) {
      await dataSource.query('PRAGMA foreign_keys = ON');
    }
    const columns = await dataSource.query<unknown[]>(
      sqlite
        ? "SELECT name FROM pragma_table_info('reporting_obligation') WHERE name = 'accepted_rating'"
        : "SHOW COLUMNS FROM reporting_obligation LIKE 'accepted_rating'",
    );
    expect(columns).toEqual([]);

    expect(await dataSource.runMigrations()).toHaveLength(1);
    const kept = await ratings();
    expect(kept.get(rated)).toBe(4);
    expect([...kept.values()].filter((rating) => rating !== null)).toEqual([4]);
  });
});
