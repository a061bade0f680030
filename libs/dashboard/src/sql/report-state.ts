import { Fragment, sql } from './sql';

/**
 * The state of one report (obligation) as the dashboard shows it:
 * - `on_time` / `late`: submitted or accepted, by its deadline or after it (`late` is the obligation's own flag,
 *   so a report returned and resubmitted by its new deadline is on time);
 * - `nothing_to_report`: the unit declared 无此项任务, the office waived the report (免报), or its task was cancelled;
 * - `missing`: still open (or returned) and its deadline has passed;
 * - `not_due`: still open and not yet due.
 * `本期无新进展` is a report like any other: on time or late.
 */
export const REPORT_STATES = ['on_time', 'late', 'missing', 'nothing_to_report', 'not_due'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  on_time: '按时报送',
  late: '逾期报送',
  missing: '逾期未报',
  nothing_to_report: '无此项任务',
  not_due: '未到期',
};

export type StateCounts = Record<ReportState, number>;

export function emptyCounts(): StateCounts {
  return { on_time: 0, late: 0, missing: 0, nothing_to_report: 0, not_due: 0 };
}

export function addCounts(into: StateCounts, more: StateCounts): StateCounts {
  for (const state of REPORT_STATES) {
    into[state] += more[state];
  }
  return into;
}

/**
 * The state of the obligation aliased `o`, with its current submission LEFT JOINed as `s`. `now` decides missing
 * against not yet due.
 */
export function reportStateSql(now: string): Fragment {
  return sql`CASE
    WHEN o.status IN ('waived', 'cancelled') THEN 'nothing_to_report'
    WHEN o.status IN ('submitted', 'accepted') THEN
      CASE WHEN s.kind = 'no_task' THEN 'nothing_to_report' WHEN o.late = 1 THEN 'late' ELSE 'on_time' END
    WHEN o.due_at <= ${now} THEN 'missing'
    ELSE 'not_due'
  END`;
}

/** One SUM column per state over a derived table whose `state` column holds `reportStateSql`. */
export const STATE_SUMS = REPORT_STATES.map(
  (state) => `SUM(CASE WHEN x.state = '${state}' THEN 1 ELSE 0 END) AS ${state}`,
).join(', ');

/** Reads the STATE_SUMS columns of a row (MySQL returns SUMs as strings). */
export function countsOf(row: Record<string, unknown>): StateCounts {
  const counts = emptyCounts();
  for (const state of REPORT_STATES) {
    counts[state] = Number(row[state] ?? 0);
  }
  return counts;
}

/**
 * Share of the reports that were due and are counted for timeliness that came in on time:
 * on_time / (on_time + late + missing). Declarations of 无此项任务, waivers and reports not yet due do not count.
 * Null when nothing was due.
 */
export function onTimeRate(counts: StateCounts): number | null {
  const due = counts.on_time + counts.late + counts.missing;
  return due === 0 ? null : Math.round((counts.on_time / due) * 10000) / 10000;
}

/** Precedence of a unit × period cell: its worst report decides. */
const WORST_FIRST: readonly ReportState[] = ['missing', 'late', 'not_due', 'on_time', 'nothing_to_report'];

export function worstState(counts: StateCounts): ReportState | null {
  return WORST_FIRST.find((state) => counts[state] > 0) ?? null;
}
