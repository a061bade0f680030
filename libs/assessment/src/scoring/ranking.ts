import type { GovLevel, UnitKind } from '@app/org';
import { toCents } from './trace';

/**
 * Units are ranked among their peers: departments of the plan's own government (市直部门), the lower governments
 * (县（市、区）人民政府), and departments of lower governments when a plan names them directly.
 */
export const RANK_GROUPS = ['department', 'government', 'lower_department'] as const;
export type RankGroup = (typeof RANK_GROUPS)[number];

const LEVEL_NAMES: Record<GovLevel, string> = { province: '省', city: '市', county: '县', township: '乡镇' };
const LOWER_GOVERNMENTS: Record<GovLevel, string> = {
  province: '地级以上市人民政府',
  city: '县（市、区）人民政府',
  county: '乡镇人民政府',
  township: '下级人民政府',
};

export function rankGroupOf(unit: { kind: UnitKind; level: GovLevel }, government: { level: GovLevel }): RankGroup {
  if (unit.kind === 'government') {
    return 'government';
  }
  return unit.level === government.level ? 'department' : 'lower_department';
}

export function rankGroupLabel(group: RankGroup, governmentLevel: GovLevel): string {
  switch (group) {
    case 'department':
      return `${LEVEL_NAMES[governmentLevel]}直部门`;
    case 'government':
      return LOWER_GOVERNMENTS[governmentLevel];
    case 'lower_department':
      return '下级政府部门';
  }
}

export interface Rankable {
  unitId: number;
  group: RankGroup;
  /** null: not scored, not ranked. */
  total: number | null;
}

/**
 * Standard competition ranking within each group ("1, 2, 2, 4"): equal totals (to the hundredth) share a rank and
 * the next rank skips. Units without a score get no rank.
 */
export function rankWithinGroups(rows: readonly Rankable[]): Map<number, number> {
  const ranks = new Map<number, number>();
  for (const group of RANK_GROUPS) {
    const scored = rows
      .filter((r) => r.group === group && r.total !== null)
      .map((r) => ({ unitId: r.unitId, cents: toCents(r.total as number) }))
      .sort((a, b) => b.cents - a.cents || a.unitId - b.unitId);
    scored.forEach((row, index) => {
      const previous = scored[index - 1];
      ranks.set(
        row.unitId,
        previous && previous.cents === row.cents ? (ranks.get(previous.unitId) as number) : index + 1,
      );
    });
  }
  return ranks;
}
