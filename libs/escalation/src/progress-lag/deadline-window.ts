import type { TaskDeadlineKind } from '@app/plans';
import { DAY_MS, type Instant } from '@app/workflows';

export interface WindowDeadline {
  readonly kind: TaskDeadlineKind;
  /** YYYY-MM-DD in Asia/Shanghai, or null when the phrase has none. */
  readonly date: string | null;
}

export interface DeadlineWindow {
  readonly start: Instant;
  /** The end of the last day the task must be complete by. */
  readonly end: Instant;
}

/**
 * The window a task's progress is measured against: from its `from` date (2026年起), else the plan's publication,
 * to the end of its last once-deadline (the final milestone: a % complete is the whole task's). A task without a
 * once-deadline (ongoing, recurring) has no window and is never checked; nor is one whose window is empty.
 */
export function deadlineWindowOf(
  deadlines: readonly WindowDeadline[],
  publishedAt: Date | null,
): DeadlineWindow | null {
  const dated = (kind: TaskDeadlineKind) =>
    deadlines
      .filter((d): d is WindowDeadline & { date: string } => d.kind === kind && d.date !== null)
      .map((d) => startOfLocalDay(d.date))
      .sort((a, b) => a - b);
  const ends = dated('once');
  const froms = dated('from');
  if (ends.length === 0) {
    return null;
  }
  const start = froms.length > 0 ? froms[froms.length - 1] : publishedAt?.getTime();
  const end = ends[ends.length - 1] + DAY_MS;
  return start !== undefined && end > start ? { start, end } : null;
}

function startOfLocalDay(date: string): Instant {
  return Date.parse(`${date}T00:00:00+08:00`);
}
