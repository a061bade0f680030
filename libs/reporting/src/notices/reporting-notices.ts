import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { formatShanghai } from '@app/core';
import { EmailOutbox, InboxService, reportReturnedEmail } from '@app/notify';
import { Unit, User } from '@app/org';
import type { Plan, Task } from '@app/plans';
import type { Obligation } from '../obligations/obligation.entity';
import { periodLabel } from '../periods/reporting-period';
import type { Submission } from '../submissions/submission.entity';

/** What a submission's notice says, from the statement that read the obligation (no re-reads). */
export interface SubmittedNotice {
  obligation: Pick<Obligation, 'id' | 'round' | 'period' | 'role' | 'taskId'>;
  planTitle: string;
  governmentId: number;
  governmentPath: string;
  taskRef: string;
  taskTitle: string;
  unitName: string;
  submission: Pick<Submission, 'kind' | 'late' | 'submittedAt' | 'percentComplete'>;
}

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
  async submitted(em: EntityManager, notice: SubmittedNotice): Promise<number> {
    const { obligation, submission } = notice;
    const recipients =
      obligation.role === 'participant'
        ? await this.leadLiaisonIds(em, obligation.taskId)
        : await this.officeAdminIds(em, notice.governmentId, notice.governmentPath);
    const late = submission.late ? '（逾期报送）' : '';
    const period = periodLabel(obligation.period);
    const kind = KIND_LABELS[submission.kind];
    const percent = submission.percentComplete === null ? '' : `，完成进度 ${submission.percentComplete}%`;
    let delivered = 0;
    for (const userId of recipients) {
      const sent = await this.inbox.deliver(em, {
        userId,
        kind: 'report.submitted',
        title: `${notice.unitName}已报送“${notice.taskTitle}”${period}${kind}${late}`,
        body: `${notice.unitName}于${formatShanghai(submission.submittedAt)}报送了《${notice.planTitle}》任务 ${notice.taskRef}“${notice.taskTitle}”${period}的${kind}${percent}，请审核。`,
        link: `/obligations/${obligation.id}`,
        dedupKey: `obligation:${obligation.id}:submitted:r${obligation.round}:user:${userId}`,
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

  /** Active liaisons of each lead unit of the task (its head where it has none), lead by lead, in one statement. */
  private async leadLiaisonIds(em: EntityManager, taskId: number): Promise<number[]> {
    const rows = await em.query<Array<{ id: number; unit_id: number; role: string }>>(
      `SELECT u.id, u.unit_id, u.role FROM assignment a JOIN app_user u ON u.unit_id = a.unit_id
       WHERE a.task_id = ? AND a.role = 'lead' AND u.active = 1 AND u.role IN ('unit_liaison', 'unit_head')
       ORDER BY a.id, u.id`,
      [taskId],
    );
    const byUnit = new Map<number, Array<{ id: number; role: string }>>();
    for (const row of rows) {
      const users = byUnit.get(Number(row.unit_id)) ?? [];
      users.push({ id: Number(row.id), role: row.role });
      byUnit.set(Number(row.unit_id), users);
    }
    return [...byUnit.values()].flatMap((users) => {
      const liaisons = users.filter((u) => u.role === 'unit_liaison');
      return (liaisons.length > 0 ? liaisons : users).map((u) => u.id);
    });
  }

  /**
   * Active office admins whose nearest government is this one: in its subtree, but not inside a lower government
   * of it (a county's office reviews the county's reports). Unit paths are ASCII (`/1/4/`), so SUBSTR and LENGTH
   * agree on both drivers.
   */
  private async officeAdminIds(em: EntityManager, governmentId: number, governmentPath: string): Promise<number[]> {
    const rows = await em.query<Array<{ id: number }>>(
      `SELECT u.id FROM app_user u JOIN unit x ON x.id = u.unit_id
       WHERE u.role = 'office_admin' AND u.active = 1 AND x.path LIKE ?
         AND NOT EXISTS (SELECT 1 FROM unit g WHERE g.kind = 'government' AND g.id <> ? AND g.path LIKE ?
                         AND SUBSTR(x.path, 1, LENGTH(g.path)) = g.path)
       ORDER BY u.id`,
      [`${governmentPath}%`, governmentId, `${governmentPath}%`],
    );
    return rows.map((row) => Number(row.id));
  }
}
