export * from './parser';
export { PLANS_ENTITIES } from './plans-entities';
export { Plan, PLAN_STATUSES, DEFAULT_REPORTING } from './plans/plan.entity';
export type { PlanStatus, ReportingDefaults, ImportNote } from './plans/plan.entity';
export {
  Task,
  TaskUnit,
  TaskDeadline,
  PlanIndicator,
  TASK_STATUSES,
  REPORTING_CYCLES,
  DEADLINE_KINDS,
  TASK_UNIT_ROLES,
} from './tasks/task.entity';
export type { TaskStatus, ReportingCycle, DeadlineKind as TaskDeadlineKind, TaskUnitRole } from './tasks/task.entity';
export { Assignment, ASSIGNMENT_ROLES, ASSIGNMENT_STATUSES } from './assignments/assignment.entity';
export type { AssignmentRole, AssignmentStatus } from './assignments/assignment.entity';
export { PlansService } from './plans/plans.service';
export type { PlanDetail, UnresolvedName, TaskInput, TaskPatch, PlanPatch, DeadlineInput } from './plans/plans.service';
export { planProblems } from './plans/plan-problems';
export type { PlanProblem, PlanProblemCode } from './plans/plan-problems';
export { PlanPublisher } from './plans/plan-publisher.service';
export { findPlanHeader, getPlanHeader } from './plans/plan-header';
export { PublishHooks } from './plans/publish-hooks';
export type { PublishHook } from './plans/publish-hooks';
export type { PublishResult } from './plans/plan-publisher.service';
export { PlanImportService } from './import/plan-import.service';
export type { PlanDocumentInput, ImportOptions } from './import/plan-import.service';
export { AssignmentsService } from './assignments/assignments.service';
export type { AssignmentRow, AcknowledgementStatus } from './assignments/assignments.service';
export { PlansModule } from './plans.module';
