import { Assignment } from './assignments/assignment.entity';
import { Plan } from './plans/plan.entity';
import { PlanIndicator, Task, TaskDeadline, TaskUnit } from './tasks/task.entity';

export const PLANS_ENTITIES = [Plan, Task, TaskUnit, TaskDeadline, PlanIndicator, Assignment];
