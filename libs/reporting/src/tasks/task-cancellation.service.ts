import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, DomainError, UnitOfWork } from '@app/core';
import { AuthUser, scopeCovers, Unit, User } from '@app/org';
import { findPlanHeader, Plan, Task } from '@app/plans';
import { InboxService } from '@app/notify';
import { Obligation, ObligationStatus } from '../obligations/obligation.entity';
import { periodLabel } from '../periods/reporting-period';
import { ReportingHooks } from '../reporting-hooks';

export const MAX_CANCELLATION_REASON = 500;

export interface TaskCancellationReceipt {
  taskId: number;
  planId: number;
  reason: string;
  cancelledAt: Date;
  /** The obligations that were still running and stopped with the task. */
  cancelledObligationIds: number[];
}

/** Reports still awaited or awaiting review stop with the task; accepted and waived ones stay as they are. */
const RUNNING: ReadonlyArray<ObligationStatus> = ['open', 'returned', 'submitted'];

/**
 * 撤销任务: the office cancels a task of a published plan (superseded, merged, no longer required). Its running
 * obligations become `cancelled`, the ladder stops for them, no later period is opened for the task, and the units
 * concerned are told. What was issued or reported before stays on record.
 */
@Injectable()
export class TaskCancellationService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly hooks: ReportingHooks,
    private readonly inbox: InboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async cancel(user: AuthUser, planId: number, taskId: number, reasonInput: string): Promise<TaskCancellationReceipt> {
    const reason = reasonInput?.trim() ?? '';
    if (!reason) {
      throw DomainError.invalid('reason', '撤销任务必须说明理由');
    }
    if (reason.length > MAX_CANCELLATION_REASON) {
      throw DomainError.invalid('reason', `长度不能超过 ${MAX_CANCELLATION_REASON} 个字符`);
    }
    return this.unitOfWork.run(async (em) => {
      const plan = await this.publishedPlan(em, user, planId);
      const task = await em.findOneBy(Task, { id: taskId, planId });
      if (!task) {
        throw DomainError.notFound('任务', taskId);
      }
      if (task.status !== 'active') {
        throw new DomainError(
          'CONFLICT',
          `任务状态为“${task.status === 'completed' ? '已完成' : '已撤销'}”，不能撤销`,
          {
            status: [`当前状态：${task.status}`],
          },
        );
      }
      const now = this.clock.now();
      const actor: Actor = { kind: 'user', userId: user.id, username: user.username };
      const moved = await em.update(Task, { id: taskId, status: 'active' }, { status: 'cancelled', updatedAt: now });
      if (moved.affected !== 1) {
        throw new DomainError('CONFLICT', '该任务的状态已被他人更改，请刷新后重试');
      }
      await this.audit.record(em, {
        actor,
        action: 'task.cancel',
        entityType: 'task',
        entityId: taskId,
        unitId: plan.governmentId,
        before: { status: task.status },
        after: { status: 'cancelled', reason },
      });
      const running = await em.find(Obligation, {
        where: { taskId, status: In([...RUNNING]) },
        order: { id: 'ASC' },
      });
      const cancelled: Obligation[] = [];
      for (const obligation of running) {
        const result = await em
          .createQueryBuilder()
          .update(Obligation)
          .set({ status: 'cancelled', updatedAt: now })
          .where('id = :id AND round = :round AND status = :status', {
            id: obligation.id,
            round: obligation.round,
            status: obligation.status,
          })
          .execute();
        if (result.affected !== 1) {
          throw new DomainError('CONFLICT', '该任务的报送状态已被他人更改，请刷新后重试');
        }
        await this.audit.record(em, {
          actor,
          action: 'obligation.cancel',
          entityType: 'obligation',
          entityId: obligation.id,
          unitId: obligation.unitId,
          before: { status: obligation.status, round: obligation.round },
          after: { status: 'cancelled', reason },
        });
        await this.hooks.emit(em, {
          kind: 'cancelled',
          obligationId: obligation.id,
          status: 'cancelled',
          round: obligation.round,
          dueAt: obligation.dueAt,
        });
        cancelled.push(obligation);
      }
      await this.tellUnits(em, plan, task, cancelled, reason);
      return {
        taskId,
        planId,
        reason,
        cancelledAt: now,
        cancelledObligationIds: cancelled.map((o) => o.id),
      };
    });
  }

  private async publishedPlan(em: EntityManager, user: AuthUser, planId: number): Promise<Plan> {
    const plan = await findPlanHeader(em, planId);
    if (!plan) {
      throw DomainError.notFound('计划', planId);
    }
    const government = await em.findOneByOrFail(Unit, { id: plan.governmentId });
    if (!scopeCovers(user.scope, government)) {
      throw new DomainError('FORBIDDEN', '只有该计划所属政府的领导小组办公室可以撤销任务');
    }
    if (plan.status !== 'published') {
      throw new DomainError('CONFLICT', '计划尚未发布：草稿中的任务请直接修改或删除', {
        status: [`当前状态：${plan.status}`],
      });
    }
    return plan;
  }

  /** Each unit that still had a report running hears, once per obligation, that nothing more is due. */
  private async tellUnits(
    em: EntityManager,
    plan: Plan,
    task: Task,
    cancelled: Obligation[],
    reason: string,
  ): Promise<void> {
    if (cancelled.length === 0) {
      return;
    }
    const users = await em.findBy(User, {
      unitId: In([...new Set(cancelled.map((o) => o.unitId))]),
      role: In(['unit_liaison', 'unit_head']),
      active: true,
    });
    for (const obligation of cancelled) {
      const atUnit = users.filter((u) => u.unitId === obligation.unitId);
      const liaisons = atUnit.filter((u) => u.role === 'unit_liaison');
      for (const user of liaisons.length > 0 ? liaisons : atUnit) {
        await this.inbox.deliver(em, {
          userId: user.id,
          kind: 'report.cancelled',
          title: `任务“${task.title}”已撤销，${periodLabel(obligation.period)}无需继续报送`,
          body: `领导小组办公室撤销了《${plan.title}》任务 ${task.ref}“${task.title}”。理由：${reason}`,
          link: `/obligations/${obligation.id}`,
          dedupKey: `obligation:${obligation.id}:cancelled:user:${user.id}`,
        });
      }
    }
  }
}
