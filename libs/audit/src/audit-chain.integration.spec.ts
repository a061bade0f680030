import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/config/database';
import { AdjustableClock, UnitOfWork } from '@app/core';
import { createTestDatabase, TestDatabase } from '../../../test/factories/test-database';
import { AuditEntry } from './audit-entry.entity';
import { AuditSealer } from './audit-sealer';
import { AuditService } from './audit.service';

/**
 * The audit trail on a real database built by the migrations (SQLite, or MariaDB/MySQL when DATABASE_URL is a
 * mysql:// URL): rows written unsealed by concurrent transactions, sealed into one chain, verified, tampered with.
 */
const onMysql = /^(mysql|mariadb):/.test(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '');
const itOnMysql = onMysql ? it : it.skip;

describe('audit chain', () => {
  let database: TestDatabase;
  let dataDir: string;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  let audit: AuditService;
  let sealer: AuditSealer;
  let written = 0;

  const write = (count: number) =>
    Promise.all(
      Array.from({ length: count }, () =>
        unitOfWork.run((em) =>
          audit.record(em, {
            actor: { kind: 'user', userId: 7, username: 'liaison' },
            action: 'obligation.submit',
            entityType: 'obligation',
            entityId: ++written,
            unitId: 3,
            before: { status: 'open' },
            after: { status: 'submitted', note: '本月完成采样点位复核' },
          }),
        ),
      ),
    );
  const sealedIds = async () =>
    (await dataSource.getRepository(AuditEntry).find({ order: { seq: 'ASC' } }))
      .filter((row) => row.seq !== null)
      .map((row) => row.id);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-chain-'));
    dataSource = new DataSource(
      dataSourceOptions(loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, DATA_DIR: dataDir })),
    );
    await dataSource.initialize();
    unitOfWork = new UnitOfWork(dataSource);
    audit = new AuditService(dataSource, new AdjustableClock());
    sealer = new AuditSealer(unitOfWork);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('should write rows unsealed, and verify nothing until they are sealed', async () => {
    await write(30);
    expect(await audit.verify()).toEqual({ ok: true, checked: 0, unsealed: 30, problems: [] });
  });

  it('should seal every committed row into one chain in id order, in batches', async () => {
    expect(await sealer.sealPending(7)).toBe(30);
    const rows = await dataSource.getRepository(AuditEntry).find({ order: { id: 'ASC' } });
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    expect(await audit.verify()).toEqual({ ok: true, checked: 30, unsealed: 0, problems: [] });
    expect(await sealer.sealPending()).toBe(0);
  });

  it('should chain a row that commits after a higher id was sealed at the next position, not at its id', async () => {
    // MySQL hands out ids before COMMIT: a transaction can take id N and commit after id N + 10 was sealed.
    const [{ top }] = await dataSource.query<Array<{ top: number }>>('SELECT MAX(id) AS top FROM audit_entry');
    const insertWithId = (id: number) =>
      dataSource.getRepository(AuditEntry).insert({
        id,
        at: new Date(),
        actor: 'system:test',
        action: 'late.commit',
        entityType: 'obligation',
        entityId: String(id),
      });
    await insertWithId(Number(top) + 10);
    await sealer.sealPending();
    await insertWithId(Number(top) + 1);
    expect(await sealer.sealPending()).toBe(1);
    expect((await sealedIds()).slice(-2)).toEqual([Number(top) + 10, Number(top) + 1]);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 32, unsealed: 0 });
  });

  it('should let two sealers run at once without forking the chain', async () => {
    await write(40);
    const other = new AuditSealer(unitOfWork);
    const [a, b] = await Promise.all([sealer.sealPending(10), other.sealPending(10)]);
    // On MySQL the loser skips its turn (SKIP LOCKED); on SQLite the two queue behind one writer.
    expect(a + b).toBe(40);
    const seqs = (await dataSource.getRepository(AuditEntry).find()).map((row) => row.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 72, unsealed: 0 });
  });

  itOnMysql('should skip its turn, not wait, while another instance holds the chain tip', async () => {
    await write(2);
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT id FROM audit_chain_head WHERE id = 1 FOR UPDATE');
      expect(await sealer.sealPending()).toBe(0);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect(await sealer.sealPending()).toBe(2);
  });

  it('should name an edited sealed row, and report unsealed rows without failing on them', async () => {
    const [, second] = await sealedIds();
    await write(2);
    await dataSource.query(`UPDATE audit_entry SET actor = 'user:mallory' WHERE id = ?`, [second]);
    const result = await audit.verify();
    expect(result.ok).toBe(false);
    expect(result.unsealed).toBe(2);
    expect(result.problems).toEqual([`#${second}: content does not match its hash (the row was edited)`]);
    await dataSource.query(`UPDATE audit_entry SET actor = 'user:liaison' WHERE id = ?`, [second]);
    expect(await audit.verify()).toMatchObject({ ok: true, unsealed: 2 });
    await sealer.sealPending();
  });

  it('should detect a deleted row in the middle by the broken link of the next one', async () => {
    const ids = await sealedIds();
    await dataSource.query('DELETE FROM audit_entry WHERE id = ?', [ids[5]]);
    const result = await audit.verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([`#${ids[6]}: previous-hash link broken (a row before it was deleted or edited)`]);
  });

  it('should detect a deleted last row by the chain tip', async () => {
    const ids = await sealedIds();
    await dataSource.query('DELETE FROM audit_entry WHERE id = ?', [ids.at(-1)]);
    const problems = (await audit.verify()).problems;
    expect(problems.at(-1)).toMatch(
      new RegExp(`^chain tip points at #${ids.at(-1)} .* last sealed row is #${ids.at(-2)} `),
    );
  });
});
