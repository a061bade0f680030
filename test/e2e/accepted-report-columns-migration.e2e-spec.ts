import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../factories/test-app';

const PLAN_TEXT = [
  '阳江市2026年土壤污染防治工作要点',
  '一、农用地',
  '（一）开展农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头，市生态环境局参与）',
].join('\n');
/** The migrations under test, in order: undone newest first (with any later ones), then applied again. */
const MIGRATIONS_UNDER_TEST = [
  'AddObligationAcceptedRating1768348800000',
  'AddObligationAcceptedComplete1768435200000',
];

interface ObligationBody {
  id: number;
  role: string;
  unitName: string;
}

/**
 * Migrations 1768348800000 and 1768435200000 keep the office's rating, and whether the accepted report declares the
 * task complete, on the obligation (for the assessment's index-only reads). An installation upgraded with reports
 * already accepted gets both from the reviews and reports; the others stay empty. Run here as an upgrade would: the
 * migrations are undone (the columns dropped), then applied again.
 */
describe('Accepted rating and completion kept on the obligation (migrations, e2e)', () => {
  let t: TestApp;
  let rated: number;
  let unrated: number;
  let submitted: number;

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function submit(username: string, obligationId: number, percentComplete = 40): Promise<void> {
    await request(t.http)
      .post(`/api/obligations/${obligationId}/submissions`)
      .set(as(await t.login(username)))
      .send({ kind: 'progress', progressText: '按计划推进。', percentComplete })
      .expect(201);
  }

  async function completeOnes(): Promise<number[]> {
    const rows = await t.app
      .get(DataSource)
      .query<Array<{ id: number }>>('SELECT id AS id FROM reporting_obligation WHERE accepted_complete = 1');
    return rows.map((row) => Number(row.id));
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
    await submit('liaison', rated, 100);
    await request(t.http).post(`/api/obligations/${rated}/accept`).set(as(office)).send({ rating: 4 }).expect(200);
    await submit('eco-liaison', unrated);
  });
  afterAll(async () => {
    await t.close();
  });

  it('should keep the rating and the completion on the obligation when the office accepts', async () => {
    const kept = await ratings();
    expect(kept.get(rated)).toBe(4);
    expect(kept.get(unrated)).toBeNull();
    expect(submitted === undefined || kept.get(submitted) === null).toBe(true);
    expect(await completeOnes()).toEqual([rated]);
  });

  it('should fill the ratings and completions of reports accepted before the upgrade, and no others', async () => {
    const dataSource = t.app.get(DataSource);
    const sqlite = dataSource.options.type !== 'mysql';
    // `runMigrations` turns SQLite's foreign keys off while it rebuilds tables; `undoLastMigration` does not.
    if (sqlite) {
      await dataSource.query('PRAGMA foreign_keys = OFF');
    }
    // Undone newest first, down to the oldest under test (with the later ones, which a real downgrade undoes too).
    const undone: string[] = [];
    while (!undone.includes(MIGRATIONS_UNDER_TEST[0])) {
      const [last] = await dataSource.query<Array<{ name: string }>>(
        'SELECT name FROM migrations ORDER BY id DESC LIMIT 1',
      );
      undone.unshift(last.name);
      await dataSource.undoLastMigration();
    }
    expect(undone.slice(0, MIGRATIONS_UNDER_TEST.length)).toEqual(MIGRATIONS_UNDER_TEST);
    if (sqlite) {
      await dataSource.query('PRAGMA foreign_keys = ON');
    }
    for (const column of ['accepted_rating', 'accepted_complete']) {
      const found = await dataSource.query<unknown[]>(
        sqlite
          ? `SELECT name FROM pragma_table_info('reporting_obligation') WHERE name = '${column}'`
          : `SHOW COLUMNS FROM reporting_obligation LIKE '${column}'`,
      );
      expect(found).toEqual([]);
    }

    expect((await dataSource.runMigrations()).map((migration) => migration.name)).toEqual(undone);
    const kept = await ratings();
    expect(kept.get(rated)).toBe(4);
    expect([...kept.values()].filter((rating) => rating !== null)).toEqual([4]);
    expect(await completeOnes()).toEqual([rated]);
  });
});
