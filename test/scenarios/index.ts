import { consecutiveOverdueScenario } from './consecutive-overdue.scenario';
import { deadlineChangedScenario } from './deadline-changed.scenario';
import { ignoredSignalsScenario } from './ignored-signals.scenario';
import { interviewAfterCaseScenario } from './interview-after-case.scenario';
import { lateAfterYellowScenario } from './late-after-yellow.scenario';
import { longRunningTaskScenario } from './long-running-task.scenario';
import { onTimeScenario } from './on-time.scenario';
import { planLadderScenario } from './plan-ladder.scenario';
import { redWarningScenario } from './red-warning.scenario';
import { returnedResubmittedScenario } from './returned-resubmitted.scenario';
import type { Scenario } from './scenario';
import { supervisionCaseScenario } from './supervision-case.scenario';
import { taskCancelledScenario } from './task-cancelled.scenario';

export * from './scenario';

/** Every scenario; each engine's runner takes them all. */
export const SCENARIOS: readonly Scenario[] = [
  onTimeScenario,
  lateAfterYellowScenario,
  returnedResubmittedScenario,
  redWarningScenario,
  supervisionCaseScenario,
  interviewAfterCaseScenario,
  deadlineChangedScenario,
  taskCancelledScenario,
  consecutiveOverdueScenario,
  longRunningTaskScenario,
  ignoredSignalsScenario,
  planLadderScenario,
];
