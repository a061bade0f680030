import type { FieldErrors } from '@app/core';
import {
  DEFAULT_ESCALATION_LADDER,
  DEFAULT_OFFICE_HOURS,
  DEFAULT_PROGRESS_LAG_MARGIN_POINTS,
  EscalationLadder,
} from '@app/workflows';

/** A plan's ladder as the office edits it: every setting explicit, office hours as two `HH:mm` times. */
export interface PlanLadder {
  readonly reminderWorkingDaysBeforeDue: number | null;
  readonly remindOnDueDate: boolean;
  readonly yellowWarningAfterWorkingDays: number;
  readonly redWarningAfterWorkingDays: number;
  readonly supervisionAfterWorkingDays: number;
  readonly supervisionOnConsecutiveOverdue: boolean;
  readonly rectificationWorkingDays: number;
  readonly officeOpensAt: string;
  readonly officeClosesAt: string;
  /** How many percentage points reported progress may trail the elapsed share of a task's deadline window. */
  readonly progressLagMarginPoints: number;
}

/** The largest working-day count any setting accepts (about a year), as `resolveLadder` does. */
export const MAX_LADDER_WORKING_DAYS = 250;

export const DEFAULT_PLAN_LADDER: PlanLadder = {
  reminderWorkingDaysBeforeDue: DEFAULT_ESCALATION_LADDER.reminderWorkingDaysBeforeDue,
  remindOnDueDate: DEFAULT_ESCALATION_LADDER.remindOnDueDate,
  yellowWarningAfterWorkingDays: DEFAULT_ESCALATION_LADDER.yellowWarningAfterWorkingDays,
  redWarningAfterWorkingDays: DEFAULT_ESCALATION_LADDER.redWarningAfterWorkingDays,
  supervisionAfterWorkingDays: DEFAULT_ESCALATION_LADDER.supervisionAfterWorkingDays,
  supervisionOnConsecutiveOverdue: DEFAULT_ESCALATION_LADDER.supervisionOnConsecutiveOverdue,
  rectificationWorkingDays: DEFAULT_ESCALATION_LADDER.rectificationWorkingDays,
  officeOpensAt: DEFAULT_OFFICE_HOURS.start,
  officeClosesAt: DEFAULT_OFFICE_HOURS.end,
  progressLagMarginPoints: DEFAULT_PROGRESS_LAG_MARGIN_POINTS,
};

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Every reason the ladder cannot be used, by field, in the users' language; empty when it is fine. Severity must
 * grow with time (黄色 < 红色 < 挂牌督办), so each of those is checked against the one before it.
 */
export function planLadderProblems(ladder: PlanLadder): FieldErrors {
  const fields: FieldErrors = {};
  const add = (field: keyof PlanLadder, reason: string) => (fields[field] ??= []).push(reason);
  const isCount = (value: number | null) =>
    value !== null && Number.isInteger(value) && value >= 1 && value <= MAX_LADDER_WORKING_DAYS;
  const range = `须为 1–${MAX_LADDER_WORKING_DAYS} 的整数（工作日）`;

  if (ladder.reminderWorkingDaysBeforeDue !== null && !isCount(ladder.reminderWorkingDaysBeforeDue)) {
    add('reminderWorkingDaysBeforeDue', `${range}，不提前提醒请留空`);
  }
  const { yellowWarningAfterWorkingDays: yellow, redWarningAfterWorkingDays: red } = ladder;
  const supervision = ladder.supervisionAfterWorkingDays;
  if (!isCount(yellow)) {
    add('yellowWarningAfterWorkingDays', range);
  }
  if (!isCount(red)) {
    add('redWarningAfterWorkingDays', range);
  } else if (isCount(yellow) && red <= yellow) {
    add('redWarningAfterWorkingDays', `须晚于黄色预警（大于 ${yellow} 个工作日）`);
  }
  if (!isCount(supervision)) {
    add('supervisionAfterWorkingDays', range);
  } else if (isCount(red) && supervision <= red) {
    add('supervisionAfterWorkingDays', `须晚于红色预警（大于 ${red} 个工作日）`);
  }
  if (!isCount(ladder.rectificationWorkingDays)) {
    add('rectificationWorkingDays', range);
  }
  const opens = TIME.test(ladder.officeOpensAt);
  const closes = TIME.test(ladder.officeClosesAt);
  if (!opens) {
    add('officeOpensAt', '时间格式应为 HH:mm（如 09:00）');
  }
  if (!closes) {
    add('officeClosesAt', '时间格式应为 HH:mm（如 18:00）');
  } else if (opens && ladder.officeClosesAt <= ladder.officeOpensAt) {
    add('officeClosesAt', `须晚于上班时间 ${ladder.officeOpensAt}`);
  }
  const margin = ladder.progressLagMarginPoints;
  if (!(Number.isInteger(margin) && margin >= 0 && margin <= 100)) {
    add('progressLagMarginPoints', '须为 0–100 的整数（百分点）');
  }
  return fields;
}

/**
 * The policy's form of a plan's ladder (`nextEscalationStep`, the Temporal workflows' input). The progress-lag
 * margin is no part of it: `nextProgressLagStep` takes it on its own.
 */
export function escalationLadderOf(ladder: PlanLadder): EscalationLadder {
  return {
    reminderWorkingDaysBeforeDue: ladder.reminderWorkingDaysBeforeDue,
    remindOnDueDate: ladder.remindOnDueDate,
    yellowWarningAfterWorkingDays: ladder.yellowWarningAfterWorkingDays,
    redWarningAfterWorkingDays: ladder.redWarningAfterWorkingDays,
    supervisionAfterWorkingDays: ladder.supervisionAfterWorkingDays,
    supervisionOnConsecutiveOverdue: ladder.supervisionOnConsecutiveOverdue,
    rectificationWorkingDays: ladder.rectificationWorkingDays,
    officeHours: { start: ladder.officeOpensAt, end: ladder.officeClosesAt },
  };
}
