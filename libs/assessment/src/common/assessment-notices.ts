import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Clock, formatShanghai } from '@app/core';
import {
  assessmentPublishedEmail,
  assessmentReleasedEmail,
  EmailContent,
  EmailOutbox,
  InboxService,
  NoticeSender,
} from '@app/notify';
import { Unit, User } from '@app/org';
import type { Plan } from '@app/plans';
import type { AssessmentAppeal } from '../appeals/assessment-appeal.entity';
import type { AssessmentRun } from '../runs/assessment-run.entity';

const BATCH = 500;

/** One unit user's notice: the inbox message, and the email when the user has an address. */
interface UnitNotice {
  inbox: Parameters<InboxService['deliver']>[1];
  email: EmailContent;
  emailKey: string;
}

/**
 * Notices of the assessment, written in the transaction of the change, once per dedup key: the units' by inbox and
 * email (through the outbox), the office's by inbox. The API and the Temporal activities reach them through the
 * same `AssessmentRuns` transitions.
 */
@Injectable()
export class AssessmentNotices {
  constructor(
    private readonly inbox: InboxService,
    private readonly outbox: EmailOutbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 公示: every assessed unit's liaisons and heads learn that their draft is visible and until when they may appeal. */
  async released(em: EntityManager, run: AssessmentRun, plan: Plan, unitIds: number[]): Promise<number> {
    const deadline = run.appealDeadline ? formatShanghai(run.appealDeadline) : '';
    const sender = await this.sender(em, plan);
    const path = resultPath(run);
    return this.toUnits(em, unitIds, (user, unit) => ({
      inbox: {
        userId: user.id,
        kind: 'assessment.released',
        title: `《${plan.title}》${run.year}年度考核初评结果已公示`,
        body: `请登录系统查看本单位的得分及扣分依据。如有异议，请于 ${deadline} 前提出申诉并附相关材料。`,
        link: path,
        dedupKey: `assessment:${run.id}:released:user:${user.id}`,
      },
      email: assessmentReleasedEmail({
        ...sender,
        unitName: unit.name,
        planTitle: plan.title,
        year: run.year,
        appealDeadline: run.appealDeadline ?? sender.issuedAt,
        path,
      }),
      emailKey: `assessment:${run.id}:released:email:${user.id}`,
    }));
  }

  async published(em: EntityManager, run: AssessmentRun, plan: Plan, unitIds: number[]): Promise<number> {
    const sender = await this.sender(em, plan);
    const path = resultPath(run);
    return this.toUnits(em, unitIds, (user, unit) => ({
      inbox: {
        userId: user.id,
        kind: 'assessment.published',
        title: `《${plan.title}》${run.year}年度考核结果已发布`,
        body: '考核结果已正式发布，请登录系统查看本单位的得分、等次和排名。',
        link: path,
        dedupKey: `assessment:${run.id}:published:user:${user.id}`,
      },
      email: assessmentPublishedEmail({ ...sender, unitName: unit.name, planTitle: plan.title, year: run.year, path }),
      emailKey: `assessment:${run.id}:published:email:${user.id}`,
    }));
  }

  /**
   * A scored draft waits for the office's review (the Temporal workflow scores on its own; through the API the
   * office computes by hand and needs no notice). `stepKey` is the workflow's key; each admin's message extends it.
   */
  async reviewRequested(em: EntityManager, run: AssessmentRun, plan: Plan, stepKey: string): Promise<number> {
    let delivered = 0;
    for (const admin of await this.officeAdmins(em, plan)) {
      const sent = await this.inbox.deliver(em, {
        userId: admin.id,
        kind: 'assessment.review',
        title: `《${plan.title}》${run.year}年度考核初评结果已生成（第 ${run.revision} 稿），请审核`,
        body: '请核对各单位的得分及扣分依据，审核通过后公示；需调整的，请调整或退回重新计算。',
        link: `/assessment/runs/${run.id}`,
        dedupKey: `${stepKey}:user:${admin.id}`,
      });
      delivered += sent ? 1 : 0;
    }
    return delivered;
  }

  /** A new appeal goes to the office admins of the plan's government. */
  async appealFiled(em: EntityManager, plan: Plan, appeal: AssessmentAppeal, unitName: string): Promise<number> {
    let delivered = 0;
    for (const admin of await this.officeAdmins(em, plan)) {
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

  private async officeAdmins(em: EntityManager, plan: Plan): Promise<User[]> {
    const government = await em.findOneByOrFail(Unit, { id: plan.governmentId });
    return em
      .createQueryBuilder(User, 'u')
      .innerJoin(Unit, 'home', 'home.id = u.unit_id')
      .where('u.role = :role AND u.active = :active', { role: 'office_admin', active: true })
      .andWhere('home.path LIKE :prefix', { prefix: `${government.path}%` })
      .getMany();
  }

  /** Returns how many inbox messages were delivered; each one's email goes to the outbox with it. */
  private async toUnits(
    em: EntityManager,
    unitIds: number[],
    notice: (user: User, unit: Unit) => UnitNotice,
  ): Promise<number> {
    let delivered = 0;
    for (let start = 0; start < unitIds.length; start += BATCH) {
      const ids = unitIds.slice(start, start + BATCH);
      const units = new Map((await em.findBy(Unit, { id: In(ids) })).map((unit) => [unit.id, unit]));
      const users = await em.findBy(User, { unitId: In(ids), role: In(['unit_liaison', 'unit_head']), active: true });
      for (const user of users) {
        const unit = units.get(user.unitId);
        if (!unit) {
          continue;
        }
        const { inbox, email, emailKey } = notice(user, unit);
        delivered += (await this.inbox.deliver(em, inbox)) ? 1 : 0;
        if (user.email) {
          await this.outbox.enqueue(em, { ...email, to: user.email, dedupKey: emailKey });
        }
      }
    }
    return delivered;
  }

  /** 落款: the plan's issuing office, else the government's leading-group office, else the government itself. */
  private async sender(em: EntityManager, plan: Plan): Promise<NoticeSender> {
    const named = await em.findBy(Unit, { id: In([plan.issuingUnitId, plan.governmentId]) });
    const issuing = named.find((u) => u.id === plan.issuingUnitId);
    let officeName = issuing && issuing.kind !== 'government' ? issuing.name : null;
    if (officeName === null) {
      const offices = await em.findBy(Unit, { parentId: plan.governmentId, kind: 'office' });
      const office = offices.find((u) => u.name.includes('领导小组办公室')) ?? offices[0];
      officeName = office?.name ?? named.find((u) => u.id === plan.governmentId)?.name ?? '领导小组办公室';
    }
    return { officeName, issuedAt: this.clock.now(), publicUrl: this.config.publicUrl };
  }
}

function resultPath(run: AssessmentRun): string {
  return `/assessment/results/mine?runId=${run.id}`;
}
