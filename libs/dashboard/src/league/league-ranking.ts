import { onTimeRate, StateCounts } from '../sql/report-state';

export interface UnitRecord {
  unitId: number;
  unitName: string;
  yellowWarnings: number;
  redWarnings: number;
  progressLagWarnings: number;
  cases: number;
  interviews: number;
  counts: StateCounts;
}

export interface LeagueEntry extends UnitRecord {
  /** Equal records share a rank (1, 2, 2, 4). */
  rank: number;
  onTimeRate: number | null;
}

const escalations = (r: UnitRecord): number =>
  r.yellowWarnings + r.redWarnings + r.progressLagWarnings + r.cases + r.interviews;

/**
 * 黄榜 (warned): units with any warning, case or interview, the most serious first: supervision cases, then red
 * warnings, then interviews, then yellow and progress-lag warnings, then reports still missing.
 */
export function warnedList(records: readonly UnitRecord[], limit: number): LeagueEntry[] {
  const key = (r: UnitRecord): number[] => [
    r.cases,
    r.redWarnings,
    r.interviews,
    r.yellowWarnings + r.progressLagWarnings,
    r.counts.missing,
  ];
  return ranked(
    records.filter((r) => escalations(r) > 0),
    key,
    limit,
  );
}

/**
 * 红榜 (honour): units that reported, with no warning, case or interview, the best first: highest on-time rate,
 * then most reports on time (more work carried).
 */
export function honourList(records: readonly UnitRecord[], limit: number): LeagueEntry[] {
  const key = (r: UnitRecord): number[] => [Math.round((onTimeRate(r.counts) ?? 0) * 10000), r.counts.on_time];
  return ranked(
    records.filter((r) => escalations(r) === 0 && r.counts.on_time + r.counts.late + r.counts.missing > 0),
    key,
    limit,
  );
}

/** Sorted by `key` descending (ties by name), with competition ranks. */
function ranked(records: UnitRecord[], key: (r: UnitRecord) => number[], limit: number): LeagueEntry[] {
  const compare = (a: number[], b: number[]): number => {
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        return b[i] - a[i];
      }
    }
    return 0;
  };
  const sorted = [...records].sort(
    (a, b) => compare(key(a), key(b)) || a.unitName.localeCompare(b.unitName, 'zh-CN') || a.unitId - b.unitId,
  );
  const entries: LeagueEntry[] = [];
  sorted.slice(0, limit).forEach((record, index) => {
    const previous = entries[index - 1];
    const tied = previous !== undefined && compare(key(previous), key(record)) === 0;
    entries.push({ ...record, rank: tied ? previous.rank : index + 1, onTimeRate: onTimeRate(record.counts) });
  });
  return entries;
}
