import { PolicyError } from './policy-error';
import { parseTimeOfDay } from './shanghai-time';
import type { OfficeHours } from './working-calendar';

/**
 * A plan's escalation settings, in working days of the Chinese calendar. Overdue days count from the due date:
 * the first working day after it is "1 working day overdue".
 */
export interface EscalationLadder {
  /** Reminder this many working days before the due date; `null` for none. */
  readonly reminderWorkingDaysBeforeDue: number | null;
  /** Reminder on the due date (the last working day at or before it). */
  readonly remindOnDueDate: boolean;
  readonly yellowWarningAfterWorkingDays: number;
  readonly redWarningAfterWorkingDays: number;
  readonly supervisionAfterWorkingDays: number;
  /** Open a supervision case as soon as this period is overdue when the previous period was overdue too. */
  readonly supervisionOnConsecutiveOverdue: boolean;
  /** Working days a supervision case gives the unit to rectify (整改期限). */
  readonly rectificationWorkingDays: number;
  /**
   * When this plan's steps may be issued (the calendar's office hours when absent): steps are placed at `start` and
   * a rectification deadline ends at `end`. The reports' own deadlines follow the reporting rules, not this.
   */
  readonly officeHours?: OfficeHours;
}

export const DEFAULT_ESCALATION_LADDER: EscalationLadder = {
  reminderWorkingDaysBeforeDue: 2,
  remindOnDueDate: true,
  yellowWarningAfterWorkingDays: 1,
  redWarningAfterWorkingDays: 5,
  supervisionAfterWorkingDays: 10,
  supervisionOnConsecutiveOverdue: true,
  rectificationWorkingDays: 10,
};

/** The defaults overridden by a plan's settings, checked so that severity only grows with time. */
export function resolveLadder(overrides: Partial<EscalationLadder> = {}): EscalationLadder {
  const ladder = { ...DEFAULT_ESCALATION_LADDER, ...overrides };
  const { yellowWarningAfterWorkingDays: yellow, redWarningAfterWorkingDays: red } = ladder;
  const supervision = ladder.supervisionAfterWorkingDays;
  const counts: Array<[string, number | null]> = [
    ['reminderWorkingDaysBeforeDue', ladder.reminderWorkingDaysBeforeDue],
    ['yellowWarningAfterWorkingDays', yellow],
    ['redWarningAfterWorkingDays', red],
    ['supervisionAfterWorkingDays', supervision],
    ['rectificationWorkingDays', ladder.rectificationWorkingDays],
  ];
  for (const [field, value] of counts) {
    if (value !== null && (!Number.isInteger(value) || value < 1 || value > 250)) {
      throw new PolicyError('INVALID_LADDER', `${field} 须为 1–250 的整数 / must be an integer in 1–250: ${value}`);
    }
  }
  if (ladder.officeHours) {
    const { start, end } = ladder.officeHours;
    if (parseTimeOfDay(start) >= parseTimeOfDay(end)) {
      throw new PolicyError(
        'INVALID_OFFICE_HOURS',
        `办公时间须早于下班时间 / office hours must start before they end: ${start}–${end}`,
      );
    }
  }
  if (!(yellow < red && red < supervision)) {
    throw new PolicyError(
      'INVALID_LADDER',
      `须满足 黄色预警 < 红色预警 < 挂牌督办 / yellow < red < supervision required: ${yellow}, ${red}, ${supervision}`,
    );
  }
  return ladder;
}
