import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, DomainError, FieldErrors, UnitOfWork } from '@app/core';
import { InboxService } from '@app/notify';
import { Unit, User } from '@app/org';
import { WorkingCalendarProvider, localDateOf } from '@app/workflows';
import { Assignment, AssignmentRole } from '../assignments/assignment.entity';
import { Task, TaskDeadline, TaskUnit } from '../tasks/task.entity';
import { Plan } from './plan.entity';
import { planProblems } from './plan-problems';
import { PlansService } from './plans.service';
import { PublishHooks } from './publish-hooks';

export interface PublishResult {
  assignments: number;
  units: number;
  notified: number;
  acknowledgeDueAt: Date;
}

/** Stronger roles win when one unit is named twice for a task: a lead that also participates is the lead. */
const ROLE_RANK: Record<AssignmentRole, number> = { lead: 3, participant: 2, local: 1 };

/**
 * Publishing turns a reviewed draft into assignments — one per task and unit — and asks each unit's liaison to
 * acknowledge (签收) them within the plan's number of working days. A draft with any problem is refused whole.
 */
@Injectable()
export class PlanPublisher {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly plans: PlansService,
    private readonly inbox: InboxService,
    private readonly calendars: WorkingCalendarProvider,
    private readonly audit: AuditService,
    private readonly hooks: PublishHooks,
    private readonly clock: Clock,
  ) {}

  async publish(actor: Actor, planId: number): Promise<PublishResult> {
    return this.unitOfWork.run(async (em) => {
      const plan = await this.plans.draft(planId, em);
      const tasks = (await em.find(Task, { where: { planId }, order: { position: 'ASC' } })).filter(
        (t) => t.status === 'active',
      );
      const taskUnits = await em.findBy(TaskUnit, { planId });
      const deadlines = tasks.length === 0 ? [] : await em.findBy(TaskDeadline, { taskId: In(tasks.map((t) => t.id)) });
      const problems = planProblems(tasks, taskUnits, deadlines);
      if (problems.length > 0) {
        const fields: FieldErrors = {};
        for (const problem of problems) {
          (fields[problem.field] ??= []).push(problem.message);
        }
        throw new DomainError(
          'UNPROCESSABLE',
          `计划还有 ${problems.length} 个问题，不能发布：${problems[0].message}等`,
          fields,
        );
      }
      const now = this.clock.now();
      const calendar = this.calendars.calendar();
      const dueDate = calendar.addWorkingDays(localDateOf(now.getTime()), plan.reporting.acknowledgeWorkingDays);
      const acknowledgeDueAt = new Date(calendar.officeEnd(dueDate));
      const lowerGovernments = await em.findBy(Unit, { parentId: plan.governmentId, kind: 'government' });

      let created = 0;
      const unitIds = new Set<number>();
      for (const task of tasks) {
        const roles = new Map<number, AssignmentRole>();
        const give = (unitId: number, role: AssignmentRole) => {
          const current = roles.get(unitId);
          if (!current || ROLE_RANK[role] > ROLE_RANK[current]) {
            roles.set(unitId, role);
          }
        };
        for (const row of taskUnits.filter((u) => u.taskId === task.id && u.unitId !== null)) {
          give(row.unitId as number, row.role);
        }
        if (task.localResponsibility) {
          lowerGovernments.forEach((government) => give(government.id, 'local'));
        }
        for (const [unitId, role] of roles) {
          await em.insert(Assignment, {
            planId,
            taskId: task.id,
            unitId,
            role,
            status: 'pending',
            acknowledgeDueAt,
            acknowledgedAt: null,
            acknowledgedBy: null,
            createdAt: now,
          });
          unitIds.add(unitId);
          created++;
        }
      }
      await em.update(Plan, { id: planId }, { status: 'published', publishedAt: now, updatedAt: now });
      const published: Plan = { ...plan, status: 'published', publishedAt: now, updatedAt: now };
      await this.hooks.run(em, published, await em.findBy(Assignment, { planId }), now);
      const notified = await this.notifyLiaisons(em, plan, [...unitIds], acknowledgeDueAt);
      await this.audit.record(em, {
        actor,
        action: 'plan.publish',
        entityType: 'plan',
        entityId: planId,
        unitId: plan.governmentId,
        before: { status: 'draft' },
        after: { status: 'published', assignments: created, units: unitIds.size, notified, acknowledgeDueAt },
      });
      return { assignments: created, units: unitIds.size, notified, acknowledgeDueAt };
    });
  }

  /** One notice per liaison (or the head, where a unit has no liaison) per plan, however many tasks it got. */
  private async notifyLiaisons(em: EntityManager, plan: Plan, unitIds: number[], dueAt: Date): Promise<number> {
    const users = unitIds.length === 0 ? [] : await em.findBy(User, { unitId: In(unitIds), active: true });
    const counts = await em
      .createQueryBuilder(Assignment, 'a')
      .select('a.unit_id', 'unitId')
      .addSelect('COUNT(*)', 'count')
      .where('a.plan_id = :planId', { planId: plan.id })
      .groupBy('a.unit_id')
      .getRawMany<{ unitId: number; count: string | number }>();
    let notified = 0;
    for (const unitId of unitIds) {
      const liaisons = users.filter((u) => u.unitId === unitId && u.role === 'unit_liaison');
      const recipients =
        liaisons.length > 0 ? liaisons : users.filter((u) => u.unitId === unitId && u.role === 'unit_head');
      const count = Number(counts.find((c) => Number(c.unitId) === unitId)?.count ?? 0);
      for (const user of recipients) {
        const delivered = await this.inbox.deliver(em, {
          userId: user.id,
          kind: 'assignment.published',
          title: `《${plan.title}》已下达 ${count} 项任务，请签收`,
          body: `《${plan.title}》已发布，贵单位承担 ${count} 项任务（牵头或参与）。请于 ${formatShanghai(dueAt)} 前登录系统逐项签收。`,
          link: `/assignments?planId=${plan.id}`,
          dedupKey: `plan:${plan.id}:published:user:${user.id}`,
        });
        notified += delivered ? 1 : 0;
      }
    }
    return notified;
  }
}

function formatShanghai(date: Date): string {
  return date.toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
