import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { EmailOutbox, InboxService, reportReturnedEmail } from '@app/notify';
import { Unit, User } from '@app/org';
import { Assignment } from '@app/plans';
import type { Plan, Task } from '@app/plans';
import type { Obligation } from '../obligations/obligation.entity';
import { periodLabel } from '../periods/reporting-period';
import type { Submission } from '../submissions/submission.entity';

const KIND_LABELS: Record<Submission['kind'], string> = {
  progress: '工作进展',
  no_task: '“无此项任务”声明',
  no_progress: '“本期无新进展”声明',
};

/** Who hears about a submission or a return, and what they read. Written in the caller's transaction. */
@Injectable()
export class ReportingNotices {
  constructor(
    private readonly inbox: InboxService,
    private readonly outbox: EmailOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A lead's (or lower government's) report goes to the office admins of the plan's government; a participant's
   * part to the liaisons of the task's lead units, who consolidate and review it.
   */
  async submitted(
    em: EntityManager,
    context: { obligation: Obligation; plan: Plan; task: Task; unit: Unit; submission: Submission },
  ): Promise<number> {
    const { obligation, plan, task, unit, submission } = context;
    const recipients =
      obligation.role === 'participant'
        ? await this.liaisonsOf(em, await this.leadUnitIds(em, obligation))
        : await this.officeAdminsOf(em, plan.governmentId);
    const late = submission.late ? '（逾期报送）' : '';
    let delivered = 0;
    for (const user of recipients) {
      const sent = await this.inbox.deliver(em, {
        userId: user.id,
        kind: 'report.submitted',
        title: `${unit.name}已报送“${task.title}”${periodLabel(obligation.period)}${KIND_LABELS[submission.kind]}${late}`,
        body: `${unit.name}于${formatShanghai(submission.submittedAt)}报送了《${plan.title}》任务 ${task.ref}“${task.title}”${periodLabel(obligation.period)}的${KIND_LABELS[submission.kind]}${submission.percentComplete === null ? '' : `，完成进度 ${submission.percentComplete}%`}，请审核。`,
        link: `/obligations/${obligation.id}`,
        dedupKey: `obligation:${obligation.id}:submitted:r${obligation.round}:user:${user.id}`,
      });
      delivered += sent ? 1 : 0;
    }
    return delivered;
  }

  /** A return reaches the unit's liaisons (its head where it has none), in the inbox and by email. */
  async returned(
    em: EntityManager,
    context: { obligation: Obligation; plan: Plan; task: Task; unit: Unit; reviewerUnit: Unit; comment: string },
  ): Promise<number> {
    const { obligation, plan, task, unit, reviewerUnit, comment } = context;
    const recipients = await this.liaisonsOf(em, [unit.id]);
    const key = (user: User) => `obligation:${obligation.id}:returned:r${obligation.round}:user:${user.id}`;
    let delivered = 0;
    for (const user of recipients) {
      const sent = await this.inbox.deliver(em, {
        userId: user.id,
        kind: 'report.returned',
        title: `“${task.title}”${periodLabel(obligation.period)}报送被退回，请于${formatShanghai(obligation.dueAt)}前重新报送`,
        body: `${reviewerUnit.name}退回了贵单位报送的《${plan.title}》任务 ${task.ref}“${task.title}”${periodLabel(obligation.period)}工作进展。审核意见：${comment}`,
        link: `/obligations/${obligation.id}`,
        dedupKey: key(user),
      });
      delivered += sent ? 1 : 0;
      if (user.email) {
        await this.outbox.enqueue(em, {
          dedupKey: `${key(user)}:email`,
          to: user.email,
          ...reportReturnedEmail({
            officeName: reviewerUnit.name,
            issuedAt: obligation.returnedAt ?? obligation.updatedAt,
            publicUrl: this.config.publicUrl,
            unitName: unit.name,
            taskTitle: task.title,
            periodLabel: periodLabel(obligation.period),
            comment,
            newDueAt: obligation.dueAt,
            path: `/obligations/${obligation.id}`,
          }),
        });
      }
    }
    return delivered;
  }

  private async leadUnitIds(em: EntityManager, obligation: Obligation): Promise<number[]> {
    const leads = await em.findBy(Assignment, { taskId: obligation.taskId, role: 'lead' });
    return leads.map((lead) => lead.unitId);
  }

  private async liaisonsOf(em: EntityManager, unitIds: number[]): Promise<User[]> {
    if (unitIds.length === 0) {
      return [];
    }
    const users = await em.findBy(User, { unitId: In(unitIds), active: true });
    return unitIds.flatMap((unitId) => {
      const liaisons = users.filter((u) => u.unitId === unitId && u.role === 'unit_liaison');
      return liaisons.length > 0 ? liaisons : users.filter((u) => u.unitId === unitId && u.role === 'unit_head');
    });
  }

  /** Office admins whose nearest government is this one (not those of a lower government inside its subtree). */
  private async officeAdminsOf(em: EntityManager, governmentId: number): Promise<User[]> {
    const government = await em.findOneByOrFail(Unit, { id: governmentId });
    const subtree = await em
      .createQueryBuilder(Unit, 'u')
      .where('u.path LIKE :prefix', { prefix: `${government.path}%` })
      .getMany();
    const lowerGovernments = subtree.filter((u) => u.kind === 'government' && u.id !== government.id);
    const unitIds = subtree.filter((u) => !lowerGovernments.some((g) => u.path.startsWith(g.path))).map((u) => u.id);
    const admins = await em.findBy(User, { unitId: In(unitIds), role: 'office_admin', active: true });
    return admins.sort((a, b) => a.id - b.id);
  }
}

export function formatShanghai(date: Date): string {
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
