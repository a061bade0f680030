import { and, dbTime, inList, raw, sql } from './sql';

describe('sql', () => {
  it('should turn values into placeholders and splice fragments with their parameters in order', () => {
    const scope = sql`u.path LIKE ${'/1/%'}`;
    const query = sql`SELECT 1 FROM t WHERE a = ${1} AND ${scope} AND b IN ${inList([2, 3])}`;
    expect(query.text).toBe('SELECT 1 FROM t WHERE a = ? AND u.path LIKE ? AND b IN (?, ?)');
    expect(query.params).toEqual([1, '/1/%', 2, 3]);
  });

  it('should match nothing when the list is empty', () => {
    expect(inList([]).text).toBe('(NULL)');
  });

  it('should join conditions with AND and skip the absent ones', () => {
    const where = and([sql`a = ${1}`, null, raw('b IS NULL')]);
    expect(where.text).toBe('a = ? AND b IS NULL');
    expect(and([null]).text).toBe('1 = 1');
  });

  it('should format an instant as the UTC text both drivers compare', () => {
    expect(dbTime(new Date('2026-12-03T10:00:00.000Z'))).toBe('2026-12-03 10:00:00.000');
  });
});
