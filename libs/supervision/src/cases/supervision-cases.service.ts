import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, DomainError, describeActor } from '@app/core';
import { supervisionCaseNumber } from '@app/notify';
import { AccessScope, scopeCovers, Unit } from '@app/org';
import { findPlanHeader, Plan, Task } from '@app/plans';
import {
  DEFAULT_ESCALATION_LADDER,
  IssuedStep,
  rectificationDeadlineFor,
  SupervisionCaseSnapshot,
  WorkingCalendarProvider,
} from '@app/workflows';
import { attachmentRefs, optionalText, requireDate, requireIds, requireText } from '../common/input';
import { findForUpdate, isDuplicateKey } from '../common/persistence';
import { governmentOver, requireUnit, whereUnitInScope } from '../common/jurisdiction';
import { SupervisionEvent } from '../events/supervision-event.entity';
import { recordSupervisionEvent, supervisionEvents } from '../events/supervision-events';
import { Interview } from '../interviews/interview.entity';
import { documentYearOf, nextDocumentNumber } from '../numbering/document-numbers';
import { SupervisionHooks } from '../supervision-hooks';
import { CaseAction, nextCaseStatus } from './case-transitions';
import { CaseStatus, SupervisionCase, SupervisionCaseLink } from './supervision-case.entity';

export interface OpenCaseInput {
  unitId: number;
  planId?: number | null;
  /** The office that numbers the case when there is no plan (a supervisor's own government); see `governmentOver`. */
  governmentId?: number | null;
  reason: string;
  obligationIds?: readonly number[];
  taskIds?: readonly number[];
  /** 整改期限; defaults to the default ladder's ten working days, ending at 18:00. */
  rectificationDueAt?: Date | null;
  openedBy: Actor;
  /** The engine's step key; opening twice with it returns the first case and takes no second number. */
  dedupKey?: string | null;
  /** The jurisdiction of a person opening a case by hand: the plan's government must be in it. */
  scope?: AccessScope;
}

export interface RectificationInput {
  text: string;
  attachments?: readonly string[];
}

export interface ClosureRequestInput {
  summary: string;
  /** 佐证材料: at least one attachment reference. */
  evidence: readonly string[];
}

export interface VerificationInput {
  decision: 'accept' | 'reject';
  /** Mandatory when rejecting; an optional remark when accepting. */
  reason?: string | null;
}

export interface CaseFilter {
  status?: CaseStatus;
  unitId?: number;
  planId?: number;
  limit?: number;
}

export interface CaseSummary {
  supervisionCase: SupervisionCase;
  caseNumber: string;
  unitName: string;
}

export interface CaseDetail extends CaseSummary {
  links: SupervisionCaseLink[];
  events: SupervisionEvent[];
  interviews: Interview[];
}

/** The policy's view of a case (`nextSupervisionStep` of `@app/workflows`): anything not closed is still open. */
export function caseSnapshot(supervisionCase: SupervisionCase): SupervisionCaseSnapshot {
  return {
    id: String(supervisionCase.id),
    unitId: String(supervisionCase.unitId),
    openedAt: supervisionCase.openedAt.getTime(),
    rectificationDeadline: supervisionCase.rectificationDueAt.getTime(),
    status: supervisionCase.status === 'closed' ? 'closed' : 'open',
  };
}

export function caseNumberOf(supervisionCase: Pick<SupervisionCase, 'year' | 'number'>): string {
  return supervisionCaseNumber(supervisionCase.year, supervisionCase.number);
}

/** 挂牌督办: opened by the engine (inside its step transaction) or by hand by a supervisor, then worked through. */
@Injectable()
export class SupervisionCasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendars: WorkingCalendarProvider,
    private readonly clock: Clock,
    private readonly hooks: SupervisionHooks,
  ) {}

  async open(em: EntityManager, input: OpenCaseInput): Promise<SupervisionCase> {
    return (await this.openOrJoin(em, input)).supervisionCase;
  }

  /**
   * Opens the case, or returns the one already opened under the same dedup key (`created: false`): its notices and
   * timers went out in the transaction that created it, so a caller joining it has nothing to send again.
   */
  async openOrJoin(
    em: EntityManager,
    input: OpenCaseInput,
  ): Promise<{ supervisionCase: SupervisionCase; created: boolean }> {
    const dedupKey = input.dedupKey?.trim() ? requireText('dedupKey', input.dedupKey, 200) : null;
    if (dedupKey) {
      const existing = await em.findOneBy(SupervisionCase, { dedupKey });
      if (existing) {
        return { supervisionCase: existing, created: false };
      }
    }
    const unit = await requireUnit(em, 'unitId', input.unitId);
    const reason = requireText('reason', input.reason, 2000);
    const taskIds = requireIds('taskIds', input.taskIds);
    const obligationIds = requireIds('obligationIds', input.obligationIds);
    const plan = await this.planFor(em, input.planId ?? null, taskIds);
    const government = await governmentOver(
      em,
      unit,
      plan?.governmentId ?? input.governmentId,
      plan ? 'planId' : 'governmentId',
    );
    if (input.scope && !scopeCovers(input.scope, government)) {
      throw new DomainError('FORBIDDEN', `${government.name}的督办不在您的管辖范围内`, {
        [plan ? 'planId' : 'governmentId']: ['不在您的管辖范围内'],
      });
    }
    const now = this.clock.now();
    const rectificationDueAt = input.rectificationDueAt
      ? requireDate('rectificationDueAt', input.rectificationDueAt)
      : new Date(
          rectificationDeadlineFor(
            now.getTime(),
            this.calendars.calendar(),
            DEFAULT_ESCALATION_LADDER.rectificationWorkingDays,
          ),
        );
    if (input.openedBy.kind === 'user' && rectificationDueAt <= now) {
      throw DomainError.invalid('rectificationDueAt', '整改期限必须晚于当前时间');
    }
    const year = documentYearOf(now);
    const supervisionCase = em.create(SupervisionCase, {
      governmentId: government.id,
      year,
      number: await nextDocumentNumber(em, 'supervision_case', government.id, year),
      unitId: unit.id,
      planId: plan?.id ?? null,
      reason,
      status: 'open',
      rectificationDueAt,
      openedAt: now,
      openedBy: describeActor(input.openedBy),
      dedupKey,
      acknowledgedAt: null,
      acknowledgedBy: null,
      closedAt: null,
      closedBy: null,
      updatedAt: now,
    });
    try {
      await em.insert(SupervisionCase, supervisionCase);
    } catch (error) {
      if (isDuplicateKey(error)) {
        // Another transaction opened the same step's case a moment ago; this one rolls back (and gives its number
        // back), its retry finds the row by the dedup key.
        throw new DomainError('CONFLICT', `该督办事项正在由另一事务创建：${dedupKey ?? ''}`);
      }
      throw error;
    }
    const links = [
      ...taskIds.map((refId) => ({ caseId: supervisionCase.id, kind: 'task' as const, refId })),
      ...obligationIds.map((refId) => ({ caseId: supervisionCase.id, kind: 'obligation' as const, refId })),
    ];
    if (links.length > 0) {
      await em.insert(SupervisionCaseLink, links);
    }
    await recordSupervisionEvent(em, {
      subject: 'case',
      subjectId: supervisionCase.id,
      action: 'open',
      fromStatus: null,
      toStatus: 'open',
      text: reason,
      actor: input.openedBy,
      at: now,
    });
    await this.audit.record(em, {
      actor: input.openedBy,
      action: 'supervision_case.open',
      entityType: 'supervision_case',
      entityId: supervisionCase.id,
      unitId: unit.id,
      after: {
        number: caseNumberOf(supervisionCase),
        planId: supervisionCase.planId,
        reason,
        rectificationDueAt: rectificationDueAt.toISOString(),
        taskIds,
        obligationIds,
      },
    });
    return { supervisionCase, created: true };
  }

  /** 签收 by the unit's liaison or head. */
  acknowledge(em: EntityManager, actor: Actor, id: number): Promise<SupervisionCase> {
    return this.transition(em, actor, id, 'acknowledge', {}, (supervisionCase, now) => {
      supervisionCase.acknowledgedAt = now;
      supervisionCase.acknowledgedBy = actor.kind === 'user' ? actor.userId : null;
    });
  }

  /** 报送整改情况: may be repeated while rectifying. */
  reportRectification(
    em: EntityManager,
    actor: Actor,
    id: number,
    input: RectificationInput,
  ): Promise<SupervisionCase> {
    return this.transition(em, actor, id, 'report_rectification', {
      text: requireText('text', input.text, 5000),
      attachments: attachmentRefs('attachments', input.attachments),
    });
  }

  /** 申请销号, with the evidence (佐证材料) the supervisor verifies. */
  async requestClosure(
    em: EntityManager,
    actor: Actor,
    id: number,
    input: ClosureRequestInput,
  ): Promise<SupervisionCase> {
    const supervisionCase = await this.transition(em, actor, id, 'request_closure', {
      text: requireText('summary', input.summary, 5000),
      attachments: attachmentRefs('evidence', input.evidence, true),
    });
    await this.hooks.emit(em, { kind: 'caseClosureRequested', supervisionCase });
    return supervisionCase;
  }

  /** The supervisor's verification (核查): accept closes the case (销号); reject needs a reason. */
  async verify(em: EntityManager, actor: Actor, id: number, input: VerificationInput): Promise<SupervisionCase> {
    if (input.decision !== 'accept' && input.decision !== 'reject') {
      throw DomainError.invalid('decision', '取值必须是以下之一：accept, reject');
    }
    if (input.decision === 'reject') {
      const note = requireText('reason', input.reason, 2000);
      const supervisionCase = await this.transition(em, actor, id, 'reject_closure', { text: note });
      await this.hooks.emit(em, { kind: 'caseVerified', supervisionCase, approved: false, note });
      return supervisionCase;
    }
    const note = optionalText('reason', input.reason, 2000);
    const supervisionCase = await this.transition(em, actor, id, 'accept_closure', { text: note }, (closing, now) => {
      closing.closedAt = now;
      closing.closedBy = actor.kind === 'user' ? actor.userId : null;
    });
    await this.hooks.emit(em, { kind: 'caseVerified', supervisionCase, approved: true, note });
    return supervisionCase;
  }

  /** What the engine passes to `nextSupervisionStep`: the case and the interview already issued for it, if any. */
  async policyInput(
    em: EntityManager,
    id: number,
  ): Promise<{ supervisionCase: SupervisionCaseSnapshot; history: IssuedStep[] }> {
    const supervisionCase = await em.findOneBy(SupervisionCase, { id });
    if (!supervisionCase) {
      throw DomainError.notFound('督办事项', id);
    }
    // A cancelled interview counts as issued: the engine must not call the head in again on its own.
    const interviews = await em.find(Interview, { where: { caseId: id }, order: { id: 'ASC' } });
    return {
      supervisionCase: caseSnapshot(supervisionCase),
      history: interviews.map((interview) => ({ kind: 'interview' as const, at: interview.createdAt.getTime() })),
    };
  }

  async list(scope: AccessScope, filter: CaseFilter = {}): Promise<CaseSummary[]> {
    const qb = whereUnitInScope(this.dataSource.getRepository(SupervisionCase).createQueryBuilder('c'), 'c', scope)
      .orderBy('c.openedAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(filter.limit ?? 200);
    if (filter.status) {
      qb.andWhere('c.status = :status', { status: filter.status });
    }
    if (filter.unitId) {
      qb.andWhere('c.unit_id = :unitId', { unitId: filter.unitId });
    }
    if (filter.planId) {
      qb.andWhere('c.plan_id = :planId', { planId: filter.planId });
    }
    const cases = await qb.getMany();
    const names = await this.unitNames(cases.map((c) => c.unitId));
    return cases.map((c) => ({ supervisionCase: c, caseNumber: caseNumberOf(c), unitName: names.get(c.unitId) ?? '' }));
  }

  async detail(id: number): Promise<CaseDetail> {
    const em = this.dataSource.manager;
    const supervisionCase = await em.findOneBy(SupervisionCase, { id });
    if (!supervisionCase) {
      throw DomainError.notFound('督办事项', id);
    }
    const [links, events, interviews, names] = await Promise.all([
      em.find(SupervisionCaseLink, { where: { caseId: id }, order: { id: 'ASC' } }),
      supervisionEvents(em, 'case', id),
      em.find(Interview, { where: { caseId: id }, order: { id: 'ASC' } }),
      this.unitNames([supervisionCase.unitId]),
    ]);
    return {
      supervisionCase,
      caseNumber: caseNumberOf(supervisionCase),
      unitName: names.get(supervisionCase.unitId) ?? '',
      links,
      events,
      interviews,
    };
  }

  private async transition(
    em: EntityManager,
    actor: Actor,
    id: number,
    action: CaseAction,
    details: { text?: string | null; attachments?: string[] },
    apply?: (supervisionCase: SupervisionCase, now: Date) => void,
  ): Promise<SupervisionCase> {
    const supervisionCase = await findForUpdate(em, SupervisionCase, { id });
    if (!supervisionCase) {
      throw DomainError.notFound('督办事项', id);
    }
    const from = supervisionCase.status;
    const to = nextCaseStatus(from, action);
    const now = this.clock.now();
    supervisionCase.status = to;
    supervisionCase.updatedAt = now;
    apply?.(supervisionCase, now);
    await em.save(SupervisionCase, supervisionCase);
    await recordSupervisionEvent(em, {
      subject: 'case',
      subjectId: id,
      action,
      fromStatus: from,
      toStatus: to,
      text: details.text,
      attachments: details.attachments,
      actor,
      at: now,
    });
    await this.audit.record(em, {
      actor,
      action: `supervision_case.${action}`,
      entityType: 'supervision_case',
      entityId: id,
      unitId: supervisionCase.unitId,
      before: { status: from },
      after: { status: to, text: details.text ?? undefined, attachments: details.attachments },
    });
    return supervisionCase;
  }

  private async planFor(em: EntityManager, planId: number | null, taskIds: number[]): Promise<Plan | null> {
    const tasks = taskIds.length === 0 ? [] : await em.findBy(Task, { id: In(taskIds) });
    const missing = taskIds.filter((taskId) => !tasks.some((task) => task.id === taskId));
    if (missing.length > 0) {
      throw DomainError.invalid('taskIds', `任务不存在：${missing.join('、')}`);
    }
    const planIds = new Set(tasks.map((task) => task.planId));
    const resolvedPlanId = planId ?? (planIds.size === 1 ? [...planIds][0] : null);
    if (planIds.size > 1 || (planId !== null && planIds.size === 1 && !planIds.has(planId))) {
      throw DomainError.invalid('taskIds', '所列任务须属于同一计划（即 planId 所指计划）');
    }
    if (resolvedPlanId === null) {
      return null;
    }
    const plan = await findPlanHeader(em, resolvedPlanId);
    if (!plan) {
      throw DomainError.invalid('planId', `计划不存在：${resolvedPlanId}`);
    }
    return plan;
  }

  private async unitNames(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    const units = unique.length === 0 ? [] : await this.dataSource.getRepository(Unit).findBy({ id: In(unique) });
    return new Map(units.map((unit) => [unit.id, unit.name]));
  }
}
