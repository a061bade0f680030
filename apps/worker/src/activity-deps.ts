import { Logger } from '@nestjs/common';
import { loadCalendarData, type AssessmentActivities, type EscalationActivities } from '@app/workflows';

/** Injection tokens of the services behind the activities (`createEscalationActivities(deps)`). */
export const ESCALATION_ACTIVITY_DEPS = Symbol('ESCALATION_ACTIVITY_DEPS');
export const ASSESSMENT_ACTIVITY_DEPS = Symbol('ASSESSMENT_ACTIVITY_DEPS');

/**
 * Until the reporting, supervision and assessment services are wired in (the same services the embedded engine
 * calls), their activities fail with a retryable error: workflows then wait, retrying with back-off, instead of
 * losing a step. Only the calendar works now (without the office's corrections, which arrive with the wiring).
 */
export function escalationDepsUntilWired(): EscalationActivities {
  return {
    loadCalendar: ({ fromYear, toYear }) => Promise.resolve(loadCalendarData({ fromYear, toYear }).data),
    openPeriodObligations: notWired('openPeriodObligations'),
    checkPreviousPeriod: notWired('checkPreviousPeriod'),
    recordStep: notWired('recordStep'),
    openCase: notWired('openCase'),
    scheduleInterview: notWired('scheduleInterview'),
    sendNotices: notWired('sendNotices'),
  };
}

export function assessmentDepsUntilWired(): AssessmentActivities {
  return {
    scoreAssessment: notWired('scoreAssessment'),
    openAppealWindow: notWired('openAppealWindow'),
    publishAssessment: notWired('publishAssessment'),
  };
}

const logger = new Logger('ActivityDeps');

function notWired(name: string): () => Promise<never> {
  return () => {
    logger.warn(`activity ${name} is not wired to its service yet; the workflow will retry it`);
    return Promise.reject(new Error(`活动 ${name} 尚未接入业务服务 / activity ${name} is not wired yet`));
  };
}
