import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { GovLevel, UnitKind } from '@app/org';
import type { Plan } from '@app/plans';
import type { IndicatorComparator } from '../scoring/indicator-achievement';
import { RankGroup, rankGroupOf } from '../scoring/ranking';
import { AdjustmentKind, DeductedWarningKind, emptyFacts, IndicatorFact, UnitFacts } from '../scoring/unit-facts';
import { idList, num, numOrNull, shanghaiYear, sqlTimestamp } from './sql-values';

export interface AssessedUnit {
  id: number;
  name: string;
  kind: UnitKind;
  level: GovLevel;
  group: RankGroup;
}

export interface AssessmentFacts {
  units: AssessedUnit[];
  facts: Map<number, UnitFacts>;
}

export interface FactsQuery {
  plan: Plan;
  year: number;
  /** Obligations not yet due at this instant, and deadlines whose report may still arrive in time, are not counted. */
  asOf: Date;
  /** Adjustments already made in this run (kept across recomputations). */
  runId: number | null;
}

type Row = Record<string, unknown>;

/** `:name` placeholders → `?` with positional values: both drivers take `?`, and a value may be used twice. */
function named(sql: string, params: Record<string, unknown>): [string, unknown[]] {
  const values: unknown[] = [];
  const text = sql.replace(/:(\w+)/g, (_match, name: string) => {
    if (!(name in params)) {
      throw new Error(`missing SQL parameter ${name}`);
    }
    values.push(params[name]);
    return '?';
  });
  return [text, values];
}

const REPORTED = ['submitted', 'accepted'];
const RATINGS = [1, 2, 3, 4, 5];
// Not on time though counted: due by `asOf` and still unreported, or reported with a round late. Only obligations
// returned at least once (round > 0) can hide an earlier late round behind an on-time latest one, so only those
// probe their submissions.
const MISSING = `(o.status IN ('open', 'returned') AND o.due_at <= :asOf)`;
const REPORTED_LATE = `(o.status IN ('submitted', 'accepted') AND (o.late = 1
  OR (o.round > 0 AND EXISTS (SELECT 1 FROM reporting_submission ls WHERE ls.obligation_id = o.id AND ls.late = 1))))`;
const LOW_RATING = `o.accepted_rating <= 3`;
// The year of a plan, read from `ix_reporting_obligation_assessment` alone, in (plan, period) order. Grouping by
// `unit_id + 0` keeps SQLite from walking a unit-ordered index instead to spare the sort, which visits the rows at
// random (many times slower).
const PLAN_YEAR = `FROM reporting_obligation o WHERE o.plan_id = :planId AND o.period >= :periodFrom AND o.period < :periodTo`;

/**
 * Reads the year's records for every unit of a plan with a handful of set-based queries (GROUP BY unit), never one
 * query per unit or per obligation: a province's plan has millions of obligations. The id lists that make the trace
 * come back inside the same aggregates (`GROUP_CONCAT`), so each table is scanned once.
 */
@Injectable()
export class AssessmentFactsReader {
  /** Call it with a transaction's manager: on MySQL the session setting below must reach the same connection. */
  async read(em: EntityManager, query: FactsQuery): Promise<AssessmentFacts> {
    const { plan, year } = query;
    const shanghai = shanghaiYear(year);
    const params = {
      planId: plan.id,
      governmentId: plan.governmentId,
      year,
      periodFrom: `${year}-`,
      periodTo: `${year + 1}-`,
      dateFrom: `${year}-01-01`,
      dateTo: `${year}-12-31`,
      instantFrom: sqlTimestamp(shanghai.from),
      instantTo: sqlTimestamp(shanghai.to),
      asOf: sqlTimestamp(query.asOf),
      runId: query.runId ?? 0,
    };
    const run = (sql: string): Promise<Row[]> => em.query<Row[]>(...named(sql, params));
    if (em.connection.options.type === 'mysql') {
      // MySQL cuts GROUP_CONCAT at 1 KB by default; a unit's late reports over a year need more.
      await em.query('SET SESSION group_concat_max_len = 67108864');
    }

    const units = await this.units(run);
    const facts = new Map(units.map((u) => [u.id, emptyFacts(u.id)]));
    const of = (unitId: unknown) => facts.get(Number(unitId));

    // Through the plan's tasks: (task, unit) is an index of its own, where the plan's index would look up each row.
    for (const row of await run(`SELECT a.unit_id AS unitId, COUNT(*) AS n FROM task t
        JOIN assignment a ON a.task_id = t.id WHERE t.plan_id = :planId GROUP BY a.unit_id`)) {
      const f = of(row.unitId);
      if (f) {
        f.assignments = num(row.n);
      }
    }

    await this.timeliness(run, facts);
    await this.completion(run, facts, query.asOf);
    await this.indicators(run, facts);

    for (const row of await run(`SELECT w.unit_id AS unitId, w.kind AS kind, GROUP_CONCAT(w.id) AS ids
        FROM warning w LEFT JOIN reporting_obligation o ON o.id = w.obligation_id
        WHERE w.plan_id = :planId
          AND ((o.id IS NOT NULL AND o.period >= :periodFrom AND o.period < :periodTo)
            OR (o.id IS NULL AND w.issued_at >= :instantFrom AND w.issued_at < :instantTo))
        GROUP BY w.unit_id, w.kind`)) {
      // Ids grow with issue time: sorted, they list the warnings in the order they were issued.
      const kind = row.kind as DeductedWarningKind;
      of(row.unitId)?.warnings.push(...idList(row.ids).map((id) => ({ id, kind })));
    }
    for (const f of facts.values()) {
      f.warnings.sort((a, b) => a.id - b.id);
    }

    // A case counts in the year of the earliest report it is about, else the year it was opened; an interview in
    // the year of its case. Interviews without a case name no plan and are left to the office's adjustment.
    const caseIds = new Set<number>();
    for (const row of await run(`SELECT k.id AS id, k.unitId AS unitId FROM (
          SELECT c.id AS id, c.unit_id AS unitId, c.opened_at AS openedAt,
            (SELECT MIN(lo.period) FROM supervision_case_link l JOIN reporting_obligation lo ON lo.id = l.ref_id
              WHERE l.case_id = c.id AND l.kind = 'obligation') AS firstPeriod
          FROM supervision_case c WHERE c.plan_id = :planId) k
        WHERE (k.firstPeriod IS NOT NULL AND k.firstPeriod >= :periodFrom AND k.firstPeriod < :periodTo)
          OR (k.firstPeriod IS NULL AND k.openedAt >= :instantFrom AND k.openedAt < :instantTo)
        ORDER BY k.id`)) {
      caseIds.add(num(row.id));
      of(row.unitId)?.cases.push(num(row.id));
    }
    for (const row of await run(`SELECT i.id AS id, i.unit_id AS unitId, i.case_id AS caseId
        FROM interview i JOIN supervision_case c ON c.id = i.case_id
        WHERE c.plan_id = :planId AND i.status <> 'cancelled' ORDER BY i.id`)) {
      if (caseIds.has(num(row.caseId))) {
        of(row.unitId)?.interviews.push(num(row.id));
      }
    }

    for (const row of await run(`SELECT b.id AS id, b.unit_id AS unitId, b.points AS points, b.reason AS reason
        FROM assessment_bonus b WHERE b.plan_id = :planId AND b.year = :year AND b.withdrawn_at IS NULL
        ORDER BY b.id`)) {
      of(row.unitId)?.bonuses.push({ id: num(row.id), points: num(row.points), reason: String(row.reason) });
    }
    for (const row of await run(`SELECT a.id AS id, a.unit_id AS unitId, a.kind AS kind, a.points AS points,
          a.reason AS reason, a.appeal_id AS appealId
        FROM assessment_adjustment a WHERE a.run_id = :runId ORDER BY a.id`)) {
      of(row.unitId)?.adjustments.push({
        id: num(row.id),
        kind: row.kind as AdjustmentKind,
        points: num(row.points),
        reason: String(row.reason),
        appealId: numOrNull(row.appealId),
      });
    }
    return { units, facts };
  }

  /**
   * 报送及时性 and 审核质量 in two passes over the year's obligations. The first counts them grouped by raw columns
   * (status, rating): no expression evaluated per row, which was most of the time of one pass that classified each
   * row (MariaDB, 3.6 million rows: 8 s, against 4.5 s for both passes). The second returns only the ids the trace
   * names — the reports missing once due, those late, the low ratings; what is counted and not missed was on time.
   */
  private async timeliness(run: (sql: string) => Promise<Row[]>, facts: Map<number, UnitFacts>): Promise<void> {
    const reported = new Map<number, number>();
    for (const row of await run(`SELECT o.unit_id + 0 AS unitId, o.status AS obligationStatus,
          o.accepted_rating AS rating, COUNT(*) AS n
        ${PLAN_YEAR}
        GROUP BY unitId, obligationStatus, rating`)) {
      const f = facts.get(num(row.unitId));
      if (!f) {
        continue;
      }
      const n = num(row.n);
      if (REPORTED.includes(String(row.obligationStatus))) {
        reported.set(f.unitId, (reported.get(f.unitId) ?? 0) + n);
      }
      const rating = numOrNull(row.rating);
      if (rating !== null && RATINGS.includes(rating)) {
        f.ratings[rating] += n;
      }
    }
    for (const row of await run(`SELECT o.unit_id + 0 AS unitId,
          GROUP_CONCAT(CASE WHEN ${MISSING} THEN -o.id WHEN ${REPORTED_LATE} THEN o.id END) AS missed,
          GROUP_CONCAT(CASE WHEN ${LOW_RATING} THEN o.current_submission_id * 10 + o.accepted_rating END) AS lowRatings
        ${PLAN_YEAR} AND (${MISSING} OR ${REPORTED_LATE} OR ${LOW_RATING})
        GROUP BY unitId`)) {
      const f = facts.get(num(row.unitId));
      if (!f) {
        continue;
      }
      f.missed = idList(row.missed)
        .sort((a, b) => Math.abs(a) - Math.abs(b))
        .map((id) => ({ obligationId: Math.abs(id), missing: id < 0 }));
      f.lowRatings = idList(row.lowRatings)
        .sort((a, b) => a - b)
        .map((code) => ({ submissionId: Math.floor(code / 10), rating: code % 10 }));
    }
    for (const f of facts.values()) {
      // Counted: every report made, and every one missing once due; waived and cancelled obligations are excused.
      f.obligationsCounted = (reported.get(f.unitId) ?? 0) + f.missed.filter((m) => m.missing).length;
      f.obligationsOnTime = f.obligationsCounted - f.missed.length;
    }
  }

  /**
   * The units assessed: every unit with an assignment in the plan, and every department and lower government
   * directly under the plan's government (listed without a score when it carries no task).
   */
  private async units(run: (sql: string) => Promise<Row[]>): Promise<AssessedUnit[]> {
    const [government] = await run(`SELECT u.level AS level FROM unit u WHERE u.id = :governmentId`);
    const rows = await run(`SELECT u.id AS id, u.name AS name, u.kind AS kind, u.level AS level FROM unit u
      WHERE u.id IN (SELECT a.unit_id FROM assignment a WHERE a.plan_id = :planId)
        OR (u.parent_id = :governmentId AND u.kind IN ('department', 'government'))
      ORDER BY u.path`);
    const level = (government?.level ?? 'city') as GovLevel;
    return rows.map((row) => {
      const unit = { kind: row.kind as UnitKind, level: row.level as GovLevel };
      return { id: num(row.id), name: String(row.name), ...unit, group: rankGroupOf(unit, { level }) };
    });
  }

  /**
   * 任务完成: each once-deadline in the year of a task the unit leads or carries locally (地方落实) is met by an
   * accepted 100 % report for a period starting on or before it. Not yet counted while its report may still come in
   * time; left out when the unit declared 无此项任务 for the task all year. One row per deadline, with index probes
   * on (task, unit): there are far fewer deadlines than obligations.
   */
  private async completion(
    run: (sql: string) => Promise<Row[]>,
    facts: Map<number, UnitFacts>,
    asOf: Date,
  ): Promise<void> {
    // One pass over each item's obligations, in `ix_reporting_obligation_completion` alone, gives both its first
    // complete report (the accepted report is the obligation's current one) and its last due time; only an item not
    // met probes whether the unit declared 无此项任务 all year.
    const rows = await run(`SELECT x.unitId AS unitId, x.taskId AS taskId, x.deadline AS deadline,
        x.metSubmissionId AS metSubmissionId, x.lastDueAt AS lastDueAt,
        CASE WHEN x.metSubmissionId IS NOT NULL THEN 0
          WHEN EXISTS (SELECT 1 FROM reporting_obligation o JOIN reporting_submission s ON s.obligation_id = o.id
            WHERE o.task_id = x.taskId AND o.unit_id = x.unitId AND o.period >= :periodFrom AND o.period < :periodTo
              AND s.kind <> 'no_task') THEN 0
          WHEN EXISTS (SELECT 1 FROM reporting_obligation o JOIN reporting_submission s ON s.obligation_id = o.id
            WHERE o.task_id = x.taskId AND o.unit_id = x.unitId AND o.period >= :periodFrom AND o.period < :periodTo
              AND s.kind = 'no_task') THEN 1
          ELSE 0 END AS notConcerned
      FROM (SELECT a.unit_id AS unitId, a.task_id AS taskId, d.date AS deadline,
          MIN(CASE WHEN o.accepted_complete = 1 THEN o.current_submission_id END) AS metSubmissionId,
          MAX(o.due_at) AS lastDueAt
        FROM assignment a
        JOIN task t ON t.id = a.task_id
        JOIN task_deadline d ON d.task_id = a.task_id
        LEFT JOIN reporting_obligation o
          ON o.task_id = a.task_id AND o.unit_id = a.unit_id AND o.period_start <= d.date
        WHERE a.plan_id = :planId AND a.role IN ('lead', 'local') AND t.status <> 'cancelled'
          AND d.kind = 'once' AND d.date >= :dateFrom AND d.date <= :dateTo
        GROUP BY a.unit_id, a.task_id, d.date) x
      ORDER BY x.unitId, x.deadline, x.taskId`);
    for (const row of rows) {
      const f = facts.get(num(row.unitId));
      if (!f) {
        continue;
      }
      const met = numOrNull(row.metSubmissionId);
      if (met === null) {
        if (num(row.notConcerned) === 1) {
          f.completionNotConcerned++;
          continue;
        }
        // Pending until the report of the deadline's period is due (or, without one, the deadline day is over).
        const pendingUntil =
          row.lastDueAt === null || row.lastDueAt === undefined
            ? new Date(`${String(row.deadline)}T23:59:59.999+08:00`)
            : asDate(row.lastDueAt);
        if (pendingUntil.getTime() > asOf.getTime()) {
          continue;
        }
      }
      f.completion.push({ taskId: num(row.taskId), deadline: String(row.deadline), metSubmissionId: met });
    }
  }

  /**
   * 指标: the latest accepted actual of the year per unit and indicator. An indicator with an owner counts for the
   * owner only; one tied to a task is expected from the task's leads (listed, and left out, when they report none);
   * plan-wide indicators count for whoever reports them.
   */
  private async indicators(run: (sql: string) => Promise<Row[]>, facts: Map<number, UnitFacts>): Promise<void> {
    const meta = new Map<number, { fact: Omit<IndicatorFact, 'actual' | 'submissionId'>; owner: number | null }>();
    for (const row of await run(`SELECT pi.id AS id, pi.name AS name, pi.comparator AS comparator,
        pi.target AS target, pi.approximate AS approximate, pi.owner_unit_id AS owner
        FROM plan_indicator pi WHERE pi.plan_id = :planId ORDER BY pi.id`)) {
      meta.set(num(row.id), {
        fact: {
          indicatorId: num(row.id),
          name: String(row.name),
          comparator: row.comparator as IndicatorComparator,
          target: numOrNull(row.target),
          approximate: Boolean(num(row.approximate)),
        },
        owner: numOrNull(row.owner),
      });
    }
    if (meta.size === 0) {
      return;
    }
    const perUnit = new Map<number, Map<number, IndicatorFact>>();
    const put = (unitId: number, fact: IndicatorFact) => {
      if (!facts.has(unitId)) {
        return;
      }
      const list = perUnit.get(unitId) ?? new Map<number, IndicatorFact>();
      perUnit.set(unitId, list);
      if (!list.has(fact.indicatorId) || fact.actual !== null) {
        list.set(fact.indicatorId, fact);
      }
    };
    const expected = await run(`SELECT pi.id AS indicatorId, COALESCE(pi.owner_unit_id, a.unit_id) AS unitId
      FROM plan_indicator pi LEFT JOIN assignment a
        ON pi.owner_unit_id IS NULL AND a.task_id = pi.task_id AND a.role IN ('lead', 'local')
      WHERE pi.plan_id = :planId AND (pi.owner_unit_id IS NOT NULL OR a.unit_id IS NOT NULL)`);
    for (const row of expected) {
      const indicator = meta.get(num(row.indicatorId));
      if (indicator) {
        put(num(row.unitId), { ...indicator.fact, actual: null, submissionId: null });
      }
    }
    const actuals = await run(`SELECT x.unitId AS unitId, x.indicatorId AS indicatorId, x.value AS value,
        x.submissionId AS submissionId FROM (
          SELECT o.unit_id AS unitId, v.indicator_id AS indicatorId, v.value AS value, s.id AS submissionId,
            ROW_NUMBER() OVER (PARTITION BY o.unit_id, v.indicator_id ORDER BY o.period_start DESC, s.id DESC) AS rn
          FROM plan_indicator pi
          JOIN reporting_indicator_value v ON v.indicator_id = pi.id
          JOIN reporting_submission s ON s.id = v.submission_id
          JOIN reporting_obligation o ON o.id = s.obligation_id
          WHERE pi.plan_id = :planId AND s.status = 'accepted' AND o.period >= :periodFrom AND o.period < :periodTo
        ) x WHERE x.rn = 1`);
    for (const row of actuals) {
      const indicator = meta.get(num(row.indicatorId));
      const unitId = num(row.unitId);
      if (indicator && (indicator.owner === null || indicator.owner === unitId)) {
        put(unitId, { ...indicator.fact, actual: num(row.value), submissionId: num(row.submissionId) });
      }
    }
    for (const [unitId, list] of perUnit) {
      (facts.get(unitId) as UnitFacts).indicators = [...list.values()].sort((a, b) => a.indicatorId - b.indicatorId);
    }
  }
}

/** DATETIME values: Date objects from mysql2 (`timezone: 'Z'`), UTC strings from SQLite. */
function asDate(value: unknown): Date {
  if (value instanceof Date) {
    return value;
  }
  const text = String(value);
  return new Date(text.includes('T') ? text : `${text.replace(' ', 'T')}Z`);
}
