import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Clock, systemActor } from '@app/core';
import { Interview, InterviewsService, SupervisionCase, SupervisionChange, SupervisionNotices } from '@app/supervision';
import { EmbeddedEngine, localDateOf, TimerHandler, WorkingCalendarProvider } from '@app/workflows';
import { PlanLadderReader } from './plan-ladder/plan-ladder.reader';
import { planCalendar } from './progress-lag/plan-calendar';
import { StepLog } from './step-log';

export const INTERVIEW_TIMER = 'interview';

const ENGINE = systemActor('escalation');

/** `notice:interview:{id}:{invite|reminder}:v{appointment}`: one invitation and one reminder per appointment. */
export function interviewNoticeKey(interviewId: number, notice: 'invite' | 'reminder', appointment: number): string {
  return `notice:interview:${interviewId}:${notice}:v${appointment}`;
}

/**
 * An interview's own notices after its summons: an invitation for every new appointment, and a reminder at the
 * office opening of the working day before, when that is still ahead as the appointment is made. Each is recorded
 * in the step log (UNIQUE key per appointment), so a retried step or a replayed timer sends nothing twice.
 */
@Injectable()
export class InterviewAppointments implements TimerHandler {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly interviews: InterviewsService,
    private readonly notices: SupervisionNotices,
    private readonly calendars: WorkingCalendarProvider,
    private readonly engine: EmbeddedEngine,
    private readonly steps: StepLog,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly ladders: PlanLadderReader,
  ) {}

  /**
   * The embedded engine's side of `SupervisionHooks`, in the transaction of the change: a new appointment plans its
   * reminder, a move sends its invitation and moves the reminder, an interview held, closed or cancelled stops it.
   * Cases need nothing here: their timer reads the case when it runs.
   */
  async onSupervisionChange(em: EntityManager, change: SupervisionChange): Promise<void> {
    const now = this.clock.now();
    switch (change.kind) {
      case 'interviewRescheduled':
        await this.rescheduled(em, change.interview, change.appointment, now);
        return;
      case 'interviewScheduled':
      case 'interviewHeld':
      case 'interviewClosed':
      case 'interviewCancelled':
        await this.planReminder(em, change.interview, now);
        return;
      case 'caseClosureRequested':
      case 'caseVerified':
        return;
    }
  }

  /** The office moved the interview: the invitation for the new appointment, and the reminder moves with it. */
  async rescheduled(em: EntityManager, interview: Interview, appointment: number, now: Date): Promise<void> {
    const key = interviewNoticeKey(interview.id, 'invite', appointment);
    if (!(await this.steps.has(em, key))) {
      await this.notices.interviewScheduled(em, interview, key, {
        kind: 'interview_invite',
        sequence: appointment - 1,
      });
      await this.steps.record(em, {
        subjectType: 'interview',
        subjectId: interview.id,
        kind: 'interview_invite',
        round: 0,
        dedupKey: key,
        scheduledAt: now,
        issuedAt: now,
        supersedes: null,
        recordRef: `interview:${interview.id}`,
        unitId: interview.unitId,
      });
    }
    await this.planReminder(em, interview, now);
  }

  /**
   * Sets the reminder timer of the interview's current appointment (embedded engine only: Temporal's interview
   * workflow keeps its own), or stops it when the appointment is too close or the interview no longer waits.
   */
  async planReminder(em: EntityManager, interview: Interview, now: Date): Promise<void> {
    if (this.config.workflowEngine !== 'embedded') {
      return;
    }
    const at = await this.reminderAt(em, interview);
    if (interview.status === 'scheduled' && at > now.getTime()) {
      await this.engine.schedule(em, INTERVIEW_TIMER, interview.id, new Date(at));
    } else {
      await this.engine.cancel(em, INTERVIEW_TIMER, interview.id);
    }
  }

  /** The reminder timer: sent once per appointment, unless the interview was held, cancelled or has begun. */
  async run(em: EntityManager, subjectId: string, now: Date): Promise<Date | null> {
    const interview = await em.findOneBy(Interview, { id: Number(subjectId) });
    if (!interview || interview.status !== 'scheduled' || interview.startsAt <= now) {
      return null;
    }
    const at = await this.reminderAt(em, interview);
    if (at > now.getTime()) {
      return new Date(at);
    }
    const appointment = await this.interviews.appointmentOf(em, interview.id);
    const key = interviewNoticeKey(interview.id, 'reminder', appointment);
    if (await this.steps.has(em, key)) {
      return null;
    }
    await this.notices.interviewReminder(em, interview, key);
    await this.steps.record(em, {
      subjectType: 'interview',
      subjectId: interview.id,
      kind: 'interview_reminder',
      round: 0,
      dedupKey: key,
      scheduledAt: new Date(at),
      issuedAt: now,
      supersedes: null,
      recordRef: `interview:${interview.id}`,
      unitId: interview.unitId,
    });
    await this.audit.record(em, {
      actor: ENGINE,
      action: 'escalation.interview_reminder',
      entityType: 'interview',
      entityId: interview.id,
      unitId: interview.unitId,
      after: { appointment, startsAt: interview.startsAt.toISOString(), scheduledAt: new Date(at), issuedAt: now },
    });
    return null;
  }

  /**
   * The office opening of the working day before the interview: at the plan's own office hours when the interview
   * is the ladder's, about a case of a plan whose ladder sets them.
   */
  private async reminderAt(em: EntityManager, interview: Interview): Promise<number> {
    const base = this.calendars.calendar();
    const planId =
      interview.caseId === null
        ? null
        : ((await em.findOne(SupervisionCase, { select: { planId: true }, where: { id: interview.caseId } }))?.planId ??
          null);
    const calendar = planId === null ? base : planCalendar(base, await this.ladders.state(em, planId));
    return calendar.officeStart(calendar.previousWorkingDay(localDateOf(interview.startsAt.getTime())));
  }
}
