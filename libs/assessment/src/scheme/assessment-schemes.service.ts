import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, describeActor, DomainError, UnitOfWork } from '@app/core';
import { Plan } from '@app/plans';
import { AssessmentScheme } from './assessment-scheme.entity';
import { checkScheme, DEFAULT_SCHEME, ScoringScheme } from './scoring-scheme';

/** The scheme in force for a plan and year: a stored version, or the defaults (version null) until one is saved. */
export interface CurrentScheme {
  planId: number;
  year: number;
  version: number | null;
  scheme: ScoringScheme;
  createdBy: string | null;
  createdAt: Date | null;
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** Scoring schemes per plan and year, versioned: every change is a new row; runs pin the version they used. */
@Injectable()
export class AssessmentSchemes {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async current(planId: number, year: number, em: EntityManager = this.dataSource.manager): Promise<CurrentScheme> {
    await requirePlanYear(em, planId, year);
    const latest = await this.latest(em, planId, year);
    return latest
      ? view(latest)
      : { planId, year, version: null, scheme: DEFAULT_SCHEME, createdBy: null, createdAt: null };
  }

  async versions(planId: number, year: number): Promise<CurrentScheme[]> {
    const em = this.dataSource.manager;
    await requirePlanYear(em, planId, year);
    const rows = await em.find(AssessmentScheme, { where: { planId, year }, order: { version: 'DESC' } });
    return rows.map(view);
  }

  /** Saves a new version. Refused whole, with every bad field named, when the scheme does not hold together. */
  async update(actor: Actor, planId: number, year: number, input: ScoringScheme): Promise<CurrentScheme> {
    const scheme = checkScheme(input);
    return this.unitOfWork.run(async (em) => {
      const plan = await requirePlanYear(em, planId, year);
      const latest = await this.latest(em, planId, year);
      const saved = await this.insert(em, actor, plan, year, (latest?.version ?? 0) + 1, scheme);
      await this.audit.record(em, {
        actor,
        action: 'assessment.scheme.update',
        entityType: 'assessment_scheme',
        entityId: saved.id,
        unitId: plan.governmentId,
        before: latest ? { version: latest.version, scheme: latest.config } : { version: null, scheme: DEFAULT_SCHEME },
        after: { planId, year, version: saved.version, scheme },
      });
      return view(saved);
    });
  }

  /** The version a computation uses: the latest, or version 1 saved from the defaults (so a run can pin it). */
  async pin(em: EntityManager, actor: Actor, plan: Plan, year: number): Promise<AssessmentScheme> {
    const latest = await this.latest(em, plan.id, year);
    if (latest) {
      return latest;
    }
    const saved = await this.insert(em, actor, plan, year, 1, DEFAULT_SCHEME);
    await this.audit.record(em, {
      actor,
      action: 'assessment.scheme.default',
      entityType: 'assessment_scheme',
      entityId: saved.id,
      unitId: plan.governmentId,
      after: { planId: plan.id, year, version: 1, scheme: DEFAULT_SCHEME },
    });
    return saved;
  }

  async byId(em: EntityManager, id: number): Promise<AssessmentScheme> {
    return em.findOneByOrFail(AssessmentScheme, { id });
  }

  private latest(em: EntityManager, planId: number, year: number): Promise<AssessmentScheme | null> {
    return em.findOne(AssessmentScheme, { where: { planId, year }, order: { version: 'DESC' } });
  }

  private insert(
    em: EntityManager,
    actor: Actor,
    plan: Plan,
    year: number,
    version: number,
    scheme: ScoringScheme,
  ): Promise<AssessmentScheme> {
    return em.save(
      em.create(AssessmentScheme, {
        planId: plan.id,
        year,
        version,
        config: scheme,
        createdBy: describeActor(actor),
        createdAt: this.clock.now(),
      }),
    );
  }
}

/** The plan, and a year it covers (any plausible year when the plan states none). */
export async function requirePlanYear(em: EntityManager, planId: number, year: number): Promise<Plan> {
  const plan = await em.findOneBy(Plan, { id: planId });
  if (!plan) {
    throw DomainError.notFound('计划', planId);
  }
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw DomainError.invalid('year', `年度须为 ${MIN_YEAR}–${MAX_YEAR} 的整数`);
  }
  if ((plan.yearStart !== null && year < plan.yearStart) || (plan.yearEnd !== null && year > plan.yearEnd)) {
    throw DomainError.invalid('year', `该计划覆盖 ${plan.yearStart ?? '…'}–${plan.yearEnd ?? '…'} 年，不含 ${year} 年`);
  }
  return plan;
}

function view(row: AssessmentScheme): CurrentScheme {
  return {
    planId: row.planId,
    year: row.year,
    version: row.version,
    scheme: row.config,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}
