import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.History;
type EventObject = Record<string, unknown> & { eventId: number };

export const REPLAY_TASK_QUEUE = 'escalation';
const NAMESPACE = 'default';

/** Core flags 1 and 3, lang flags 1 and 2: without core flag 1 replay does not check activity types and child ids. */
const SDK_METADATA = { coreUsedFlags: [1, 3], langUsedFlags: [1, 2] };

export interface WorkflowStart {
  readonly workflowType: string;
  readonly workflowId: string;
  readonly runId: string;
  /** The first run of a chain of continue-as-new; `runId` when this is the first. */
  readonly firstRunId?: string;
  readonly continuedFromRunId?: string;
  readonly input: unknown;
  readonly startedAt: number;
}

/**
 * Writes one workflow run's history event by event, as the server would: ids in order, times increasing, each
 * command event pointing at the workflow task that produced it. Callers decide which commands each workflow task
 * carries; `Worker.runReplayHistories` then checks them against what the workflow code does.
 */
export class HistoryBuilder {
  private readonly events: EventObject[] = [];
  private time: number;
  private firstTaskDone = false;

  constructor(readonly start: WorkflowStart) {
    this.time = start.startedAt;
    this.add('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED', 'workflowExecutionStartedEventAttributes', {
      workflowType: { name: start.workflowType },
      taskQueue: { name: REPLAY_TASK_QUEUE },
      input: payloads(start.input),
      workflowTaskTimeout: { seconds: 10 },
      originalExecutionRunId: start.runId,
      firstExecutionRunId: start.firstRunId ?? start.runId,
      ...(start.continuedFromRunId ? { continuedExecutionRunId: start.continuedFromRunId } : {}),
      attempt: 1,
      identity: 'history-builder',
    });
  }

  get now(): number {
    return this.time;
  }

  get length(): number {
    return this.events.length;
  }

  /** Moves the clock forward; events written next carry this time. */
  at(time: number): this {
    if (time < this.time) {
      throw new Error(
        `history time cannot go back: ${new Date(time).toISOString()} < ${new Date(this.time).toISOString()}`,
      );
    }
    this.time = time;
    return this;
  }

  /** Scheduled, started and completed; returns the completed event's id, which the task's commands point at. */
  workflowTask(suggestContinueAsNew = false): number {
    const scheduledEventId = this.add('EVENT_TYPE_WORKFLOW_TASK_SCHEDULED', 'workflowTaskScheduledEventAttributes', {
      taskQueue: { name: REPLAY_TASK_QUEUE },
      startToCloseTimeout: { seconds: 10 },
      attempt: 1,
    });
    const startedEventId = this.add('EVENT_TYPE_WORKFLOW_TASK_STARTED', 'workflowTaskStartedEventAttributes', {
      scheduledEventId,
      identity: 'history-builder',
      ...(suggestContinueAsNew ? { suggestContinueAsNew: true } : {}),
    });
    const completed: Record<string, unknown> = { scheduledEventId, startedEventId, identity: 'history-builder' };
    if (!this.firstTaskDone) {
      completed.sdkMetadata = SDK_METADATA;
      this.firstTaskDone = true;
    }
    return this.add('EVENT_TYPE_WORKFLOW_TASK_COMPLETED', 'workflowTaskCompletedEventAttributes', completed);
  }

  scheduleActivity(task: number, seq: number, activityType: string, input: unknown): number {
    return this.add('EVENT_TYPE_ACTIVITY_TASK_SCHEDULED', 'activityTaskScheduledEventAttributes', {
      activityId: String(seq),
      activityType: { name: activityType },
      taskQueue: { name: REPLAY_TASK_QUEUE },
      input: payloads(input),
      startToCloseTimeout: { seconds: 30 },
      workflowTaskCompletedEventId: task,
    });
  }

  completeActivity(scheduledEventId: number, result: unknown): void {
    const startedEventId = this.add('EVENT_TYPE_ACTIVITY_TASK_STARTED', 'activityTaskStartedEventAttributes', {
      scheduledEventId,
      attempt: 1,
      identity: 'history-builder',
    });
    this.add('EVENT_TYPE_ACTIVITY_TASK_COMPLETED', 'activityTaskCompletedEventAttributes', {
      scheduledEventId,
      startedEventId,
      result: payloads(result),
      identity: 'history-builder',
    });
  }

  /** The activity failed with a non-retryable application failure (a domain error, see `asActivity`). */
  failActivity(scheduledEventId: number, failure: { message: string; type: string }): void {
    const startedEventId = this.add('EVENT_TYPE_ACTIVITY_TASK_STARTED', 'activityTaskStartedEventAttributes', {
      scheduledEventId,
      attempt: 1,
      identity: 'history-builder',
    });
    this.add('EVENT_TYPE_ACTIVITY_TASK_FAILED', 'activityTaskFailedEventAttributes', {
      scheduledEventId,
      startedEventId,
      failure: {
        message: failure.message,
        source: 'TypeScriptSDK',
        applicationFailureInfo: { type: failure.type, nonRetryable: true },
      },
      retryState: 'RETRY_STATE_NON_RETRYABLE_FAILURE',
      identity: 'history-builder',
    });
  }

  startTimer(task: number, seq: number, durationMs: number): number {
    return this.add('EVENT_TYPE_TIMER_STARTED', 'timerStartedEventAttributes', {
      timerId: String(seq),
      startToFireTimeout: durationOf(durationMs),
      workflowTaskCompletedEventId: task,
    });
  }

  fireTimer(seq: number, startedEventId: number): void {
    this.add('EVENT_TYPE_TIMER_FIRED', 'timerFiredEventAttributes', { timerId: String(seq), startedEventId });
  }

  cancelTimer(task: number, seq: number, startedEventId: number): void {
    this.add('EVENT_TYPE_TIMER_CANCELED', 'timerCanceledEventAttributes', {
      timerId: String(seq),
      startedEventId,
      workflowTaskCompletedEventId: task,
      identity: 'history-builder',
    });
  }

  signal(signalName: string, input: unknown): void {
    this.add('EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED', 'workflowExecutionSignaledEventAttributes', {
      signalName,
      input: payloads(input),
      identity: 'history-builder',
    });
  }

  cancelRequested(cause: string): void {
    this.add('EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED', 'workflowExecutionCancelRequestedEventAttributes', {
      cause,
      identity: 'history-builder',
    });
  }

  initiateChild(task: number, child: { workflowId: string; workflowType: string; input: unknown }): number {
    return this.add(
      'EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED',
      'startChildWorkflowExecutionInitiatedEventAttributes',
      {
        namespace: NAMESPACE,
        workflowId: child.workflowId,
        workflowType: { name: child.workflowType },
        taskQueue: { name: REPLAY_TASK_QUEUE },
        input: payloads(child.input),
        parentClosePolicy: 'PARENT_CLOSE_POLICY_ABANDON',
        workflowIdReusePolicy: 'WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE',
        workflowTaskCompletedEventId: task,
      },
    );
  }

  childStarted(initiatedEventId: number, child: { workflowId: string; workflowType: string; runId: string }): void {
    this.add('EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED', 'childWorkflowExecutionStartedEventAttributes', {
      namespace: NAMESPACE,
      initiatedEventId,
      workflowExecution: { workflowId: child.workflowId, runId: child.runId },
      workflowType: { name: child.workflowType },
    });
  }

  complete(task: number, result: unknown): void {
    this.add('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED', 'workflowExecutionCompletedEventAttributes', {
      result: payloads(result),
      workflowTaskCompletedEventId: task,
    });
  }

  continueAsNew(task: number, input: unknown, newRunId: string): void {
    this.add('EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW', 'workflowExecutionContinuedAsNewEventAttributes', {
      newExecutionRunId: newRunId,
      workflowType: { name: this.start.workflowType },
      taskQueue: { name: REPLAY_TASK_QUEUE },
      input: payloads(input),
      workflowTaskTimeout: { seconds: 10 },
      workflowTaskCompletedEventId: task,
    });
  }

  /** Ends a run that is still going when the scenario stops: commands after the last event are not checked. */
  terminate(reason: string): void {
    this.add('EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED', 'workflowExecutionTerminatedEventAttributes', {
      reason,
      identity: 'history-builder',
    });
  }

  build(): History {
    return temporal.api.history.v1.History.fromObject({ events: this.events });
  }

  private add(eventType: string, attributesKey: string, attributes: Record<string, unknown>): number {
    const eventId = this.events.length + 1;
    this.events.push({
      eventId,
      eventTime: { seconds: Math.floor(this.time / 1000), nanos: (this.time % 1000) * 1_000_000 },
      eventType,
      [attributesKey]: attributes,
    });
    return eventId;
  }
}

/** One payload per value, `undefined` included (`binary/null`): activity results need exactly one. */
function payloads(value: unknown): { payloads: unknown[] } {
  return { payloads: [defaultPayloadConverter.toPayload(value)] };
}

function durationOf(ms: number): { seconds: number; nanos: number } {
  const whole = Math.max(1, Math.round(ms));
  return { seconds: Math.floor(whole / 1000), nanos: (whole % 1000) * 1_000_000 };
}
