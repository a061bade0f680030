import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, DomainError, UnitOfWork } from '@app/core';
import { AuthUser, Unit } from '@app/org';
import { getPlanHeader, Task, TaskDeadline } from '@app/plans';
import { WorkingCalendarProvider } from '@app/workflows';
import { ReportingNotices } from '../notices/reporting-notices';
import { ObligationAccess } from '../obligations/obligation-access';
import { Obligation, ObligationStatus } from '../obligations/obligation.entity';
import { returnDueAt } from '../periods/due-dates';
import { ReportingHooks } from '../reporting-hooks';
import { ReportingSettingsService } from '../settings/reporting-settings.service';
import { Submission } from '../submissions/submission.entity';
import { Review, ReviewDecision } from './review.entity';

export const MAX_REVIEW_COMMENT = 2000;

export interface ReviewReceipt {
  obligationId: number;
  reviewId: number;
  decision: ReviewDecision;
  status: ObligationStatus;
  round: number;
  dueAt: Date;
  rating: number | null;
  comment: string | null;
  reviewedAt: Date;
  /** Accept only: the accepted report completed a once-task (its later periods are not opened). */
  taskCompleted: boolean;
}

const WAIVABLE: ReadonlyArray<ObligationStatus> = ['open', 'returned', 'submitted'];

/**
 * 审核: the office accepts or returns (退回) what leads and lower governments report; a lead unit (or the office)
 * does the same for its participants' parts. A return reopens the obligation with a new due date and round + 1.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly access: ObligationAccess,
    private readonly settings: ReportingSettingsService,
    private readonly calendars: WorkingCalendarProvider,
    private readonly notices: ReportingNotices,
    private readonly hooks: ReportingHooks,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async accept(user: AuthUser, id: number, input: { rating?: number; comment?: string }): Promise<ReviewReceipt> {
    const rating = input.rating ?? null;
    if (rating !== null && !(Number.isInteger(rating) && rating >= 1 && rating <= 5)) {
      throw DomainError.invalid('rating', '评分须为 1–5 的整数');
    }
    const comment = checkedComment(input.comment, false);
    return this.unitOfWork.run(async (em) => {
      const before = await this.reviewable(em, user, id);
      const now = this.clock.now();
      const submission = await em.findOneByOrFail(Submission, { id: before.currentSubmissionId as number });
      const after: Obligation = {
        ...before,
        status: 'accepted',
        acceptedAt: now,
        acceptedRating: rating,
        acceptedComplete: submission.declaresComplete,
        reviewedBy: user.id,
        updatedAt: now,
      };
      await this.transition(em, before, after, ['submitted']);
      await em.update(Submission, { id: submission.id }, { status: 'accepted' });
      const review = await this.saveReview(em, user, after, submission.id, 'accepted', { rating, comment, now });
      const taskCompleted = await this.completeOnceTask(em, user, after, submission);
      await this.audit.record(em, {
        actor: actorOf(user),
        action: 'obligation.accept',
        entityType: 'obligation',
        entityId: id,
        unitId: before.unitId,
        before: { status: before.status, round: before.round },
        after: { status: after.status, round: after.round, submissionId: submission.id, rating, taskCompleted },
      });
      await this.emit(em, 'accepted', after);
      return receipt(review, after, taskCompleted);
    });
  }

  /**
   * 退回: the comment is mandatory; the report is due again `returnWorkingDays` working days from today, or by the
   * deadline the reviewer sets (`dueAt`, in the future).
   */
  async returnReport(user: AuthUser, id: number, input: { comment: string; dueAt?: Date }): Promise<ReviewReceipt> {
    const comment = checkedComment(input.comment, true) as string;
    if (input.dueAt !== undefined && !(input.dueAt instanceof Date && Number.isFinite(input.dueAt.getTime()))) {
      throw DomainError.invalid('dueAt', '必须是 ISO 8601 日期时间');
    }
    return this.unitOfWork.run(async (em) => {
      const before = await this.reviewable(em, user, id);
      const now = this.clock.now();
      if (input.dueAt !== undefined && input.dueAt.getTime() <= now.getTime()) {
        throw DomainError.invalid('dueAt', '重新报送的截止时间必须晚于当前时间');
      }
      const plan = await getPlanHeader(em, before.planId);
      const dueAt = input.dueAt ?? returnDueAt(now, await this.settings.rules(plan, em), this.calendars.calendar());
      const after: Obligation = {
        ...before,
        status: 'returned',
        round: before.round + 1,
        dueAt,
        returnedAt: now,
        reviewedBy: user.id,
        updatedAt: now,
      };
      await this.transition(em, before, after, ['submitted']);
      const submissionId = before.currentSubmissionId as number;
      await em.update(Submission, { id: submissionId }, { status: 'returned' });
      const review = await this.saveReview(em, user, before, submissionId, 'returned', {
        comment,
        now,
        newDueAt: dueAt,
      });
      await this.audit.record(em, {
        actor: actorOf(user),
        action: 'obligation.return',
        entityType: 'obligation',
        entityId: id,
        unitId: before.unitId,
        before: { status: before.status, round: before.round, dueAt: before.dueAt },
        after: { status: after.status, round: after.round, dueAt, submissionId, comment },
      });
      await this.notices.returned(em, {
        obligation: after,
        plan,
        task: await em.findOneByOrFail(Task, { id: after.taskId }),
        unit: await em.findOneByOrFail(Unit, { id: after.unitId }),
        reviewerUnit: await em.findOneByOrFail(Unit, { id: user.unitId }),
        comment,
      });
      await this.emit(em, 'returned', after);
      return receipt(review, after, false);
    });
  }

  /** 免报: the office excuses a unit from one period's report (e.g. the task does not concern it after all). */
  async waive(user: AuthUser, id: number, input: { comment: string }): Promise<ReviewReceipt> {
    const comment = checkedComment(input.comment, true) as string;
    return this.unitOfWork.run(async (em) => {
      const before = await this.obligation(em, id);
      await this.access.assertCanSee(em, user, before);
      if ((await this.access.reviewerKind(em, user, before)) !== 'office') {
        throw new DomainError('FORBIDDEN', '只有该计划所属政府的领导小组办公室可以免报');
      }
      const now = this.clock.now();
      const after: Obligation = { ...before, status: 'waived', reviewedBy: user.id, updatedAt: now };
      await this.transition(em, before, after, WAIVABLE);
      const review = await this.saveReview(em, user, before, before.currentSubmissionId, 'waived', { comment, now });
      await this.audit.record(em, {
        actor: actorOf(user),
        action: 'obligation.waive',
        entityType: 'obligation',
        entityId: id,
        unitId: before.unitId,
        before: { status: before.status, round: before.round },
        after: { status: after.status, comment },
      });
      await this.emit(em, 'waived', after);
      return receipt(review, after, false);
    });
  }

  private async reviewable(em: EntityManager, user: AuthUser, id: number): Promise<Obligation> {
    const obligation = await this.obligation(em, id);
    await this.access.assertCanReview(em, user, obligation);
    if (obligation.status !== 'submitted' || obligation.currentSubmissionId === null) {
      throw new DomainError('CONFLICT', `该报送当前状态为“${STATUS_LABELS[obligation.status]}”，不能审核`);
    }
    return obligation;
  }

  /** A conditional update: of two reviewers deciding at once, the second finds the status changed. */
  private async transition(
    em: EntityManager,
    before: Obligation,
    after: Obligation,
    from: ReadonlyArray<ObligationStatus>,
  ): Promise<void> {
    const result = await em
      .createQueryBuilder()
      .update(Obligation)
      .set({
        status: after.status,
        round: after.round,
        dueAt: after.dueAt,
        returnedAt: after.returnedAt,
        acceptedAt: after.acceptedAt,
        acceptedRating: after.acceptedRating,
        acceptedComplete: after.acceptedComplete,
        reviewedBy: after.reviewedBy,
        updatedAt: after.updatedAt,
      })
      .where('id = :id AND round = :round AND status IN (:...from)', { id: before.id, round: before.round, from })
      .execute();
    if (result.affected !== 1) {
      throw new DomainError('CONFLICT', '该报送的状态已被他人更改，请刷新后重试');
    }
  }

  private saveReview(
    em: EntityManager,
    user: AuthUser,
    obligation: Obligation,
    submissionId: number | null,
    decision: ReviewDecision,
    details: { rating?: number | null; comment: string | null; now: Date; newDueAt?: Date },
  ): Promise<Review> {
    return em.save(Review, {
      obligationId: obligation.id,
      submissionId,
      round: obligation.round,
      decision,
      rating: details.rating ?? null,
      comment: details.comment,
      reviewerId: user.id,
      reviewerUnitId: user.unitId,
      reviewedAt: details.now,
      newDueAt: details.newDueAt ?? null,
    });
  }

  /**
   * A once-task (every deadline a single date) is done when the office accepts a lead's report declaring 100 %.
   * Recurring, ongoing and from-year tasks stay active whatever they report.
   */
  private async completeOnceTask(
    em: EntityManager,
    user: AuthUser,
    obligation: Obligation,
    submission: Submission,
  ): Promise<boolean> {
    if (!submission.declaresComplete || obligation.role !== 'lead') {
      return false;
    }
    const task = await em.findOneByOrFail(Task, { id: obligation.taskId });
    const deadlines = await em.findBy(TaskDeadline, { taskId: task.id });
    if (task.status !== 'active' || deadlines.length === 0 || deadlines.some((d) => d.kind !== 'once')) {
      return false;
    }
    const now = this.clock.now();
    await em.update(Task, { id: task.id }, { status: 'completed', updatedAt: now });
    const plan = await getPlanHeader(em, task.planId);
    await this.audit.record(em, {
      actor: actorOf(user),
      action: 'task.complete',
      entityType: 'task',
      entityId: task.id,
      unitId: plan.governmentId,
      before: { status: task.status },
      after: { status: 'completed', obligationId: obligation.id, submissionId: submission.id },
    });
    return true;
  }

  private async obligation(em: EntityManager, id: number): Promise<Obligation> {
    const obligation = await em.findOneBy(Obligation, { id });
    if (!obligation) {
      throw DomainError.notFound('报送义务', id);
    }
    return obligation;
  }

  private emit(em: EntityManager, kind: 'accepted' | 'returned' | 'waived', after: Obligation): Promise<void> {
    return this.hooks.emit(em, {
      kind,
      obligationId: after.id,
      status: after.status,
      round: after.round,
      dueAt: after.dueAt,
    });
  }
}

export const STATUS_LABELS: Record<ObligationStatus, string> = {
  open: '待报送',
  submitted: '待审核',
  returned: '已退回',
  accepted: '已通过',
  waived: '已免报',
  cancelled: '已撤销',
};

function checkedComment(comment: string | undefined, required: boolean): string | null {
  const trimmed = comment?.trim() ?? '';
  if (required && !trimmed) {
    throw DomainError.invalid('comment', '退回或免报时必须填写审核意见');
  }
  if (trimmed.length > MAX_REVIEW_COMMENT) {
    throw DomainError.invalid('comment', `长度不能超过 ${MAX_REVIEW_COMMENT} 个字符`);
  }
  return trimmed || null;
}

function actorOf(user: AuthUser): Actor {
  return { kind: 'user', userId: user.id, username: user.username };
}

function receipt(review: Review, after: Obligation, taskCompleted: boolean): ReviewReceipt {
  return {
    obligationId: after.id,
    reviewId: review.id,
    decision: review.decision,
    status: after.status,
    round: after.round,
    dueAt: after.dueAt,
    rating: review.rating,
    comment: review.comment,
    reviewedAt: review.reviewedAt,
    taskCompleted,
  };
}
