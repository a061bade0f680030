import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, DomainError, UnitOfWork, formatShanghai } from '@app/core';
import { AuthUser, Unit, User } from '@app/org';
import { getPlanHeader, Task } from '@app/plans';
import { InboxService } from '@app/notify';
import { ObligationAccess } from '../obligations/obligation-access';
import { Obligation, ObligationStatus } from '../obligations/obligation.entity';
import { periodLabel } from '../periods/reporting-period';
import { ReportingHooks } from '../reporting-hooks';
import { STATUS_LABELS } from '../reviews/reviews.service';

export const MAX_DEADLINE_REASON = 500;

export interface DeadlineReceipt {
  obligationId: number;
  status: ObligationStatus;
  round: number;
  previousDueAt: Date;
  dueAt: Date;
  reason: string;
  changedAt: Date;
}

/** Only a report still awaited has a deadline worth moving. */
const MOVABLE: ReadonlyArray<ObligationStatus> = ['open', 'returned'];

/**
 * 调整报送截止时间: the office moves the deadline of one awaited report (a later date for a unit with good reason,
 * or a correction). The ladder follows the new date from now on; steps already issued stand.
 */
@Injectable()
export class ObligationDeadlinesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly access: ObligationAccess,
    private readonly hooks: ReportingHooks,
    private readonly inbox: InboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async change(user: AuthUser, id: number, input: { dueAt: Date; reason: string }): Promise<DeadlineReceipt> {
    const reason = input.reason?.trim() ?? '';
    if (!reason) {
      throw DomainError.invalid('reason', '调整截止时间必须说明理由');
    }
    if (reason.length > MAX_DEADLINE_REASON) {
      throw DomainError.invalid('reason', `长度不能超过 ${MAX_DEADLINE_REASON} 个字符`);
    }
    if (!(input.dueAt instanceof Date) || Number.isNaN(input.dueAt.getTime())) {
      throw DomainError.invalid('dueAt', '必须是 ISO 8601 日期时间');
    }
    return this.unitOfWork.run(async (em) => {
      const before = await em.findOneBy(Obligation, { id });
      if (!before) {
        throw DomainError.notFound('报送义务', id);
      }
      await this.access.assertCanSee(em, user, before);
      if ((await this.access.reviewerKind(em, user, before)) !== 'office') {
        throw new DomainError('FORBIDDEN', '只有该计划所属政府的领导小组办公室可以调整截止时间');
      }
      if (!MOVABLE.includes(before.status)) {
        throw new DomainError('CONFLICT', `该报送当前状态为“${STATUS_LABELS[before.status]}”，不能调整截止时间`, {
          status: [`当前状态：${before.status}`],
        });
      }
      const now = this.clock.now();
      if (input.dueAt.getTime() <= now.getTime()) {
        throw DomainError.invalid('dueAt', '新的截止时间必须晚于当前时间');
      }
      if (input.dueAt.getTime() === before.dueAt.getTime()) {
        throw DomainError.invalid('dueAt', '新的截止时间与原截止时间相同');
      }
      const result = await em
        .createQueryBuilder()
        .update(Obligation)
        .set({ dueAt: input.dueAt, updatedAt: now })
        .where('id = :id AND round = :round AND status IN (:...from)', {
          id,
          round: before.round,
          from: MOVABLE,
        })
        .execute();
      if (result.affected !== 1) {
        throw new DomainError('CONFLICT', '该报送的状态已被他人更改，请刷新后重试');
      }
      await this.audit.record(em, {
        actor: { kind: 'user', userId: user.id, username: user.username },
        action: 'obligation.deadline.change',
        entityType: 'obligation',
        entityId: id,
        unitId: before.unitId,
        before: { dueAt: before.dueAt, status: before.status, round: before.round },
        after: { dueAt: input.dueAt, reason },
      });
      await this.tellUnit(em, { ...before, dueAt: input.dueAt }, reason, now);
      await this.hooks.emit(em, {
        kind: 'deadlineChanged',
        obligationId: id,
        status: before.status,
        round: before.round,
        dueAt: input.dueAt,
      });
      return {
        obligationId: id,
        status: before.status,
        round: before.round,
        previousDueAt: before.dueAt,
        dueAt: input.dueAt,
        reason,
        changedAt: now,
      };
    });
  }

  /** The unit's liaisons (its heads where it has none) read the new deadline in their inbox. */
  private async tellUnit(em: EntityManager, obligation: Obligation, reason: string, now: Date): Promise<void> {
    const users = await em.findBy(User, {
      unitId: obligation.unitId,
      role: In(['unit_liaison', 'unit_head']),
      active: true,
    });
    const liaisons = users.filter((u) => u.role === 'unit_liaison');
    const task = await em.findOneByOrFail(Task, { id: obligation.taskId });
    const plan = await getPlanHeader(em, obligation.planId);
    const unit = await em.findOneByOrFail(Unit, { id: obligation.unitId });
    for (const user of liaisons.length > 0 ? liaisons : users) {
      await this.inbox.deliver(em, {
        userId: user.id,
        kind: 'report.deadline_changed',
        title: `“${task.title}”${periodLabel(obligation.period)}报送截止时间调整为${formatShanghai(obligation.dueAt)}`,
        body: `领导小组办公室调整了${unit.name}《${plan.title}》任务 ${task.ref}“${task.title}”${periodLabel(obligation.period)}工作进展的报送截止时间，新的截止时间为${formatShanghai(obligation.dueAt)}。理由：${reason}`,
        link: `/obligations/${obligation.id}`,
        dedupKey: `obligation:${obligation.id}:deadline:${now.getTime()}:user:${user.id}`,
      });
    }
  }
}
