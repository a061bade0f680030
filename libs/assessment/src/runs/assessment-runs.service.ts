import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, describeActor, DomainError, UnitOfWork, formatShanghai } from '@app/core';
import { Plan } from '@app/plans';
import { WorkingCalendarProvider } from '@app/workflows';
import { AssessmentAppeal } from '../appeals/assessment-appeal.entity';
import { AssessmentNotices } from '../common/assessment-notices';
import { AssessmentFactsReader } from '../facts/assessment-facts.reader';
import { AssessmentSchemes, requirePlanYear } from '../scheme/assessment-schemes.service';
import type { ScoringScheme } from '../scheme/scoring-scheme';
import { scoreUnit } from '../scoring/score-unit';
import { emptyFacts } from '../scoring/unit-facts';
import { AssessmentHooks } from '../workflow/assessment-hooks';
import { appealDeadlineOf } from './appeal-window';
import { AssessmentResult } from './assessment-result.entity';
import { AssessmentRun, RUN_STATUS_LABELS, RunStatus } from './assessment-run.entity';

export interface ComputeSummary {
  runId: number;
  revision: number;
  schemeVersion: number;
  computedAt: Date;
  units: number;
  scored: number;
}

/** Result rows per INSERT: ~23 parameters each stays far below both drivers' limits. */
const INSERT_BATCH = 200;

/**
 * The assessment run as a state machine: `draft` (computed and recomputed, adjusted by the office) → `released`
 * (公示: units see their own draft and may appeal until the deadline) → `published` (frozen). Each transition is one
 * method, one transaction and one audit entry, so the embedded API and a Temporal workflow (as activities) drive the
 * same code. When the appeal window ends nothing happens by itself: new appeals are refused, and publishing stays
 * the office's act.
 */
@Injectable()
export class AssessmentRuns {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly schemes: AssessmentSchemes,
    private readonly reader: AssessmentFactsReader,
    private readonly notices: AssessmentNotices,
    private readonly calendars: WorkingCalendarProvider,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly hooks: AssessmentHooks,
  ) {}

  /** Opens the run of a published plan's year, as a draft with no results yet; one run per plan and year. */
  async start(actor: Actor, input: { planId: number; year: number }): Promise<AssessmentRun> {
    return this.unitOfWork.run(async (em) => {
      const plan = await requirePlanYear(em, input.planId, input.year);
      if (plan.status !== 'published') {
        throw new DomainError('CONFLICT', '计划尚未发布，不能考核');
      }
      const existing = await em.findOneBy(AssessmentRun, { planId: plan.id, year: input.year });
      if (existing) {
        throw new DomainError(
          'CONFLICT',
          `该计划 ${input.year} 年度已有考核（编号 ${existing.id}，${RUN_STATUS_LABELS[existing.status]}）`,
        );
      }
      const now = this.clock.now();
      const run = await em.save(
        em.create(AssessmentRun, {
          planId: plan.id,
          year: input.year,
          status: 'draft',
          schemeId: null,
          schemeVersion: null,
          revision: 0,
          computedAt: null,
          releasedAt: null,
          appealDeadline: null,
          publishedAt: null,
          startedBy: describeActor(actor),
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(em, {
        actor,
        action: 'assessment.run.start',
        entityType: 'assessment_run',
        entityId: run.id,
        unitId: plan.governmentId,
        after: { planId: plan.id, year: input.year, status: 'draft' },
      });
      await this.hooks.emit(em, { kind: 'started', run, actor });
      return run;
    });
  }

  /**
   * Scores every unit from the records as of now, with the latest scheme version (pinned on the run and on every
   * result). Only a draft is recomputed; the office's adjustments are kept and applied again.
   */
  async compute(actor: Actor, runId: number): Promise<ComputeSummary> {
    return this.unitOfWork.run(async (em) => {
      const run = await this.locked(em, runId);
      assertStatus(run, ['draft'], '重新计算');
      const plan = await em.findOneByOrFail(Plan, { id: run.planId });
      const scheme = await this.schemes.pin(em, actor, plan, run.year);
      const asOf = this.clock.now();
      const { units, facts } = await this.reader.read(em, { plan, year: run.year, asOf, runId: run.id });
      const rows = units.map((unit) =>
        resultRow(run, unit.id, unit.group, scoreUnit(facts.get(unit.id) ?? emptyFacts(unit.id), scheme.config), {
          schemeVersion: scheme.version,
          at: asOf,
        }),
      );
      await em.delete(AssessmentResult, { runId: run.id });
      for (let start = 0; start < rows.length; start += INSERT_BATCH) {
        await em
          .createQueryBuilder()
          .insert()
          .into(AssessmentResult)
          .values(rows.slice(start, start + INSERT_BATCH))
          .updateEntity(false)
          .execute();
      }
      const revision = run.revision + 1;
      await em.update(
        AssessmentRun,
        { id: run.id },
        { revision, schemeId: scheme.id, schemeVersion: scheme.version, computedAt: asOf, updatedAt: asOf },
      );
      const scored = rows.filter((r) => r.scored).length;
      await this.audit.record(em, {
        actor,
        action: 'assessment.run.compute',
        entityType: 'assessment_run',
        entityId: run.id,
        unitId: plan.governmentId,
        before: { revision: run.revision, schemeVersion: run.schemeVersion },
        after: { revision, schemeVersion: scheme.version, asOf, units: rows.length, scored },
      });
      return { runId: run.id, revision, schemeVersion: scheme.version, computedAt: asOf, units: rows.length, scored };
    });
  }

  /**
   * 公示: units see their own draft and may appeal until the end of office hours of the N-th working day after today
   * (N from the pinned scheme). A workflow engine that computed the deadline itself passes it in.
   */
  async release(actor: Actor, runId: number, options: { appealDeadline?: Date } = {}): Promise<AssessmentRun> {
    return this.unitOfWork.run(async (em) => {
      const run = await this.locked(em, runId);
      assertStatus(run, ['draft'], '公示');
      if (run.revision === 0 || run.schemeId === null) {
        throw new DomainError('CONFLICT', '考核尚未计算，不能公示');
      }
      const scheme: ScoringScheme = (await this.schemes.byId(em, run.schemeId)).config;
      const now = this.clock.now();
      const appealDeadline =
        options.appealDeadline ?? appealDeadlineOf(this.calendars.calendar(), now, scheme.appealWorkingDays);
      const after = await this.transition(em, run, 'released', { releasedAt: now, appealDeadline });
      const plan = await em.findOneByOrFail(Plan, { id: run.planId });
      const notified = await this.notices.released(em, after, plan, await this.assessedUnits(em, run.id));
      await this.audit.record(em, {
        actor,
        action: 'assessment.run.release',
        entityType: 'assessment_run',
        entityId: run.id,
        unitId: plan.governmentId,
        before: { status: run.status },
        after: { status: after.status, appealDeadline, appealWorkingDays: scheme.appealWorkingDays, notified },
      });
      await this.hooks.emit(em, { kind: 'released', run: after, actor });
      return after;
    });
  }

  /** 发布: after the appeal window, with every appeal decided. Published results are frozen. */
  async publish(actor: Actor, runId: number): Promise<AssessmentRun> {
    return this.unitOfWork.run(async (em) => {
      const run = await this.locked(em, runId);
      if (run.status === 'published') {
        throw new DomainError(
          'CONFLICT',
          `考核结果已于 ${formatShanghai(run.publishedAt as Date)} 发布，不能重复发布；更正请提交更正（生成新版本）`,
        );
      }
      assertStatus(run, ['released'], '发布');
      const now = this.clock.now();
      const deadline = run.appealDeadline as Date;
      if (now.getTime() <= deadline.getTime()) {
        throw new DomainError('CONFLICT', `申诉期至 ${formatShanghai(deadline)} 截止，截止后方可发布`);
      }
      const pending = await em.countBy(AssessmentAppeal, { runId: run.id, status: 'pending' });
      if (pending > 0) {
        throw new DomainError('CONFLICT', `还有 ${pending} 件申诉未处理，处理完毕后方可发布`);
      }
      const after = await this.transition(em, run, 'published', { publishedAt: now });
      const plan = await em.findOneByOrFail(Plan, { id: run.planId });
      const notified = await this.notices.published(em, after, plan, await this.assessedUnits(em, run.id));
      await this.audit.record(em, {
        actor,
        action: 'assessment.run.publish',
        entityType: 'assessment_run',
        entityId: run.id,
        unitId: plan.governmentId,
        before: { status: run.status },
        after: { status: after.status, publishedAt: now, notified },
      });
      await this.hooks.emit(em, { kind: 'published', run: after, actor });
      return after;
    });
  }

  async get(runId: number, em: EntityManager = this.dataSource.manager): Promise<AssessmentRun> {
    const run = await em.findOneBy(AssessmentRun, { id: runId });
    if (!run) {
      throw DomainError.notFound('考核', runId);
    }
    return run;
  }

  findByPlanYear(planId: number, year: number): Promise<AssessmentRun | null> {
    return this.dataSource.manager.findOneBy(AssessmentRun, { planId, year });
  }

  /** Reads the run to change it: FOR UPDATE on MySQL, so two offices acting at once are serialised. */
  private async locked(em: EntityManager, runId: number): Promise<AssessmentRun> {
    const mysql = em.connection.options.type === 'mysql';
    const run = await em.findOne(AssessmentRun, {
      where: { id: runId },
      ...(mysql ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!run) {
      throw DomainError.notFound('考核', runId);
    }
    return run;
  }

  /** A conditional update: of two transitions racing, the second finds the status changed. */
  private async transition(
    em: EntityManager,
    run: AssessmentRun,
    status: RunStatus,
    changes: Partial<AssessmentRun>,
  ): Promise<AssessmentRun> {
    const now = this.clock.now();
    const result = await em
      .createQueryBuilder()
      .update(AssessmentRun)
      .set({ ...changes, status, updatedAt: now })
      .where('id = :id AND status = :from', { id: run.id, from: run.status })
      .execute();
    if (result.affected !== 1) {
      throw new DomainError('CONFLICT', '考核状态已被他人更改，请刷新后重试');
    }
    return { ...run, ...changes, status, updatedAt: now };
  }

  private async assessedUnits(em: EntityManager, runId: number): Promise<number[]> {
    const rows = await em.find(AssessmentResult, { select: { unitId: true }, where: { runId, isCurrent: true } });
    return rows.map((r) => r.unitId);
  }
}

const ACTION_STATUSES: Record<RunStatus, string> = {
  draft: '初评阶段',
  released: '公示阶段',
  published: '已发布',
};

export function assertStatus(run: AssessmentRun, allowed: readonly RunStatus[], action: string): void {
  if (!allowed.includes(run.status)) {
    throw new DomainError('CONFLICT', `考核当前处于“${ACTION_STATUSES[run.status]}”，不能${action}`);
  }
}

/** A result row from a unit's score. */
export function resultRow(
  run: AssessmentRun,
  unitId: number,
  group: AssessmentResult['rankGroup'],
  score: ReturnType<typeof scoreUnit>,
  meta: { schemeVersion: number; at: Date; version?: number },
): Omit<AssessmentResult, 'id'> {
  const b = score.breakdown;
  return {
    runId: run.id,
    unitId,
    version: meta.version ?? 1,
    isCurrent: true,
    rankGroup: group,
    scored: score.scored,
    note: score.note,
    timeliness: b?.timeliness ?? null,
    completion: b?.completion ?? null,
    reviewQuality: b?.reviewQuality ?? null,
    indicators: b?.indicators ?? null,
    deductions: b?.deductions ?? null,
    bonus: b?.bonus ?? null,
    adjustments: b?.adjustments ?? null,
    floor: b?.floor ?? null,
    total: b?.total ?? null,
    grade: score.grade,
    trace: score.trace,
    schemeVersion: meta.schemeVersion,
    computedAt: meta.at,
    updatedAt: meta.at,
    supersededAt: null,
  };
}
