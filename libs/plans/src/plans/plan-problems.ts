import type { Task, TaskDeadline, TaskUnit } from '../tasks/task.entity';

export type PlanProblemCode = 'NO_TASKS' | 'NO_LEAD' | 'UNRESOLVED_UNIT' | 'DEADLINE_WITHOUT_DATE';

/** Something that stops a draft from being published. `field` names where the office fixes it. */
export interface PlanProblem {
  code: PlanProblemCode;
  taskId: number | null;
  ref: string | null;
  field: string;
  message: string;
}

/** Every problem of a draft at once, so the office fixes them in one pass rather than one refusal at a time. */
export function planProblems(tasks: Task[], units: TaskUnit[], deadlines: TaskDeadline[]): PlanProblem[] {
  const active = tasks.filter((task) => task.status === 'active');
  if (active.length === 0) {
    return [{ code: 'NO_TASKS', taskId: null, ref: null, field: 'tasks', message: '计划中没有任务' }];
  }
  const problems: PlanProblem[] = [];
  for (const task of active) {
    const own = units.filter((unit) => unit.taskId === task.id);
    const label = `任务 ${task.ref}（第 ${task.position} 项）`;
    if (!own.some((unit) => unit.role === 'lead')) {
      problems.push({
        code: 'NO_LEAD',
        taskId: task.id,
        ref: task.ref,
        field: `tasks.${task.id}.lead`,
        message: `${label}没有牵头单位`,
      });
    }
    for (const unit of own.filter((u) => u.unitId === null)) {
      problems.push({
        code: 'UNRESOLVED_UNIT',
        taskId: task.id,
        ref: task.ref,
        field: `tasks.${task.id}.${unit.role === 'lead' ? 'lead' : 'participants'}`,
        message: `${label}的${unit.role === 'lead' ? '牵头' : '参与'}单位“${unit.rawName}”未能对应到系统中的单位`,
      });
    }
    for (const deadline of deadlines.filter((d) => d.taskId === task.id)) {
      if ((deadline.kind === 'once' || deadline.kind === 'from') && !deadline.date) {
        problems.push({
          code: 'DEADLINE_WITHOUT_DATE',
          taskId: task.id,
          ref: task.ref,
          field: `tasks.${task.id}.deadlines`,
          message: `${label}的期限“${deadline.raw}”缺少具体日期`,
        });
      }
    }
  }
  return problems;
}
