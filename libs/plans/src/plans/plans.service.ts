import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, DomainError, UnitOfWork } from '@app/core';
import { AccessScope, Unit, UnitCandidate, UnitsService, cleanUnitName, scopeCovers } from '@app/org';
import {
  DeadlineKind,
  PlanIndicator,
  ReportingCycle,
  Task,
  TaskDeadline,
  TaskUnit,
  TaskUnitRole,
} from '../tasks/task.entity';
import { Plan, ReportingDefaults } from './plan.entity';
import { PlanProblem, planProblems } from './plan-problems';

export interface PlanDetail {
  plan: Plan;
  tasks: Task[];
  units: TaskUnit[];
  deadlines: TaskDeadline[];
  indicators: PlanIndicator[];
  problems: PlanProblem[];
}

export interface UnresolvedName {
  rawName: string;
  taskIds: number[];
  candidates: UnitCandidate[];
}

export interface DeadlineInput {
  raw: string;
  date: string | null;
  kind: DeadlineKind;
  every: string | null;
}

export interface TaskInput {
  ref: string;
  title: string;
  text?: string;
  localResponsibility?: boolean;
  reportingCycle?: ReportingCycle;
  leadUnitIds: number[];
  participantUnitIds?: number[];
  deadlines?: DeadlineInput[];
}

export type TaskPatch = Partial<TaskInput>;

export interface PlanPatch {
  title?: string;
  yearStart?: number | null;
  yearEnd?: number | null;
  reporting?: Partial<ReportingDefaults>;
}

/** Plans and their tasks while the office reviews the draft; publication lives in `PlanPublisher`. */
@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(scope: AccessScope): Promise<Plan[]> {
    const qb = this.dataSource
      .getRepository(Plan)
      .createQueryBuilder('plan')
      .select([
        'plan.id',
        'plan.title',
        'plan.status',
        'plan.governmentId',
        'plan.issuingUnitId',
        'plan.yearStart',
        'plan.yearEnd',
        'plan.createdAt',
        'plan.publishedAt',
        'plan.sourceForm',
      ])
      .innerJoin(Unit, 'gov', 'gov.id = plan.government_id')
      .orderBy('plan.id', 'DESC');
    if (scope.kind === 'subtree') {
      qb.andWhere('gov.path LIKE :prefix', { prefix: `${scope.rootPath}%` });
    } else if (scope.kind === 'unit') {
      qb.andWhere('1 = 0');
    }
    return qb.getMany();
  }

  async get(id: number, manager: EntityManager = this.dataSource.manager): Promise<Plan> {
    const plan = await manager.findOneBy(Plan, { id });
    if (!plan) {
      throw DomainError.notFound('计划', id);
    }
    return plan;
  }

  async detail(id: number): Promise<PlanDetail> {
    const plan = await this.get(id);
    const tasks = await this.dataSource.getRepository(Task).find({ where: { planId: id }, order: { position: 'ASC' } });
    const units = await this.dataSource
      .getRepository(TaskUnit)
      .find({ where: { planId: id }, order: { taskId: 'ASC', position: 'ASC' } });
    const taskIds = tasks.map((t) => t.id);
    const deadlines =
      taskIds.length === 0
        ? []
        : await this.dataSource
            .getRepository(TaskDeadline)
            .find({ where: { taskId: In(taskIds) }, order: { taskId: 'ASC', position: 'ASC' } });
    const indicators = await this.dataSource
      .getRepository(PlanIndicator)
      .find({ where: { planId: id }, order: { id: 'ASC' } });
    return { plan, tasks, units, deadlines, indicators, problems: planProblems(tasks, units, deadlines) };
  }

  /** Names the document used that match no unit yet, with the closest units as candidates. */
  async unresolved(id: number): Promise<UnresolvedName[]> {
    const plan = await this.get(id);
    const rows = await this.dataSource
      .getRepository(TaskUnit)
      .find({ where: { planId: id }, order: { taskId: 'ASC' } });
    const byName = new Map<string, number[]>();
    for (const row of rows.filter((r) => r.unitId === null)) {
      byName.set(row.rawName, [...(byName.get(row.rawName) ?? []), row.taskId]);
    }
    const resolver = await this.units.resolver();
    const visible = await this.subtreeIds(plan);
    return [...byName].map(([rawName, taskIds]) => {
      const resolution = resolver.resolve(rawName, { scopeGovernmentId: plan.governmentId });
      const candidates =
        resolution.status === 'resolved'
          ? [{ id: resolution.unitId, name: resolution.unitName, score: 1 }]
          : resolution.candidates;
      return { rawName, taskIds: [...new Set(taskIds)], candidates: candidates.filter((c) => visible.has(c.id)) };
    });
  }

  /**
   * The office says which unit a name stands for. The name becomes an alias of the unit, so the next plan that
   * uses it resolves by itself, and every row of this draft that used the name is resolved now.
   */
  async mapUnitName(actor: Actor, planId: number, rawName: string, unitId: number): Promise<number> {
    return this.unitOfWork.run(async (em) => {
      const plan = await this.draft(planId, em);
      const unit = await em.findOneBy(Unit, { id: unitId });
      if (!unit || !(await this.subtreeIds(plan)).has(unit.id)) {
        throw new DomainError('VALIDATION', `单位不在本计划的辖区内：${unitId}`, {
          unitId: ['单位不在本计划的辖区内'],
        });
      }
      const rows = await em.findBy(TaskUnit, { planId, rawName });
      if (rows.length === 0) {
        throw new DomainError('VALIDATION', `计划中没有名为“${rawName}”的单位`, { rawName: ['计划中没有该名称'] });
      }
      await em.update(TaskUnit, { planId, rawName }, { unitId });
      await this.units.addAlias(actor, unitId, cleanUnitName(rawName), 'import', em);
      await this.audit.record(em, {
        actor,
        action: 'plan.unit.map',
        entityType: 'plan',
        entityId: planId,
        unitId: plan.governmentId,
        after: { rawName, unitId, rows: rows.length },
      });
      return rows.length;
    });
  }

  async update(actor: Actor, id: number, patch: PlanPatch): Promise<Plan> {
    return this.unitOfWork.run(async (em) => {
      const before = await this.get(id, em);
      if (patch.reporting && before.status !== 'draft') {
        // Published obligations were computed from these days; changing them belongs to the reporting settings.
        throw new DomainError('CONFLICT', '计划已发布，不能在此修改报送规则');
      }
      const after: Plan = {
        ...before,
        title: patch.title ?? before.title,
        yearStart: patch.yearStart === undefined ? before.yearStart : patch.yearStart,
        yearEnd: patch.yearEnd === undefined ? before.yearEnd : patch.yearEnd,
        reporting: { ...before.reporting, ...patch.reporting },
        updatedAt: this.clock.now(),
      };
      if (after.yearStart !== null && after.yearEnd !== null && after.yearEnd < after.yearStart) {
        throw new DomainError('VALIDATION', '结束年份不能早于开始年份', { yearEnd: ['不能早于开始年份'] });
      }
      await em.save(Plan, after);
      await this.audit.record(em, {
        actor,
        action: 'plan.update',
        entityType: 'plan',
        entityId: id,
        unitId: before.governmentId,
        before: summary(before),
        after: summary(after),
      });
      return after;
    });
  }

  async addTask(actor: Actor, planId: number, input: TaskInput): Promise<Task> {
    return this.unitOfWork.run(async (em) => {
      const plan = await this.draft(planId, em);
      const last = await em
        .getRepository(Task)
        .createQueryBuilder('t')
        .where('t.plan_id = :planId', { planId })
        .orderBy('t.position', 'DESC')
        .getOne();
      const now = this.clock.now();
      const task = await em.save(
        em.create(Task, {
          planId,
          ref: input.ref,
          position: (last?.position ?? 0) + 1,
          title: input.title,
          text: input.text ?? input.title,
          localResponsibility: input.localResponsibility ?? false,
          status: 'active',
          reportingCycle: input.reportingCycle ?? 'monthly',
          sourceLine: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.replaceUnits(em, plan, task, 'lead', input.leadUnitIds);
      await this.replaceUnits(em, plan, task, 'participant', input.participantUnitIds ?? []);
      await this.replaceDeadlines(em, task, input.deadlines ?? [{ raw: '', date: null, kind: 'ongoing', every: null }]);
      await this.audit.record(em, {
        actor,
        action: 'task.create',
        entityType: 'task',
        entityId: task.id,
        unitId: plan.governmentId,
        after: { ...input, planId },
      });
      return task;
    });
  }

  async updateTask(actor: Actor, planId: number, taskId: number, patch: TaskPatch): Promise<Task> {
    return this.unitOfWork.run(async (em) => {
      const plan = await this.draft(planId, em);
      const before = await this.task(planId, taskId, em);
      const beforeUnits = await em.findBy(TaskUnit, { taskId });
      const beforeDeadlines = await em.findBy(TaskDeadline, { taskId });
      const after: Task = {
        ...before,
        ref: patch.ref ?? before.ref,
        title: patch.title ?? before.title,
        text: patch.text ?? before.text,
        localResponsibility: patch.localResponsibility ?? before.localResponsibility,
        reportingCycle: patch.reportingCycle ?? before.reportingCycle,
        updatedAt: this.clock.now(),
      };
      await em.save(Task, after);
      if (patch.leadUnitIds) {
        await this.replaceUnits(em, plan, after, 'lead', patch.leadUnitIds);
      }
      if (patch.participantUnitIds) {
        await this.replaceUnits(em, plan, after, 'participant', patch.participantUnitIds);
      }
      if (patch.deadlines) {
        await this.replaceDeadlines(em, after, patch.deadlines);
      }
      await this.audit.record(em, {
        actor,
        action: 'task.update',
        entityType: 'task',
        entityId: taskId,
        unitId: plan.governmentId,
        before: { ...before, units: beforeUnits, deadlines: beforeDeadlines },
        after: {
          ...after,
          units: await em.findBy(TaskUnit, { taskId }),
          deadlines: await em.findBy(TaskDeadline, { taskId }),
        },
      });
      return after;
    });
  }

  async removeTask(actor: Actor, planId: number, taskId: number): Promise<void> {
    await this.unitOfWork.run(async (em) => {
      const plan = await this.draft(planId, em);
      const task = await this.task(planId, taskId, em);
      await em.delete(TaskUnit, { taskId });
      await em.delete(TaskDeadline, { taskId });
      await em.delete(Task, { id: taskId });
      await this.audit.record(em, {
        actor,
        action: 'task.delete',
        entityType: 'task',
        entityId: taskId,
        unitId: plan.governmentId,
        before: task,
      });
    });
  }

  async draft(planId: number, em: EntityManager): Promise<Plan> {
    const plan = await this.get(planId, em);
    if (plan.status !== 'draft') {
      throw new DomainError('CONFLICT', '计划已发布，任务不能再修改');
    }
    return plan;
  }

  private async task(planId: number, taskId: number, em: EntityManager): Promise<Task> {
    const task = await em.findOneBy(Task, { id: taskId, planId });
    if (!task) {
      throw DomainError.notFound('任务', taskId);
    }
    return task;
  }

  private async replaceUnits(
    em: EntityManager,
    plan: Plan,
    task: Task,
    role: TaskUnitRole,
    unitIds: number[],
  ): Promise<void> {
    const field = role === 'lead' ? 'leadUnitIds' : 'participantUnitIds';
    const subtree = await this.subtreeIds(plan);
    const units = await em.findBy(Unit, { id: In(unitIds.length > 0 ? unitIds : [0]) });
    for (const unitId of unitIds) {
      if (!subtree.has(unitId)) {
        throw new DomainError('VALIDATION', `单位不在本计划的辖区内：${unitId}`, {
          [field]: [`单位 ${unitId} 不在本计划的辖区内`],
        });
      }
    }
    await em.delete(TaskUnit, { taskId: task.id, role });
    for (const [index, unitId] of unitIds.entries()) {
      const unit = units.find((u) => u.id === unitId);
      await em.insert(TaskUnit, {
        taskId: task.id,
        planId: plan.id,
        role,
        rawName: unit?.name ?? String(unitId),
        unitId,
        position: index + 1,
      });
    }
  }

  private async replaceDeadlines(em: EntityManager, task: Task, deadlines: DeadlineInput[]): Promise<void> {
    await em.delete(TaskDeadline, { taskId: task.id });
    for (const [index, deadline] of deadlines.entries()) {
      await em.insert(TaskDeadline, { taskId: task.id, ...deadline, position: index + 1 });
    }
  }

  private async subtreeIds(plan: Plan): Promise<Set<number>> {
    const government = await this.units.get(plan.governmentId);
    const scope: AccessScope = { kind: 'subtree', rootId: government.id, rootPath: government.path };
    return new Set((await this.units.list(scope)).filter((u) => scopeCovers(scope, u)).map((u) => u.id));
  }
}

function summary(plan: Plan) {
  return { title: plan.title, yearStart: plan.yearStart, yearEnd: plan.yearEnd, reporting: plan.reporting };
}
