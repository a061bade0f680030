import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AssessmentResult, AssessmentRun, AssessmentRuns } from '@app/assessment';
import { Clock, DomainError, systemActor, UnitOfWork } from '@app/core';
import { IssuableStep, PeriodCycle, PlanLadderReader, StepIssuer, StepLog } from '@app/escalation';
import { LadderSnapshot, Obligation, ObligationsService, periodContaining, periodStartDate } from '@app/reporting';
import { Interview, InterviewsService, SupervisionCase } from '@app/supervision';
import {
  CalendarCorrectionsStore,
  loadCalendarData,
  TEMPORAL_WORKER_COMPONENT,
  WorkingCalendarProvider,
  type AssessmentActivities,
  type CalendarData,
  type CalendarYearsInput,
  type CheckPreviousPeriodInput,
  type CheckPreviousPeriodResult,
  type EscalationActivities,
  type EscalationLadder,
  type InterviewAppointment,
  type ObligationPage,
  type OpenAppealWindowInput,
  type OpenCaseInput,
  type OpenCaseResult,
  type OpenPeriodObligationsInput,
  type PublishAssessmentInput,
  type RecordStepInput,
  type ScheduleInterviewInput,
  type ScheduleInterviewResult,
  type ScoreAssessmentInput,
  type ScoreAssessmentResult,
} from '@app/workflows';

/** Injection tokens of the services behind the activities (`createEscalationActivities(deps)`). */
export const ESCALATION_ACTIVITY_DEPS = Symbol('ESCALATION_ACTIVITY_DEPS');
export const ASSESSMENT_ACTIVITY_DEPS = Symbol('ASSESSMENT_ACTIVITY_DEPS');

const WAITING: ReadonlyArray<Obligation['status']> = ['open', 'returned'];
const TEMPORAL = systemActor(TEMPORAL_WORKER_COMPONENT);

/**
 * The escalation activities over the services of the embedded engine: the same `StepIssuer` issues warnings, cases,
 * interviews and their notices. Each write runs in one transaction and answers a retry from the step log (UNIQUE
 * dedup key) instead of issuing again.
 */
@Injectable()
export class EscalationActivityDeps implements EscalationActivities {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly obligations: ObligationsService,
    private readonly calendars: WorkingCalendarProvider,
    private readonly corrections: CalendarCorrectionsStore,
    private readonly steps: StepLog,
    private readonly issuer: StepIssuer,
    private readonly clock: Clock,
    private readonly ladders: PlanLadderReader,
    private readonly interviews: InterviewsService,
    private readonly periods: PeriodCycle,
  ) {}

  /** The package calendar with the office's corrections, which always win (as in the API). */
  async loadCalendar({ fromYear, toYear }: CalendarYearsInput): Promise<CalendarData> {
    const office = await this.corrections.load();
    return loadCalendarData({
      fromYear,
      toYear,
      corrections: office.corrections,
      officeNoticeYears: office.officeNoticeYears,
    }).data;
  }

  /**
   * The first page opens the month as the embedded engine's period cycle does (`PeriodCycle.openMonth`: the
   * obligations, and the timer of the month before's circular, which the API's poller issues); both idempotent.
   * Every page lists the waiting obligations in id order.
   */
  async openPeriodObligations({ period, cursor, limit }: OpenPeriodObligationsInput): Promise<ObligationPage> {
    const now = this.clock.now();
    if (cursor === null) {
      await this.periods.openMonth(period, now);
    }
    const periods = [period, periodContaining(periodStartDate(period), 'quarterly')];
    const rows = await this.dataSource
      .getRepository(Obligation)
      .createQueryBuilder('o')
      .where('o.period IN (:...periods)', { periods })
      .andWhere('o.status IN (:...statuses)', { statuses: WAITING })
      .andWhere('o.id > :afterId', { afterId: cursor === null ? 0 : Number(cursor) })
      .orderBy('o.id', 'ASC')
      .limit(limit)
      .getMany();
    const snapshots = await this.obligations.ladderSnapshots(
      rows.map((o) => o.id),
      now,
    );
    const ladders = new Map<number, EscalationLadder | undefined>();
    for (const planId of new Set(rows.map((o) => o.planId))) {
      ladders.set(planId, await this.ladders.forPlan(this.dataSource.manager, planId));
    }
    return {
      obligations: rows.map((o) => ({
        id: String(o.id),
        unitId: String(o.unitId),
        taskId: String(o.taskId),
        period: o.period,
        dueAt: o.dueAt.getTime(),
        openedAt: o.createdAt.getTime(),
        previousPeriodOverdue: snapshots.get(o.id)?.previousPeriodOverdue ?? false,
        ...(ladders.get(o.planId) ? { ladder: ladders.get(o.planId) } : {}),
      })),
      nextCursor: rows.length === limit ? String(rows[rows.length - 1].id) : null,
    };
  }

  async checkPreviousPeriod({ obligationId }: CheckPreviousPeriodInput): Promise<CheckPreviousPeriodResult> {
    const snapshot = await this.obligations.ladderSnapshot(Number(obligationId), this.clock.now());
    return { overdue: snapshot.previousPeriodOverdue };
  }

  async recordStep(input: RecordStepInput): Promise<void> {
    await this.issueOnce(input, stepOf(input));
  }

  async openCase(input: OpenCaseInput): Promise<OpenCaseResult> {
    const recordRef = await this.issueOnce(input, {
      ...stepOf(input),
      trigger: input.trigger,
      rectificationDeadline: input.rectificationDeadline,
    });
    return { caseId: String(refId(recordRef, 'case')) };
  }

  /**
   * The case's interview, read from the database as the embedded engine's handler reads it: a case closed
   * meanwhile calls nobody (`interviewId: null`), and an interview the office already arranged for it counts as
   * the step (its own workflow follows it: `appointment: null`).
   */
  async scheduleInterview(input: ScheduleInterviewInput): Promise<ScheduleInterviewResult> {
    const now = new Date(input.issuedAt);
    const calendar = this.calendars.calendar();
    return this.unitOfWork.run(async (em) => {
      const issued = await this.steps.find(em, input.dedupKey);
      if (issued) {
        const interview = await em.findOneByOrFail(Interview, { id: refId(issued.recordRef, 'interview') });
        return { interviewId: String(interview.id), appointment: await this.appointmentOf(em, interview) };
      }
      const supervisionCase = await em.findOneBy(SupervisionCase, { id: Number(input.caseId) });
      if (!supervisionCase) {
        throw DomainError.notFound('督办事项', input.caseId);
      }
      if (supervisionCase.status === 'closed') {
        return { interviewId: null };
      }
      const arranged = await em.findOne(Interview, { where: { caseId: supervisionCase.id }, order: { id: 'ASC' } });
      if (arranged) {
        return { interviewId: String(arranged.id), appointment: null };
      }
      const interview = await this.issuer.issueInterview(em, supervisionCase, input, calendar, now);
      return { interviewId: String(interview.id), appointment: await this.appointmentOf(em, interview) };
    });
  }

  private async appointmentOf(em: EntityManager, interview: Interview): Promise<InterviewAppointment> {
    return {
      startsAt: interview.startsAt.getTime(),
      place: interview.place,
      version: await this.interviews.appointmentOf(em, interview.id),
    };
  }

  /** Issues the step unless the step log already has its key; returns the step's record reference. */
  private async issueOnce(input: RecordStepInput, step: IssuableStep): Promise<string | null> {
    const now = new Date(input.issuedAt);
    const snapshot: LadderSnapshot = await this.obligations.ladderSnapshot(Number(input.obligationId), now);
    const calendar = this.calendars.calendar();
    return this.unitOfWork.run(async (em) => {
      const issued = await this.steps.find(em, input.dedupKey);
      if (issued) {
        return issued.recordRef;
      }
      return (await this.issuer.issueObligationStep(em, snapshot, step, calendar, now)).recordRef;
    });
  }
}

/** The year-end assessment's steps over `AssessmentRuns`; each is a no-op when the run is already past it. */
@Injectable()
export class AssessmentActivityDeps implements AssessmentActivities {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: AssessmentRuns,
  ) {}

  async scoreAssessment({ planId, year, revision }: ScoreAssessmentInput): Promise<ScoreAssessmentResult> {
    const existing = await this.dataSource.getRepository(AssessmentRun).findOneBy({ planId: Number(planId), year });
    const run = existing ?? (await this.runs.start(TEMPORAL, { planId: Number(planId), year }));
    if (run.revision >= revision) {
      const units = await this.dataSource.getRepository(AssessmentResult).countBy({ runId: run.id });
      return { assessmentId: String(run.id), units };
    }
    const summary = await this.runs.compute(TEMPORAL, run.id);
    return { assessmentId: String(run.id), units: summary.units };
  }

  async openAppealWindow({ assessmentId, appealDeadline }: OpenAppealWindowInput): Promise<void> {
    const run = await this.runs.get(Number(assessmentId));
    if (run.status === 'draft') {
      await this.runs.release(TEMPORAL, run.id, { appealDeadline: new Date(appealDeadline) });
    }
  }

  async publishAssessment({ assessmentId }: PublishAssessmentInput): Promise<void> {
    const run = await this.runs.get(Number(assessmentId));
    if (run.status !== 'published') {
      await this.runs.publish(TEMPORAL, run.id);
    }
  }
}

function stepOf(input: RecordStepInput): IssuableStep {
  return {
    kind: input.kind,
    round: input.round,
    dedupKey: input.dedupKey,
    scheduledAt: input.scheduledAt,
    supersedes: input.supersedes,
  };
}

/** `case:12` → 12; a step without the expected record is a broken invariant, not worth retrying. */
function refId(recordRef: string | null, kind: 'case' | 'interview'): number {
  const match = recordRef?.match(new RegExp(`^${kind}:(\\d+)$`));
  if (!match) {
    throw new DomainError('CONFLICT', `步骤记录 ${recordRef ?? '（空）'} 不是${kind === 'case' ? '督办事项' : '约谈'}`);
  }
  return Number(match[1]);
}
