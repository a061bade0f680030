import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { EmailOutbox, InboxService, monthlyCircularEmail } from '@app/notify';
import { Unit, User } from '@app/org';
import { Assignment, Plan } from '@app/plans';
import { periodLabel } from '@app/reporting';
import { Circular, circularNumber } from '@app/supervision';

export interface CircularDelivery {
  units: number;
  inbox: number;
  emails: number;
}

/**
 * Sends a circular to every member unit of the office (each unit with a task in its published plans): the unit's
 * liaisons, or its heads where it has none, in the inbox and by email. Keyed `circular:{id}:user:{userId}`, so a
 * circular is delivered once per person whatever is retried.
 */
@Injectable()
export class CircularNotices {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly inbox: InboxService,
    private readonly outbox: EmailOutbox,
  ) {}

  async deliver(em: EntityManager, circular: Circular, officeName: string): Promise<CircularDelivery> {
    const memberIds = await this.memberUnitIds(em, circular.governmentId);
    const result: CircularDelivery = { units: 0, inbox: 0, emails: 0 };
    if (memberIds.length === 0) {
      return result;
    }
    const [units, users] = await Promise.all([
      em.findBy(Unit, { id: In(memberIds) }),
      em.findBy(User, { unitId: In(memberIds), role: In(['unit_liaison', 'unit_head']), active: true }),
    ]);
    const number = circularNumber(circular.year, circular.number);
    const label = periodLabel(circular.period);
    const path = `/circulars/${circular.id}`;
    const overdue = circular.body.units.flatMap((unit) =>
      unit.items.map((item) => ({
        unitName: unit.unitName,
        taskTitle: item.taskTitle,
        dueAt: new Date(item.dueAt),
        overdueWorkingDays: item.overdueWorkingDays,
        status: item.status,
      })),
    );
    for (const unit of units.sort((a, b) => a.id - b.id)) {
      const atUnit = users.filter((u) => u.unitId === unit.id);
      const liaisons = atUnit.filter((u) => u.role === 'unit_liaison');
      const recipients = liaisons.length > 0 ? liaisons : atUnit;
      if (recipients.length === 0) {
        continue;
      }
      result.units++;
      const listed = circular.body.units.find((entry) => entry.unitId === unit.id);
      const email = monthlyCircularEmail({
        officeName,
        issuedAt: circular.publishedAt,
        publicUrl: this.config.publicUrl,
        recipientName: unit.name,
        periodLabel: label,
        overdue,
        path,
      });
      for (const user of recipients) {
        const key = `circular:${circular.id}:user:${user.id}`;
        const delivered = await this.inbox.deliver(em, {
          userId: user.id,
          kind: 'circular',
          title: `【通报】${number} ${label}工作进展情况报送${circular.body.unitCount > 0 ? '逾期单位' : '情况'}`,
          body: listed
            ? `贵单位被列入${number}：${label}有 ${listed.overdueCount} 项任务逾期报送或未报送，请立即补报并查找原因。`
            : `${number}已印发：${label}共有 ${circular.body.unitCount} 个单位逾期报送或未报送。`,
          link: path,
          dedupKey: key,
        });
        result.inbox += Number(delivered);
        if (user.email) {
          result.emails += Number(
            await this.outbox.enqueue(em, { ...email, to: user.email, dedupKey: `${key}:email` }),
          );
        }
      }
    }
    return result;
  }

  private async memberUnitIds(em: EntityManager, governmentId: number): Promise<number[]> {
    const rows = await em
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .innerJoin(Plan, 'p', 'p.id = a.plan_id')
      .select('DISTINCT a.unit_id', 'unitId')
      .where('p.government_id = :governmentId', { governmentId })
      .andWhere("p.status = 'published'")
      .getRawMany<{ unitId: number | string }>();
    return rows.map((row) => Number(row.unitId));
  }
}
