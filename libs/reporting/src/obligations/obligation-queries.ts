import { Injectable } from '@nestjs/common';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '@app/core';
import { AccessScope, AuthUser, Unit, User } from '@app/org';
import { Plan, PlanIndicator, Task } from '@app/plans';
import { Review } from '../reviews/review.entity';
import {
  Submission,
  SubmissionAttachment,
  SubmissionIndicatorValue,
  SubmissionKind,
} from '../submissions/submission.entity';
import { ObligationAccess, ReviewerKind } from './obligation-access';
import { Obligation, ObligationStatus } from './obligation.entity';

export interface ObligationFilter {
  planId?: number;
  period?: string;
  status?: ObligationStatus;
  unitId?: number;
  taskId?: number;
  limit: number;
  offset: number;
}

export interface ObligationRow {
  obligation: Obligation;
  planTitle: string;
  taskRef: string;
  taskTitle: string;
  unitName: string;
  currentKind: SubmissionKind | null;
  currentPercent: number | null;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface SubmissionVersion {
  submission: Submission;
  submittedByName: string;
  indicatorValues: SubmissionIndicatorValue[];
  attachments: SubmissionAttachment[];
}

export interface ReviewRecord {
  review: Review;
  reviewerName: string;
  reviewerUnitName: string;
}

export interface ObligationDetail {
  row: ObligationRow;
  /** The indicators this report may carry values for (see `ObligationQueries.indicatorsFor`). */
  indicators: PlanIndicator[];
  versions: SubmissionVersion[];
  reviews: ReviewRecord[];
  canSubmit: boolean;
  reviewer: ReviewerKind | null;
}

export interface ParticipantPart {
  row: ObligationRow;
  current: SubmissionVersion | null;
}

interface RawRow {
  p_title: string;
  t_ref: string;
  t_title: string;
  t_position: number;
  u_name: string;
  s_kind: SubmissionKind | null;
  s_percent: number | string | null;
}

/** Reads for the API: lists within the caller's jurisdiction, the detail with every version and review. */
@Injectable()
export class ObligationQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ObligationAccess,
  ) {}

  /** A unit sees its own obligations; office, supervisors and leaders their subtree. */
  async list(scope: AccessScope, filter: ObligationFilter): Promise<Page<ObligationRow>> {
    const qb = this.rows();
    applyScope(qb, scope, 'u');
    for (const [key, column] of [
      ['planId', 'o.plan_id'],
      ['period', 'o.period'],
      ['status', 'o.status'],
      ['unitId', 'o.unit_id'],
      ['taskId', 'o.task_id'],
    ] as const) {
      if (filter[key] !== undefined) {
        qb.andWhere(`${column} = :${key}`, { [key]: filter[key] });
      }
    }
    return this.page(qb, filter);
  }

  /**
   * Reports waiting for the caller's review: for the office, submitted reports of leads and lower governments on
   * its government's plans; for a lead unit's liaison or head, its participants' submitted parts.
   */
  async reviewQueue(user: AuthUser, page: { limit: number; offset: number }): Promise<Page<ObligationRow>> {
    const qb = this.rows().andWhere('o.status = :submitted', { submitted: 'submitted' });
    if (user.role === 'unit_liaison' || user.role === 'unit_head') {
      qb.andWhere('o.role = :participant', { participant: 'participant' }).andWhere(
        `EXISTS (SELECT 1 FROM assignment la WHERE la.task_id = o.task_id AND la.unit_id = :leadUnitId AND la.role = 'lead')`,
        { leadUnitId: user.unitId },
      );
    } else {
      qb.innerJoin(Unit, 'g', 'g.id = p.government_id').andWhere('o.role IN (:...roles)', { roles: ['lead', 'local'] });
      applyScope(qb, user.scope, 'g');
    }
    qb.orderBy('o.submitted_at', 'ASC').addOrderBy('o.id', 'ASC');
    return this.page(qb, page, false);
  }

  async detail(user: AuthUser, id: number): Promise<ObligationDetail> {
    const row = await this.row(id);
    const em = this.dataSource.manager;
    await this.access.assertCanSee(em, user, row.obligation);
    const submissions = await em.find(Submission, { where: { obligationId: id }, order: { round: 'ASC' } });
    const reviews = await em.find(Review, { where: { obligationId: id }, order: { id: 'ASC' } });
    const users = await this.usersById([...submissions.map((s) => s.submittedBy), ...reviews.map((r) => r.reviewerId)]);
    const units = reviews.length
      ? await em.findBy(Unit, { id: In([...new Set(reviews.map((r) => r.reviewerUnitId))]) })
      : [];
    const versions = await this.versions(submissions, users);
    return {
      row,
      indicators: await this.indicatorsFor(row.obligation, versions),
      versions,
      reviews: reviews.map((review) => ({
        review,
        reviewerName: users.get(review.reviewerId) ?? '',
        reviewerUnitName: units.find((u) => u.id === review.reviewerUnitId)?.name ?? '',
      })),
      canSubmit:
        (user.role === 'unit_liaison' || user.role === 'unit_head') &&
        user.unitId === row.obligation.unitId &&
        (row.obligation.status === 'open' || row.obligation.status === 'returned'),
      reviewer: await this.access.reviewerKind(em, user, row.obligation),
    };
  }

  /** 汇总: the lead's view of its participants' parts of the same task and period, with their latest versions. */
  async participantParts(user: AuthUser, id: number): Promise<ParticipantPart[]> {
    const lead = await this.row(id);
    await this.access.assertCanSee(this.dataSource.manager, user, lead.obligation);
    if (lead.obligation.role !== 'lead') {
      throw new DomainError('CONFLICT', '只有牵头单位的报送有参与单位汇总');
    }
    const qb = this.rows()
      .andWhere('o.task_id = :taskId', { taskId: lead.obligation.taskId })
      .andWhere('o.period = :period', { period: lead.obligation.period })
      .andWhere('o.role = :role', { role: 'participant' });
    const rows = await this.page(qb, { limit: 1000, offset: 0 }, false);
    const currentIds = rows.items.flatMap((r) =>
      r.obligation.currentSubmissionId ? [r.obligation.currentSubmissionId] : [],
    );
    const submissions = currentIds.length
      ? await this.dataSource.manager.findBy(Submission, { id: In(currentIds) })
      : [];
    const versions = await this.versions(submissions, await this.usersById(submissions.map((s) => s.submittedBy)));
    return rows.items.map((row) => ({
      row,
      current: versions.find((v) => v.submission.id === row.obligation.currentSubmissionId) ?? null,
    }));
  }

  /** An attachment, for whoever may see the obligation it was reported for. */
  async attachment(user: AuthUser, id: number): Promise<SubmissionAttachment> {
    const em = this.dataSource.manager;
    const attachment = await em.findOneBy(SubmissionAttachment, { id });
    if (!attachment) {
      throw DomainError.notFound('附件', id);
    }
    const submission = await em.findOneByOrFail(Submission, { id: attachment.submissionId });
    await this.access.assertCanSee(em, user, await em.findOneByOrFail(Obligation, { id: submission.obligationId }));
    return attachment;
  }

  async row(id: number): Promise<ObligationRow> {
    const rows = await this.page(this.rows().andWhere('o.id = :id', { id }), { limit: 1, offset: 0 }, false);
    if (rows.items.length === 0) {
      throw DomainError.notFound('报送义务', id);
    }
    return rows.items[0];
  }

  private rows(): SelectQueryBuilder<Obligation> {
    return this.dataSource
      .getRepository(Obligation)
      .createQueryBuilder('o')
      .innerJoin(Plan, 'p', 'p.id = o.plan_id')
      .innerJoin(Task, 't', 't.id = o.task_id')
      .innerJoin(Unit, 'u', 'u.id = o.unit_id')
      .leftJoin(Submission, 's', 's.id = o.current_submission_id')
      .addSelect('p.title', 'p_title')
      .addSelect('t.ref', 't_ref')
      .addSelect('t.title', 't_title')
      .addSelect('t.position', 't_position')
      .addSelect('u.name', 'u_name')
      .addSelect('s.kind', 's_kind')
      .addSelect('s.percent_complete', 's_percent');
  }

  private async page(
    qb: SelectQueryBuilder<Obligation>,
    page: { limit: number; offset: number },
    defaultOrder = true,
  ): Promise<Page<ObligationRow>> {
    const total = await qb.getCount();
    if (defaultOrder) {
      qb.orderBy('o.period_start', 'DESC')
        .addOrderBy('o.plan_id', 'DESC')
        .addOrderBy('t.position', 'ASC')
        .addOrderBy('o.unit_id', 'ASC')
        .addOrderBy('o.id', 'ASC');
    }
    // offset/limit (not skip/take): the joins are one-to-one, and skip/take would add a DISTINCT subquery.
    const { entities, raw } = await qb.offset(page.offset).limit(page.limit).getRawAndEntities<RawRow>();
    return {
      total,
      items: entities.map((obligation, index) => ({
        obligation,
        planTitle: raw[index].p_title,
        taskRef: raw[index].t_ref,
        taskTitle: raw[index].t_title,
        unitName: raw[index].u_name,
        currentKind: raw[index].s_kind ?? null,
        currentPercent: raw[index].s_percent === null ? null : Number(raw[index].s_percent),
      })),
    };
  }

  /**
   * The plan's indicators that concern this report, as the assessment counts them: those owned by the unit, those of
   * the task, and the plan-wide ones; plus any indicator an earlier version reported, so its value keeps its name.
   * Units cannot read the plan, so this is how the report form learns names, targets and units.
   */
  private async indicatorsFor(obligation: Obligation, versions: SubmissionVersion[]): Promise<PlanIndicator[]> {
    const reported = new Set(versions.flatMap((v) => v.indicatorValues.map((value) => value.indicatorId)));
    const all = await this.dataSource.manager.find(PlanIndicator, {
      where: { planId: obligation.planId },
      order: { id: 'ASC' },
    });
    return all.filter(
      (indicator) =>
        reported.has(indicator.id) ||
        (indicator.ownerUnitId === null
          ? indicator.taskId === null || indicator.taskId === obligation.taskId
          : indicator.ownerUnitId === obligation.unitId),
    );
  }

  private async versions(submissions: Submission[], users: Map<number, string>): Promise<SubmissionVersion[]> {
    const ids = submissions.map((s) => s.id);
    const em = this.dataSource.manager;
    const values = ids.length
      ? await em.find(SubmissionIndicatorValue, { where: { submissionId: In(ids) }, order: { id: 'ASC' } })
      : [];
    const attachments = ids.length
      ? await em.find(SubmissionAttachment, { where: { submissionId: In(ids) }, order: { id: 'ASC' } })
      : [];
    return submissions.map((submission) => ({
      submission,
      submittedByName: users.get(submission.submittedBy) ?? '',
      indicatorValues: values.filter((v) => v.submissionId === submission.id),
      attachments: attachments.filter((a) => a.submissionId === submission.id),
    }));
  }

  private async usersById(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    const users = unique.length ? await this.dataSource.manager.findBy(User, { id: In(unique) }) : [];
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}

function applyScope(qb: SelectQueryBuilder<Obligation>, scope: AccessScope, alias: string): void {
  if (scope.kind === 'subtree') {
    qb.andWhere(`${alias}.path LIKE :scopePrefix`, { scopePrefix: `${scope.rootPath}%` });
  } else if (scope.kind === 'unit') {
    qb.andWhere('o.unit_id = :scopeUnitId', { scopeUnitId: scope.unitId });
  }
}
