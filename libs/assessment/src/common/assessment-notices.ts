import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { InboxService } from '@app/notify';
import { Unit, User } from '@app/org';
import type { Plan } from '@app/plans';
import type { AssessmentAppeal } from '../appeals/assessment-appeal.entity';
import type { AssessmentRun } from '../runs/assessment-run.entity';
import { formatShanghai } from './assessment-time';

const BATCH = 500;

/** In-app notices of the assessment, written in the transaction of the change, once per dedup key. */
@Injectable()
export class AssessmentNotices {
  constructor(private readonly inbox: InboxService) {}

  /** 公示: every assessed unit's liaisons and heads learn that their draft is visible and until when they may appeal. */
  async released(em: EntityManager, run: AssessmentRun, plan: Plan, unitIds: number[]): Promise<number> {
    const deadline = run.appealDeadline ? formatShanghai(run.appealDeadline) : '';
    return this.toUnits(em, unitIds, (user) => ({
      userId: user.id,
      kind: 'assessment.released',
      title: `《${plan.title}》${run.year}年度考核初评结果已公示`,
      body: `请登录系统查看本单位的得分及扣分依据。如有异议，请于 ${deadline} 前提出申诉并附相关材料。`,
      link: `/assessment/results/mine?runId=${run.id}`,
      dedupKey: `assessment:${run.id}:released:user:${user.id}`,
    }));
  }

  async published(em: EntityManager, run: AssessmentRun, plan: Plan, unitIds: number[]): Promise<number> {
    return this.toUnits(em, unitIds, (user) => ({
      userId: user.id,
      kind: 'assessment.published',
      title: `《${plan.title}》${run.year}年度考核结果已发布`,
      body: '考核结果已正式发布，请登录系统查看本单位的得分、等次和排名。',
      link: `/assessment/results/mine?runId=${run.id}`,
      dedupKey: `assessment:${run.id}:published:user:${user.id}`,
    }));
  }

  /** A new appeal goes to the office admins of the plan's government. */
  async appealFiled(em: EntityManager, plan: Plan, appeal: AssessmentAppeal, unitName: string): Promise<number> {
    const government = await em.findOneByOrFail(Unit, { id: plan.governmentId });
    const admins = await em
      .createQueryBuilder(User, 'u')
      .innerJoin(Unit, 'home', 'home.id = u.unit_id')
      .where('u.role = :role AND u.active = :active', { role: 'office_admin', active: true })
      .andWhere('home.path LIKE :prefix', { prefix: `${government.path}%` })
      .getMany();
    let delivered = 0;
    for (const admin of admins) {
      const sent = await this.inbox.deliver(em, {
        userId: admin.id,
        kind: 'assessment.appeal',
        title: `${unitName}对考核初评结果提出申诉`,
        body: appeal.text.slice(0, 500),
        link: `/assessment/runs/${appeal.runId}/appeals`,
        dedupKey: `assessment-appeal:${appeal.id}:filed:user:${admin.id}`,
      });
      delivered += sent ? 1 : 0;
    }
    return delivered;
  }

  async appealDecided(em: EntityManager, appeal: AssessmentAppeal): Promise<boolean> {
    const accepted = appeal.status === 'accepted';
    return this.inbox.deliver(em, {
      userId: appeal.filedBy,
      kind: 'assessment.appeal.decided',
      title: accepted ? '考核申诉已采纳，得分已调整' : '考核申诉未予采纳',
      body: appeal.decisionReason ?? '',
      link: `/assessment/results/mine?runId=${appeal.runId}`,
      dedupKey: `assessment-appeal:${appeal.id}:decided`,
    });
  }

  private async toUnits(
    em: EntityManager,
    unitIds: number[],
    notice: (user: User) => Parameters<InboxService['deliver']>[1],
  ): Promise<number> {
    let delivered = 0;
    for (let start = 0; start < unitIds.length; start += BATCH) {
      const users = await em.findBy(User, {
        unitId: In(unitIds.slice(start, start + BATCH)),
        role: In(['unit_liaison', 'unit_head']),
        active: true,
      });
      for (const user of users) {
        delivered += (await this.inbox.deliver(em, notice(user))) ? 1 : 0;
      }
    }
    return delivered;
  }
}
