import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsSelect, In } from 'typeorm';
import { Clock, DomainError } from '@app/core';
import { AuthUser, GovLevel, Unit } from '@app/org';
import { Plan } from '@app/plans';
import { AssessmentAdjustment } from '../adjustments/assessment-adjustment.entity';
import { AppealStatus, AssessmentAppeal } from '../appeals/assessment-appeal.entity';
import { AssessmentAccess } from '../common/assessment-access';
import { AssessmentResult } from '../runs/assessment-result.entity';
import { AssessmentRun, RunStatus } from '../runs/assessment-run.entity';
import { AssessmentScheme } from '../scheme/assessment-scheme.entity';
import { GRADE_LABELS, ScoringScheme } from '../scheme/scoring-scheme';
import { RANK_GROUPS, RankGroup, rankGroupLabel, rankWithinGroups } from '../scoring/ranking';
import { TraceLine } from '../scoring/trace';

export interface RunContext {
  run: AssessmentRun;
  plan: Plan;
  government: Unit;
}

/** A unit's current result with what a list shows next to it. */
export interface ResultRow {
  result: AssessmentResult;
  unitName: string;
  groupLabel: string;
  /** Within the unit's group, ties sharing a rank; null when not scored. */
  rank: number | null;
  groupSize: number;
}

export interface RunSummary extends RunContext {
  units: number;
  scored: number;
  appeals: Record<AppealStatus, number>;
  /** Appeals are accepted now (released and before the deadline). */
  appealWindowOpen: boolean;
}

export interface ResultDetail extends RunContext {
  row: ResultRow;
  scheme: ScoringScheme | null;
  appeals: AssessmentAppeal[];
  adjustments: AssessmentAdjustment[];
  /** Every version of the unit's result in this run, oldest first (more than one only after corrections). */
  versions: Array<Pick<AssessmentResult, 'id' | 'version' | 'total' | 'grade' | 'isCurrent' | 'supersededAt'>>;
}

export interface RankingGroup {
  group: RankGroup;
  label: string;
  rows: ResultRow[];
}

export interface AppealRow {
  appeal: AssessmentAppeal;
  unitName: string;
}

/** One line of the assessment sheet (考核结果汇总表): the export writes these as they are. */
export interface SheetRow {
  rank: number | null;
  unitId: number;
  unitName: string;
  scored: boolean;
  note: string | null;
  timeliness: number | null;
  completion: number | null;
  reviewQuality: number | null;
  indicators: number | null;
  /** Negative, or 0. */
  deductions: number | null;
  /** What was deducted for, e.g. `黄色预警 3 次，首 1 次不扣分…；挂牌督办 1 件…`. */
  deductionDetail: string;
  bonus: number | null;
  /** Adjustments (office, appeals, corrections) plus the floor at 0. */
  adjustments: number | null;
  adjustmentDetail: string;
  total: number | null;
  grade: string | null;
  gradeLabel: string | null;
  version: number;
}

export interface AssessmentSheet {
  run: {
    id: number;
    planId: number;
    planTitle: string;
    governmentName: string;
    year: number;
    status: RunStatus;
    schemeVersion: number | null;
    weights: ScoringScheme['weights'] | null;
    computedAt: Date | null;
    releasedAt: Date | null;
    appealDeadline: Date | null;
    publishedAt: Date | null;
  };
  groups: Array<{ group: RankGroup; label: string; rows: SheetRow[] }>;
}

/** Every column but the trace: lists of thousands of units do not need each unit's reasons. */
const LIST_COLUMNS: FindOptionsSelect<AssessmentResult> = {
  id: true,
  runId: true,
  unitId: true,
  version: true,
  isCurrent: true,
  rankGroup: true,
  scored: true,
  note: true,
  timeliness: true,
  completion: true,
  reviewQuality: true,
  indicators: true,
  deductions: true,
  bonus: true,
  adjustments: true,
  floor: true,
  total: true,
  grade: true,
  schemeVersion: true,
  computedAt: true,
  updatedAt: true,
  supersededAt: true,
};

/**
 * The read side of the assessment, jurisdiction-checked: runs, results with ranks, one unit's breakdown, appeals,
 * and `sheet()` for the export of the 考核结果汇总表.
 */
@Injectable()
export class AssessmentQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AssessmentAccess,
    private readonly clock: Clock,
  ) {}

  /** Runs of plans the caller oversees; leaders see published runs only. */
  async runs(user: AuthUser, filter: { planId?: number; year?: number }): Promise<RunContext[]> {
    const em = this.dataSource.manager;
    const qb = em
      .createQueryBuilder(AssessmentRun, 'r')
      .innerJoin(Plan, 'p', 'p.id = r.plan_id')
      .innerJoin(Unit, 'g', 'g.id = p.government_id')
      .orderBy('r.year', 'DESC')
      .addOrderBy('r.id', 'DESC');
    if (user.scope.kind === 'subtree') {
      qb.andWhere('g.path LIKE :prefix', { prefix: `${user.scope.rootPath}%` });
    } else if (user.scope.kind === 'unit') {
      return [];
    }
    if (user.role === 'leader') {
      qb.andWhere('r.status = :published', { published: 'published' });
    }
    if (filter.planId !== undefined) {
      qb.andWhere('r.plan_id = :planId', { planId: filter.planId });
    }
    if (filter.year !== undefined) {
      qb.andWhere('r.year = :year', { year: filter.year });
    }
    const runs = await qb.getMany();
    return Promise.all(runs.map((run) => this.context(em, run)));
  }

  async summary(user: AuthUser, runId: number): Promise<RunSummary> {
    const em = this.dataSource.manager;
    const context = await this.readableRun(em, user, runId);
    const counts = await em
      .createQueryBuilder(AssessmentResult, 'r')
      .select('COUNT(*)', 'units')
      .addSelect('SUM(CASE WHEN r.scored = 1 THEN 1 ELSE 0 END)', 'scored')
      .where('r.run_id = :runId AND r.is_current = :current', { runId, current: true })
      .getRawOne<{ units: number | string; scored: number | string | null }>();
    const appeals = await em
      .createQueryBuilder(AssessmentAppeal, 'a')
      .select('a.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('a.run_id = :runId', { runId })
      .groupBy('a.status')
      .getRawMany<{ status: AppealStatus; n: number | string }>();
    const byStatus: Record<AppealStatus, number> = { pending: 0, accepted: 0, rejected: 0 };
    appeals.forEach((a) => (byStatus[a.status] = Number(a.n)));
    return {
      ...context,
      units: Number(counts?.units ?? 0),
      scored: Number(counts?.scored ?? 0),
      appeals: byStatus,
      appealWindowOpen: appealWindowOpen(context.run, this.clock.now()),
    };
  }

  async results(user: AuthUser, runId: number): Promise<ResultRow[]> {
    const em = this.dataSource.manager;
    const context = await this.readableRun(em, user, runId);
    return this.rows(em, context);
  }

  async rankings(user: AuthUser, runId: number): Promise<RankingGroup[]> {
    const em = this.dataSource.manager;
    const context = await this.readableRun(em, user, runId);
    const rows = await this.rows(em, context);
    return RANK_GROUPS.map((group) => ({
      group,
      label: rankGroupLabel(group, context.government.level),
      rows: rows.filter((r) => r.result.rankGroup === group),
    })).filter((g) => g.rows.length > 0);
  }

  async result(user: AuthUser, resultId: number): Promise<ResultDetail> {
    const em = this.dataSource.manager;
    const result = await em.findOneBy(AssessmentResult, { id: resultId });
    if (!result) {
      throw DomainError.notFound('考核结果', resultId);
    }
    const run = await em.findOneByOrFail(AssessmentRun, { id: result.runId });
    const context = await this.context(em, run);
    const unit = await em.findOneByOrFail(Unit, { id: result.unitId });
    this.access.assertCanReadResult(user, run, context.government, unit);
    const rows = await this.rows(em, context);
    const current = rows.find((r) => r.result.unitId === result.unitId);
    const row: ResultRow = {
      result,
      unitName: unit.name,
      groupLabel: rankGroupLabel(result.rankGroup, context.government.level),
      rank: result.isCurrent ? (current?.rank ?? null) : null,
      groupSize: current?.groupSize ?? 0,
    };
    const scheme = run.schemeId ? (await em.findOneByOrFail(AssessmentScheme, { id: run.schemeId })).config : null;
    const versions = await em.find(AssessmentResult, {
      select: { id: true, version: true, total: true, grade: true, isCurrent: true, supersededAt: true },
      where: { runId: run.id, unitId: result.unitId },
      order: { version: 'ASC' },
    });
    return {
      ...context,
      row,
      scheme,
      appeals: await em.find(AssessmentAppeal, {
        where: { runId: run.id, unitId: result.unitId },
        order: { id: 'ASC' },
      }),
      adjustments: await em.find(AssessmentAdjustment, {
        where: { runId: run.id, unitId: result.unitId },
        order: { id: 'ASC' },
      }),
      versions,
    };
  }

  /** The caller's own unit's current results in released and published runs. */
  async mine(user: AuthUser): Promise<ResultRow[]> {
    const em = this.dataSource.manager;
    const results = await em
      .createQueryBuilder(AssessmentResult, 'r')
      .innerJoin(AssessmentRun, 'run', 'run.id = r.run_id')
      .where('r.unit_id = :unitId AND r.is_current = :current', { unitId: user.unitId, current: true })
      .andWhere('run.status IN (:...statuses)', {
        statuses: user.role === 'leader' ? ['published'] : ['released', 'published'],
      })
      .orderBy('run.year', 'DESC')
      .addOrderBy('run.id', 'DESC')
      .getMany();
    const out: ResultRow[] = [];
    for (const result of results) {
      const context = await this.context(em, await em.findOneByOrFail(AssessmentRun, { id: result.runId }));
      const row = (await this.rows(em, context)).find((r) => r.result.unitId === result.unitId);
      if (row) {
        out.push({ ...row, result });
      }
    }
    return out;
  }

  async appeals(user: AuthUser, runId: number, status?: AppealStatus): Promise<AppealRow[]> {
    const em = this.dataSource.manager;
    const context = await this.readableRun(em, user, runId);
    const appeals = await em.find(AssessmentAppeal, {
      where: { runId: context.run.id, ...(status ? { status } : {}) },
      order: { id: 'ASC' },
    });
    const names = await this.unitNames(
      em,
      appeals.map((a) => a.unitId),
    );
    return appeals.map((appeal) => ({ appeal, unitName: names.get(appeal.unitId) ?? '' }));
  }

  /**
   * The assessment sheet of a run, grouped as ranked, scored units first by rank then the units without a score.
   * With a user, the same read rules as the results list apply (a leader: published runs only).
   */
  async sheet(runId: number, user?: AuthUser): Promise<AssessmentSheet> {
    const em = this.dataSource.manager;
    const context = user
      ? await this.readableRun(em, user, runId)
      : await this.context(em, await this.runOrFail(em, runId));
    const { run, plan, government } = context;
    const rows = await this.rows(em, context);
    const traces = await this.deductionAndAdjustmentLines(em, run.id);
    const scheme = run.schemeId ? (await em.findOneByOrFail(AssessmentScheme, { id: run.schemeId })).config : null;
    return {
      run: {
        id: run.id,
        planId: plan.id,
        planTitle: plan.title,
        governmentName: government.name,
        year: run.year,
        status: run.status,
        schemeVersion: run.schemeVersion,
        weights: scheme?.weights ?? null,
        computedAt: run.computedAt,
        releasedAt: run.releasedAt,
        appealDeadline: run.appealDeadline,
        publishedAt: run.publishedAt,
      },
      groups: RANK_GROUPS.map((group) => ({
        group,
        label: rankGroupLabel(group, government.level),
        rows: rows.filter((r) => r.result.rankGroup === group).map((r) => sheetRow(r, traces.get(r.result.id) ?? [])),
      })).filter((g) => g.rows.length > 0),
    };
  }

  private async readableRun(em: EntityManager, user: AuthUser, runId: number): Promise<RunContext> {
    const context = await this.context(em, await this.runOrFail(em, runId));
    this.access.assertCanReadRun(user, context.run, context.government);
    return context;
  }

  private async runOrFail(em: EntityManager, runId: number): Promise<AssessmentRun> {
    const run = await em.findOneBy(AssessmentRun, { id: runId });
    if (!run) {
      throw DomainError.notFound('考核', runId);
    }
    return run;
  }

  private async context(em: EntityManager, run: AssessmentRun): Promise<RunContext> {
    const plan = await em.findOneByOrFail(Plan, { id: run.planId });
    return { run, plan, government: await em.findOneByOrFail(Unit, { id: plan.governmentId }) };
  }

  /** Current results with ranks, ordered by group, rank (unscored last), name. */
  private async rows(em: EntityManager, context: RunContext): Promise<ResultRow[]> {
    const results = await em.find(AssessmentResult, {
      select: LIST_COLUMNS,
      where: { runId: context.run.id, isCurrent: true },
    });
    const names = await this.unitNames(
      em,
      results.map((r) => r.unitId),
    );
    const ranks = rankWithinGroups(
      results.map((r) => ({ unitId: r.unitId, group: r.rankGroup, total: r.scored ? r.total : null })),
    );
    const sizes = new Map<RankGroup, number>();
    results.forEach((r) => sizes.set(r.rankGroup, (sizes.get(r.rankGroup) ?? 0) + (r.scored ? 1 : 0)));
    const level: GovLevel = context.government.level;
    const rows = results.map((result) => ({
      result,
      unitName: names.get(result.unitId) ?? '',
      groupLabel: rankGroupLabel(result.rankGroup, level),
      rank: ranks.get(result.unitId) ?? null,
      groupSize: sizes.get(result.rankGroup) ?? 0,
    }));
    const order = (row: ResultRow) => RANK_GROUPS.indexOf(row.result.rankGroup);
    return rows.sort(
      (a, b) =>
        order(a) - order(b) ||
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        a.unitName.localeCompare(b.unitName, 'zh-CN'),
    );
  }

  private async unitNames(em: EntityManager, ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    const names = new Map<number, string>();
    for (let start = 0; start < unique.length; start += 500) {
      const units = await em.find(Unit, {
        select: { id: true, name: true },
        where: { id: In(unique.slice(start, start + 500)) },
      });
      units.forEach((u) => names.set(u.id, u.name));
    }
    return names;
  }

  /** The deduction and adjustment lines of every current result (their reasons fill the sheet's detail columns). */
  private async deductionAndAdjustmentLines(em: EntityManager, runId: number): Promise<Map<number, TraceLine[]>> {
    const results = await em.find(AssessmentResult, {
      select: { id: true, trace: true },
      where: { runId, isCurrent: true },
    });
    return new Map(
      results.map((r) => [r.id, r.trace.filter((l) => l.category !== 'component' && l.category !== 'bonus')]),
    );
  }
}

export function appealWindowOpen(run: AssessmentRun, now: Date): boolean {
  return run.status === 'released' && run.appealDeadline !== null && now.getTime() <= run.appealDeadline.getTime();
}

function sheetRow(row: ResultRow, lines: TraceLine[]): SheetRow {
  const r = row.result;
  const adjustments = r.scored ? Math.round(((r.adjustments ?? 0) + (r.floor ?? 0)) * 100) / 100 : null;
  return {
    rank: row.rank,
    unitId: r.unitId,
    unitName: row.unitName,
    scored: r.scored,
    note: r.note,
    timeliness: r.timeliness,
    completion: r.completion,
    reviewQuality: r.reviewQuality,
    indicators: r.indicators,
    deductions: r.deductions,
    deductionDetail: lines
      .filter((l) => l.category === 'deduction')
      .map((l) => l.reason)
      .join('；'),
    bonus: r.bonus,
    adjustments,
    adjustmentDetail: lines
      .filter((l) => l.category === 'adjustment' || l.category === 'floor')
      .map((l) => `${l.reason}（${l.points > 0 ? '+' : ''}${l.points}）`)
      .join('；'),
    total: r.total,
    grade: r.grade,
    gradeLabel: r.grade ? GRADE_LABELS[r.grade] : null,
    version: r.version,
  };
}
