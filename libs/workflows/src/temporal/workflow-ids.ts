/**
 * Task queue and workflow ids. Ids carry business meaning so that a retried start, a second API instance or a
 * re-run monthly cycle finds the execution that already exists instead of starting a second one.
 * Imported by workflow code: pure, no imports.
 */
export const ESCALATION_TASK_QUEUE = 'escalation';

export function obligationWorkflowId(obligationId: string): string {
  return `obligation:${obligationId}`;
}

export function supervisionCaseWorkflowId(caseId: string): string {
  return `supervision:${caseId}`;
}

export function interviewWorkflowId(interviewId: string): string {
  return `interview:${interviewId}`;
}

export function monthlyCycleWorkflowId(period: string): string {
  return `cycle:${period}`;
}

export function assessmentWorkflowId(planId: string, year: number): string {
  return `assessment:${planId}:${year}`;
}
