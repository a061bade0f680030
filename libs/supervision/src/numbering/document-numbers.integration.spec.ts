import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/config/database';
import { UnitOfWork } from '@app/core';
import { Unit } from '@app/org';
import { createTestDatabase, TestDatabase } from '../../../../test/factories/test-database';
import { circularNumber, documentYearOf, nextDocumentNumber } from './document-numbers';

describe('documentYearOf', () => {
  it('should number by the Asia/Shanghai year when UTC is still in the old year', () => {
    expect(documentYearOf(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(documentYearOf(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });

  it('should print a circular number the way documents do', () => {
    expect(circularNumber(2026, 3)).toBe('通报〔2026〕3号');
  });
});

/** The counter on a real database built by the project's migrations (SQLite, or MariaDB when DATABASE_URL says so). */
describe('nextDocumentNumber', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  let cityId: number;
  let countyId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(
      dataSourceOptions(loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, LOG_LEVEL: 'error' })),
    );
    await dataSource.initialize();
    unitOfWork = new UnitOfWork(dataSource);
    const now = new Date();
    const government = (name: string, parentPath: string, parentId: number | null) =>
      dataSource.transaction(async (em) => {
        const unit = em.create(Unit, {
          parentId,
          kind: 'government',
          level: 'city',
          name,
          shortName: name,
          path: 'pending',
          headName: null,
          headTitle: null,
          emails: null,
          createdAt: now,
          updatedAt: now,
        });
        await em.save(unit);
        await em.update(Unit, { id: unit.id }, { path: `${parentPath}${unit.id}/` });
        return unit.id;
      });
    cityId = await government('测试市人民政府', '/', null);
    countyId = await government('测试县人民政府', `/${cityId}/`, cityId);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const take = (governmentId: number, year = 2026, kind: 'supervision_case' | 'circular' = 'supervision_case') =>
    unitOfWork.run((em) => nextDocumentNumber(em, kind, governmentId, year));

  it('should count 1, 2, 3 within one office and year', async () => {
    expect([await take(cityId), await take(cityId), await take(cityId)]).toEqual([1, 2, 3]);
  });

  it('should keep separate series per office, per year and per kind of document', async () => {
    expect(await take(countyId)).toBe(1);
    expect(await take(cityId, 2027)).toBe(1);
    expect(await take(cityId, 2026, 'circular')).toBe(1);
    expect(await take(cityId)).toBe(4);
  });

  it('should give the number back when the transaction rolls back', async () => {
    await expect(
      unitOfWork.run(async (em) => {
        await nextDocumentNumber(em, 'supervision_case', countyId, 2030);
        throw new Error('step failed');
      }),
    ).rejects.toThrow('step failed');
    expect(await take(countyId, 2030)).toBe(1);
  });

  it('should hand out distinct, gapless numbers to concurrent transactions, the first number of a year included', async () => {
    // Each transaction keeps its lock a little while, so on MySQL they really overlap.
    const slowTake = () =>
      unitOfWork.run(async (em) => {
        const number = await nextDocumentNumber(em, 'supervision_case', countyId, 2031);
        await new Promise((resolve) => setTimeout(resolve, 10));
        return number;
      });
    const numbers = await Promise.all(Array.from({ length: 12 }, slowTake));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });
});
