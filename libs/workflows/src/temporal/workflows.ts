/** The workflow bundle's entry: every workflow the worker registers. Workflow-code rules apply (see README). */
export { interviewWorkflow } from './interview.workflow';
export { monthlyCycleWorkflow } from './monthly-cycle.workflow';
export { reportingObligationWorkflow } from './reporting-obligation.workflow';
export { supervisionCaseWorkflow } from './supervision-case.workflow';
export { yearEndAssessmentWorkflow } from './year-end-assessment.workflow';
