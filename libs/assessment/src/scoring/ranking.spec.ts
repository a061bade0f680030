import { rankGroupLabel, rankGroupOf, rankWithinGroups, Rankable } from './ranking';

const row = (unitId: number, total: number | null, group: Rankable['group'] = 'department'): Rankable => ({
  unitId,
  group,
  total,
});

describe('rankWithinGroups', () => {
  it('should give tied totals the same rank and skip the next one', () => {
    const ranks = rankWithinGroups([row(1, 80), row(2, 85), row(3, 90), row(4, 85), row(5, null)]);
    expect([...ranks.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [1, 4],
      [2, 2],
      [3, 1],
      [4, 2],
    ]);
  });

  it('should compare totals to the hundredth', () => {
    const ranks = rankWithinGroups([row(1, 85.001), row(2, 84.999)]);
    expect(ranks.get(1)).toBe(1);
    expect(ranks.get(2)).toBe(1);
  });

  it('should rank departments and lower governments separately', () => {
    const ranks = rankWithinGroups([row(1, 70), row(2, 60, 'government'), row(3, 95, 'government')]);
    expect(ranks.get(1)).toBe(1);
    expect(ranks.get(3)).toBe(1);
    expect(ranks.get(2)).toBe(2);
  });
});

describe('rankGroupOf', () => {
  it('should tell departments of the plan government from lower governments and their departments', () => {
    const city = { level: 'city' as const };
    expect(rankGroupOf({ kind: 'department', level: 'city' }, city)).toBe('department');
    expect(rankGroupOf({ kind: 'government', level: 'county' }, city)).toBe('government');
    expect(rankGroupOf({ kind: 'department', level: 'county' }, city)).toBe('lower_department');
    expect(rankGroupLabel('department', 'city')).toBe('市直部门');
    expect(rankGroupLabel('government', 'city')).toBe('县（市、区）人民政府');
  });
});
