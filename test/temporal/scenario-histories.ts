import type { temporal } from '@temporalio/proto';
import {
  loadCalendarData,
  monthlyCycleWorkflowId,
  obligationWorkflowId,
  supervisionCaseWorkflowId,
  interviewWorkflowId,
  type CalendarData,
  type MonthlyCycleInput,
  type OpenedObligation,
  type ReportingObligationInput,
  type SupervisionCaseWorkflowInput,
  type InterviewWorkflowInput,
} from '@app/workflows';
import {
  instantOf,
  localTimeOf,
  type ExpectedStep,
  type Scenario,
  type ScenarioEvent,
  type ScenarioObligation,
} from '../scenarios';
import { HistoryBuilder, type WorkflowStart } from './history-builder';

/*
 * Turns a scenario into the histories a Temporal server would have recorded for it: one per workflow run (monthly
 * cycles, obligations, supervision cases, interviews). Each workflow's protocol is written down here independently
 * of the workflow code, from the scenario's expected steps: which commands a workflow task carries, which timer is
 * pending, what a signal changes. Replay then fails when the code does something else, and the recorder checks
 * what replay does not compare (arguments, timer durations, results).
 */

/** One second between a command and its completion, as a fast worker would show. */
const HOP_MS = 1_000;
const DEFAULT_CYCLE_PAGE_SIZE = 200;

export type TimerFate =
  | { readonly fate: 'fired'; readonly at: number }
  | { readonly fate: 'cancelled'; readonly at: number }
  | { readonly fate: 'pending'; readonly until: number };

export interface BuiltRun {
  /** Unique across every scenario replayed together: the replay's workflow id, under which the recorder files calls. */
  readonly replayId: string;
  readonly workflowId: string;
  readonly runId: string;
  readonly workflowType: string;
  readonly input: unknown;
  readonly history: temporal.api.history.v1.History;
  readonly events: number;
  /** Timer seq → what happened to it in this history. */
  readonly timers: ReadonlyMap<number, TimerFate>;
  /** The run's end: its result, continue-as-new, or still running when the scenario stops (with the modelled state). */
  readonly end:
    | { readonly type: 'completed'; readonly result: unknown }
    | { readonly type: 'continuedAsNew'; readonly nextInput: unknown }
    | { readonly type: 'terminated'; readonly state: string };
  /** The subject the run belongs to: an obligation id, a case label, an interview label, a period. */
  readonly subject: string;
}

export interface ScenarioHistories {
  readonly scenario: Scenario;
  readonly calendar: CalendarData;
  readonly runs: readonly BuiltRun[];
}

type TimedEvent = ScenarioEvent & { readonly instant: number };

interface ChildStart {
  readonly startedAt: number;
  readonly input: unknown;
}

export function buildScenarioHistories(scenario: Scenario, replayPrefix = scenario.name): ScenarioHistories {
  const calendar = loadCalendarData(scenario.calendar).data;
  const context = new ScenarioContext(scenario, calendar, replayPrefix);
  const runs: BuiltRun[] = [];
  const obligationStarts = new Map<string, ChildStart>();
  for (const group of cycleGroups(scenario)) {
    runs.push(...buildCycle(context, group, obligationStarts));
  }
  const caseStarts = new Map<string, ChildStart & { obligation: string }>();
  for (const obligation of scenario.obligations) {
    const start = obligationStarts.get(obligation.id);
    if (!start) {
      throw new Error(`obligation ${obligation.id} was not opened by any cycle`);
    }
    runs.push(new ObligationModel(context, obligation, start, caseStarts).build());
  }
  const interviewStarts = new Map<string, ChildStart & { caseLabel: string }>();
  for (const [label, start] of caseStarts) {
    runs.push(new CaseModel(context, label, start, interviewStarts).build());
  }
  for (const [label, start] of interviewStarts) {
    runs.push(new InterviewModel(context, label, start).build());
  }
  return { scenario, calendar, runs };
}

class ScenarioContext {
  readonly until: number;
  private readonly events: TimedEvent[];

  constructor(
    readonly scenario: Scenario,
    readonly calendar: CalendarData,
    readonly replayPrefix: string,
  ) {
    this.until = instantOf(scenario.until);
    this.events = scenario.events
      .map((event) => ({ ...event, instant: instantOf(event.at) }))
      .sort((a, b) => a.instant - b.instant);
  }

  /** The expected steps of one subject, in time order. */
  stepsOf(subject: string): ExpectedStep[] {
    return this.scenario.expected.steps
      .filter((step) => step.subject === subject)
      .sort((a, b) => instantOf(a.at) - instantOf(b.at));
  }

  eventsWhere(predicate: (event: TimedEvent) => boolean): TimedEvent[] {
    return this.events.filter(predicate);
  }

  /**
   * What the cycle passes: the previous period is not known to be overdue at opening (its due date comes later);
   * the workflow asks `checkPreviousPeriod` once its own due date has passed, and gets the scenario's answer.
   */
  obligationInput(obligation: ScenarioObligation): ReportingObligationInput {
    return {
      obligation: {
        id: obligation.id,
        unitId: obligation.unitId,
        taskId: obligation.taskId,
        period: obligation.period,
        dueAt: instantOf(obligation.dueAt),
        openedAt: instantOf(obligation.openedAt),
      },
      previousPeriodOverdue: false,
      ...(this.scenario.ladder ? { ladder: this.scenario.ladder } : {}),
    };
  }

  opened(obligation: ScenarioObligation): OpenedObligation {
    const { obligation: base, previousPeriodOverdue } = this.obligationInput(obligation);
    return { ...base, previousPeriodOverdue, ...(this.scenario.ladder ? { ladder: this.scenario.ladder } : {}) };
  }
}

interface CycleGroup {
  readonly period: string;
  readonly openedAt: number;
  readonly obligations: readonly ScenarioObligation[];
}

function cycleGroups(scenario: Scenario): CycleGroup[] {
  const groups = new Map<string, CycleGroup>();
  for (const obligation of scenario.obligations) {
    const key = `${obligation.period}@${obligation.openedAt}`;
    const group = groups.get(key) ?? {
      period: obligation.period,
      openedAt: instantOf(obligation.openedAt),
      obligations: [],
    };
    groups.set(key, { ...group, obligations: [...group.obligations, obligation] });
  }
  return [...groups.values()].sort((a, b) => a.openedAt - b.openedAt);
}

/** The monthly cycle: one run per page; the page's children start together, then the run continues as new. */
function buildCycle(context: ScenarioContext, group: CycleGroup, starts: Map<string, ChildStart>): BuiltRun[] {
  const pageSize = context.scenario.cyclePageSize;
  const size = pageSize ?? DEFAULT_CYCLE_PAGE_SIZE;
  const pages: ScenarioObligation[][] = [];
  for (let index = 0; index < group.obligations.length; index += size) {
    pages.push(group.obligations.slice(index, index + size));
  }
  const workflowId = monthlyCycleWorkflowId(group.period);
  const runIds = pages.map((_, index) => `${workflowId}#run${index + 1}`);
  const runs: BuiltRun[] = [];
  let input: MonthlyCycleInput = pageSize !== undefined ? { pageSize } : {};
  let time = group.openedAt;
  let opened = 0;
  pages.forEach((page, index) => {
    const h = new HistoryBuilder({
      workflowType: 'monthlyCycleWorkflow',
      workflowId,
      runId: runIds[index],
      firstRunId: runIds[0],
      continuedFromRunId: index > 0 ? runIds[index - 1] : undefined,
      input,
      startedAt: time,
    });
    let task = h.workflowTask();
    const cursor = index === 0 ? null : String(index * size);
    const nextCursor = index + 1 < pages.length ? String((index + 1) * size) : null;
    const activity = h.scheduleActivity(task, 1, 'openPeriodObligations', {
      period: group.period,
      cursor,
      limit: size,
    });
    h.at(h.now + HOP_MS).completeActivity(activity, {
      obligations: page.map((obligation) => context.opened(obligation)),
      nextCursor,
    });
    task = h.workflowTask();
    const initiated = page.map((obligation) =>
      h.initiateChild(task, {
        workflowId: obligationWorkflowId(obligation.id),
        workflowType: 'reportingObligationWorkflow',
        input: context.obligationInput(obligation),
      }),
    );
    h.at(h.now + HOP_MS);
    page.forEach((obligation, position) => {
      h.childStarted(initiated[position], {
        workflowId: obligationWorkflowId(obligation.id),
        workflowType: 'reportingObligationWorkflow',
        runId: `${obligationWorkflowId(obligation.id)}#run1`,
      });
      starts.set(obligation.id, { startedAt: h.now, input: context.obligationInput(obligation) });
    });
    task = h.workflowTask();
    opened += page.length;
    let end: BuiltRun['end'];
    if (nextCursor !== null) {
      const nextInput: MonthlyCycleInput = {
        period: group.period,
        cursor: nextCursor,
        pageSize: size,
        opened,
        alreadyStarted: 0,
        runs: index + 1,
      };
      h.continueAsNew(task, nextInput, runIds[index + 1]);
      end = { type: 'continuedAsNew', nextInput };
      runs.push(finish(context, h, input, end, group.period, new Map()));
      input = nextInput;
      time = h.now;
    } else {
      const result = { period: group.period, opened, alreadyStarted: 0, runs: index + 1 };
      h.complete(task, result);
      end = { type: 'completed', result };
      runs.push(finish(context, h, input, end, group.period, new Map()));
    }
  });
  return runs;
}

function finish(
  context: ScenarioContext,
  h: HistoryBuilder,
  input: unknown,
  end: BuiltRun['end'],
  subject: string,
  timers: ReadonlyMap<number, TimerFate>,
): BuiltRun {
  return {
    replayId: `${context.replayPrefix}/${h.start.runId}`,
    workflowId: h.start.workflowId,
    runId: h.start.runId,
    workflowType: h.start.workflowType,
    input,
    history: h.build(),
    events: h.length,
    timers,
    end,
    subject,
  };
}

/** What one workflow task's commands leave the run waiting for. */
type Wait =
  | { readonly type: 'activity'; readonly scheduled: number; readonly result: unknown }
  | {
      readonly type: 'child';
      readonly initiated: number;
      readonly workflowId: string;
      readonly workflowType: string;
      readonly onStarted: (startedAt: number) => void;
    }
  | { readonly type: 'idle' }
  | { readonly type: 'closed' };

/** A command of a multi-command step, issued one workflow task after another. */
type StepCommand =
  | { readonly type: 'activity'; readonly activityType: string; readonly input: unknown; readonly result: unknown }
  | {
      readonly type: 'child';
      readonly workflowType: string;
      readonly workflowId: string;
      readonly input: unknown;
      readonly onStarted: (startedAt: number) => void;
    };

/**
 * The shared mechanics of a single-run workflow that waits on signals and timers: delivers the scenario's events
 * at their instants (before a timer due at the same instant), fires the pending timer, completes each command one
 * hop later, and terminates the run at the scenario's end.
 */
abstract class SignalledWorkflowModel {
  protected readonly h: HistoryBuilder;
  private timer: { seq: number; startedEventId: number; target: number | null } | null = null;
  private timerSeq = 0;
  private activitySeq = 0;
  private readonly timers = new Map<number, TimerFate>();
  private program: StepCommand[] = [];
  private end: BuiltRun['end'] | null = null;

  protected constructor(
    protected readonly context: ScenarioContext,
    start: WorkflowStart,
    private readonly subject: string,
    private readonly inbox: TimedEvent[],
  ) {
    this.h = new HistoryBuilder(start);
  }

  build(): BuiltRun {
    let wait = this.activate(this.h.workflowTask(), false);
    while (this.end === null) {
      if (wait.type === 'activity') {
        this.h.at(this.h.now + HOP_MS).completeActivity(wait.scheduled, wait.result);
        wait = this.activate(this.h.workflowTask(), false);
      } else if (wait.type === 'child') {
        this.h.at(this.h.now + HOP_MS).childStarted(wait.initiated, {
          workflowId: wait.workflowId,
          workflowType: wait.workflowType,
          runId: `${wait.workflowId}#run1`,
        });
        wait.onStarted(this.h.now);
        wait = this.activate(this.h.workflowTask(), false);
      } else if (wait.type === 'idle') {
        wait = this.nextExternal();
      } else {
        break;
      }
    }
    return finish(
      this.context,
      this.h,
      this.h.start.input,
      this.end ?? { type: 'terminated', state: '?' },
      this.subject,
      this.timers,
    );
  }

  /** Applies a signal or cancellation to the modelled state; `true` when the workflow's wait condition changes. */
  protected abstract apply(event: TimedEvent, now: number): { readonly changed: boolean };

  /** The run's decision in a workflow task once the jobs are applied: start a step, wait, or finish. */
  protected abstract decide(now: number): Decision;

  protected abstract stateLabel(): string;

  private nextExternal(): Wait {
    const event = this.inbox[0];
    const timerAt = this.timer?.target ?? null;
    const eventFirst = event !== undefined && (timerAt === null || event.instant <= timerAt);
    if (eventFirst && event.instant <= this.context.until) {
      this.inbox.shift();
      if (event.instant < this.h.start.startedAt) {
        throw new Error(`${event.type} at ${event.at} comes before ${this.h.start.workflowId} starts`);
      }
      this.h.at(Math.max(event.instant, this.h.now));
      const { changed } = this.deliver(event);
      const task = this.h.workflowTask();
      // A signal that changes nothing leaves the workflow blocked where it was: no commands in this task.
      return changed ? this.activate(task, true) : { type: 'idle' };
    }
    if (this.timer !== null && timerAt !== null && timerAt <= this.context.until) {
      this.h.at(Math.max(timerAt, this.h.now)).fireTimer(this.timer.seq, this.timer.startedEventId);
      this.timers.set(this.timer.seq, { fate: 'fired', at: this.h.now });
      this.timer = null;
      return this.activate(this.h.workflowTask(), false);
    }
    if (this.timer !== null) {
      this.timers.set(this.timer.seq, { fate: 'pending', until: this.context.until });
    }
    this.h.at(Math.max(this.context.until, this.h.now)).terminate('scenario ended');
    this.end = { type: 'terminated', state: this.stateLabel() };
    return { type: 'closed' };
  }

  private deliver(event: TimedEvent): { changed: boolean } {
    const signal = signalOf(event);
    if (signal === 'cancel') {
      this.h.cancelRequested('task cancelled');
    } else {
      this.h.signal(signal.name, signal.input);
    }
    return this.apply(event, this.h.now);
  }

  private activate(task: number, changed: boolean): Wait {
    if (changed && this.timer !== null) {
      this.h.cancelTimer(task, this.timer.seq, this.timer.startedEventId);
      this.timers.set(this.timer.seq, { fate: 'cancelled', at: this.h.now });
      this.timer = null;
    }
    if (this.program.length === 0) {
      const decision = this.decide(this.h.now);
      switch (decision.type) {
        case 'complete':
          if (this.timer !== null) {
            this.h.cancelTimer(task, this.timer.seq, this.timer.startedEventId);
            this.timers.set(this.timer.seq, { fate: 'cancelled', at: this.h.now });
            this.timer = null;
          }
          this.h.complete(task, decision.result);
          this.end = { type: 'completed', result: decision.result };
          return { type: 'closed' };
        case 'step':
          this.program = [...decision.commands];
          break;
        case 'wait':
          if (this.timer === null) {
            const seq = ++this.timerSeq;
            const duration = decision.target === null ? 86_400_000 : decision.target - this.h.now;
            this.timer = { seq, startedEventId: this.h.startTimer(task, seq, duration), target: decision.target };
          }
          return { type: 'idle' };
        case 'idle':
          return { type: 'idle' };
      }
    }
    const command = this.program.shift();
    if (command === undefined) {
      throw new Error('empty step program');
    }
    if (command.type === 'activity') {
      const scheduled = this.h.scheduleActivity(task, ++this.activitySeq, command.activityType, command.input);
      return { type: 'activity', scheduled, result: command.result };
    }
    const initiated = this.h.initiateChild(task, command);
    return {
      type: 'child',
      initiated,
      workflowId: command.workflowId,
      workflowType: command.workflowType,
      onStarted: command.onStarted,
    };
  }

  /** Schedules `loadCalendar` as the first command, as every signalled workflow does without a calendar input. */
  protected loadCalendarFirst(): StepCommand[] {
    return [{ type: 'activity', activityType: 'loadCalendar', input: {}, result: this.context.calendar }];
  }

  protected startWith(commands: StepCommand[]): void {
    this.program = commands;
  }
}

type Decision =
  | { readonly type: 'complete'; readonly result: unknown }
  | { readonly type: 'step'; readonly commands: readonly StepCommand[] }
  /** Wait for a change or for `target` (the next expected step; `null` when none is expected before the end). */
  | { readonly type: 'wait'; readonly target: number | null }
  | { readonly type: 'idle' };

function signalOf(event: TimedEvent): 'cancel' | { name: string; input: unknown } {
  switch (event.type) {
    case 'submitted':
      return { name: 'submitted', input: { submissionId: event.submissionId } };
    case 'returned':
      return { name: 'returned', input: { submissionId: event.submissionId, newDueAt: instantOf(event.newDueAt) } };
    case 'accepted':
      return { name: 'accepted', input: { submissionId: event.submissionId } };
    case 'waived':
      return { name: 'waived', input: { reason: event.reason } };
    case 'deadlineChanged':
      return { name: 'deadlineChanged', input: { dueAt: instantOf(event.dueAt) } };
    case 'taskCancelled':
      return 'cancel';
    case 'caseClosureRequested':
      return { name: 'caseClosureRequested', input: { requestId: event.requestId } };
    case 'caseVerified':
      return { name: 'caseVerified', input: { approved: event.approved } };
    case 'interviewScheduled':
      return { name: 'interviewScheduled', input: { startsAt: instantOf(event.startsAt), place: event.place } };
    case 'interviewHeld':
      return { name: 'interviewHeld', input: {} };
  }
}

type ObligationModelStatus = 'open' | 'submitted' | 'returned' | 'accepted' | 'waived' | 'cancelled';

/**
 * `reportingObligationWorkflow`: loads the calendar, then per step `recordStep` (or `openCase` and the case's child
 * workflow), which writes the step's notices too; asks `checkPreviousPeriod` once, at its first decision past the due date while
 * waiting; waits on a timer while the ladder has a step ahead, without one while the report is submitted or the
 * round's case is open. Signals follow the handlers' rules (a duplicate changes nothing).
 */
class ObligationModel extends SignalledWorkflowModel {
  private status: ObligationModelStatus = 'open';
  private round = 0;
  private dueAt: number;
  private caseInRound = false;
  private previousPeriodChecked: boolean;
  private readonly steps: ExpectedStep[];
  private readonly issued: ExpectedStep[] = [];
  private readonly caseIds: string[] = [];

  constructor(
    context: ScenarioContext,
    private readonly obligation: ScenarioObligation,
    start: ChildStart,
    private readonly caseStarts: Map<string, ChildStart & { obligation: string }>,
  ) {
    super(
      context,
      {
        workflowType: 'reportingObligationWorkflow',
        workflowId: obligationWorkflowId(obligation.id),
        runId: `${obligationWorkflowId(obligation.id)}#run1`,
        input: start.input,
        startedAt: start.startedAt,
      },
      obligation.id,
      context.eventsWhere(
        (event) =>
          ('obligation' in event && event.obligation === obligation.id) ||
          (event.type === 'taskCancelled' && event.task === obligation.taskId),
      ),
    );
    this.dueAt = instantOf(obligation.dueAt);
    this.previousPeriodChecked = context.scenario.ladder?.supervisionOnConsecutiveOverdue === false;
    this.steps = context.stepsOf(obligation.id);
    this.startWith(this.loadCalendarFirst());
  }

  protected apply(event: TimedEvent, now: number): { changed: boolean } {
    const waiting = this.status === 'open' || this.status === 'returned';
    const live = waiting || this.status === 'submitted';
    const to = (status: ObligationModelStatus): { changed: boolean } => {
      this.status = status;
      return { changed: true };
    };
    switch (event.type) {
      case 'submitted':
        return waiting ? to('submitted') : { changed: false };
      case 'returned': {
        const newDueAt = instantOf(event.newDueAt);
        if (this.status !== 'submitted' || newDueAt <= now) {
          return { changed: false };
        }
        Object.assign(this, { round: this.round + 1, dueAt: newDueAt, caseInRound: false });
        return to('returned');
      }
      case 'accepted':
        return this.status === 'submitted' ? to('accepted') : { changed: false };
      case 'waived':
        return live ? to('waived') : { changed: false };
      case 'deadlineChanged': {
        const dueAt = instantOf(event.dueAt);
        if (!live || dueAt <= now || dueAt === this.dueAt) {
          return { changed: false };
        }
        this.dueAt = dueAt;
        return { changed: true };
      }
      case 'taskCancelled':
        return live ? to('cancelled') : { changed: false };
      case 'caseClosureRequested':
      case 'caseVerified':
      case 'interviewScheduled':
      case 'interviewHeld':
        throw new Error(`event ${event.type} does not address an obligation`);
    }
  }

  protected decide(now: number): Decision {
    if (this.status === 'accepted' || this.status === 'waived' || this.status === 'cancelled') {
      return {
        type: 'complete',
        result: {
          obligationId: this.obligation.id,
          status: this.status,
          round: this.round,
          dueAt: this.dueAt,
          steps: this.issued.map((step) => ({ kind: step.kind, at: instantOf(step.at), round: step.round ?? 0 })),
          supervisionCaseIds: this.caseIds,
        },
      };
    }
    const waiting = this.status === 'open' || this.status === 'returned';
    if (!this.previousPeriodChecked && waiting && now > this.dueAt) {
      this.previousPeriodChecked = true;
      return {
        type: 'step',
        commands: [
          {
            type: 'activity',
            activityType: 'checkPreviousPeriod',
            input: {},
            result: { overdue: this.obligation.previousPeriodOverdue },
          },
        ],
      };
    }
    if (this.status === 'submitted' || this.caseInRound) {
      return { type: 'idle' };
    }
    const next = this.steps[this.issued.length];
    if (next !== undefined && instantOf(next.at) <= now) {
      return { type: 'step', commands: this.stepCommands(next, now) };
    }
    return { type: 'wait', target: next === undefined ? null : instantOf(next.at) };
  }

  protected stateLabel(): string {
    return this.status;
  }

  /** `now`: the deciding task's time, which the workflow passes on (a second after the step's minute at most). */
  private stepCommands(step: ExpectedStep, now: number): StepCommand[] {
    this.issued.push(step);
    if (step.kind !== 'supervision_case') {
      return [{ type: 'activity', activityType: 'recordStep', input: {}, result: undefined }];
    }
    const label = step.opens;
    if (label === undefined || step.rectificationDeadline === undefined) {
      throw new Error(`supervision_case step of ${this.obligation.id} needs "opens" and "rectificationDeadline"`);
    }
    this.caseInRound = true;
    this.caseIds.push(label);
    const input: SupervisionCaseWorkflowInput = {
      caseId: label,
      unitId: this.obligation.unitId,
      obligationId: this.obligation.id,
      openedAt: now,
      rectificationDeadline: instantOf(step.rectificationDeadline),
    };
    return [
      { type: 'activity', activityType: 'openCase', input: {}, result: { caseId: label } },
      {
        type: 'child',
        workflowType: 'supervisionCaseWorkflow',
        workflowId: supervisionCaseWorkflowId(label),
        input,
        onStarted: (startedAt) => this.caseStarts.set(label, { startedAt, input, obligation: this.obligation.id }),
      },
    ];
  }
}

type CaseModelStatus = 'open' | 'closure_requested' | 'closed';

/**
 * `supervisionCaseWorkflow`: loads the calendar, waits on a timer for the interview; a closure request changes
 * nothing the clock waits on, a verification closes the case; the interview is `scheduleInterview` (with the
 * summons' notices) and the interview's child workflow, after which only the verification is awaited.
 */
class CaseModel extends SignalledWorkflowModel {
  private status: CaseModelStatus = 'open';
  private readonly steps: ExpectedStep[];
  private readonly issued: ExpectedStep[] = [];
  private readonly interviewIds: string[] = [];

  constructor(
    context: ScenarioContext,
    private readonly label: string,
    private readonly start: ChildStart & { obligation: string },
    private readonly interviewStarts: Map<string, ChildStart & { caseLabel: string }>,
  ) {
    super(
      context,
      {
        workflowType: 'supervisionCaseWorkflow',
        workflowId: supervisionCaseWorkflowId(label),
        runId: `${supervisionCaseWorkflowId(label)}#run1`,
        input: start.input,
        startedAt: start.startedAt,
      },
      label,
      context.eventsWhere((event) => 'case' in event && event.case === label),
    );
    this.steps = context.stepsOf(label);
    this.startWith(this.loadCalendarFirst());
  }

  protected apply(event: TimedEvent): { changed: boolean } {
    if (event.type === 'caseClosureRequested') {
      // The clock does not wait on a closure request: nothing changes for the workflow's loop.
      if (this.status === 'open') {
        this.status = 'closure_requested';
      }
      return { changed: false };
    }
    if (event.type === 'caseVerified') {
      if (this.status === 'closed') {
        return { changed: false };
      }
      this.status = event.approved ? 'closed' : 'open';
      return { changed: event.approved };
    }
    throw new Error(`event ${event.type} does not address a case`);
  }

  protected decide(now: number): Decision {
    if (this.status === 'closed') {
      const input = this.start.input as SupervisionCaseWorkflowInput;
      return {
        type: 'complete',
        result: {
          caseId: this.label,
          status: 'closed',
          rectificationDeadline: input.rectificationDeadline,
          steps: this.issued.map((step) => ({ kind: step.kind, at: instantOf(step.at), round: 0 })),
          interviewIds: this.interviewIds,
        },
      };
    }
    if (this.issued.length > 0) {
      return { type: 'idle' };
    }
    const next = this.steps[0];
    if (next !== undefined && instantOf(next.at) <= now) {
      return { type: 'step', commands: this.interviewCommands(next) };
    }
    return { type: 'wait', target: next === undefined ? null : instantOf(next.at) };
  }

  protected stateLabel(): string {
    return this.status;
  }

  private interviewCommands(step: ExpectedStep): StepCommand[] {
    const interviewLabel = step.opens;
    if (step.kind !== 'interview' || interviewLabel === undefined) {
      throw new Error(`case ${this.label} expects an "interview" step that "opens" an interview label`);
    }
    this.issued.push(step);
    this.interviewIds.push(interviewLabel);
    const input: InterviewWorkflowInput = {
      interviewId: interviewLabel,
      caseId: this.label,
      unitId: (this.start.input as SupervisionCaseWorkflowInput).unitId,
    };
    return [
      { type: 'activity', activityType: 'scheduleInterview', input: {}, result: { interviewId: interviewLabel } },
      {
        type: 'child',
        workflowType: 'interviewWorkflow',
        workflowId: interviewWorkflowId(interviewLabel),
        input,
        onStarted: (startedAt) => this.interviewStarts.set(interviewLabel, { startedAt, input, caseLabel: this.label }),
      },
    ];
  }
}

type InterviewModelStatus = 'awaiting_schedule' | 'scheduled' | 'held';

/**
 * `interviewWorkflow`: loads the calendar and waits for the appointment; each appointment sends an invitation
 * (`sendNotices`) and, when the working day before is still ahead, waits on a timer for the reminder.
 */
class InterviewModel extends SignalledWorkflowModel {
  private status: InterviewModelStatus = 'awaiting_schedule';
  private version = 0;
  private invited = 0;
  private readonly steps: ExpectedStep[];
  private issuedCount = 0;

  constructor(
    context: ScenarioContext,
    private readonly label: string,
    start: ChildStart,
  ) {
    super(
      context,
      {
        workflowType: 'interviewWorkflow',
        workflowId: interviewWorkflowId(label),
        runId: `${interviewWorkflowId(label)}#run1`,
        input: start.input,
        startedAt: start.startedAt,
      },
      label,
      context.eventsWhere((event) => 'interview' in event && event.interview === label),
    );
    this.steps = context.stepsOf(label);
    this.startWith(this.loadCalendarFirst());
  }

  protected apply(event: TimedEvent, now: number): { changed: boolean } {
    if (event.type === 'interviewScheduled') {
      if (this.status === 'held' || instantOf(event.startsAt) <= now) {
        return { changed: false };
      }
      this.status = 'scheduled';
      this.version++;
      return { changed: true };
    }
    if (event.type === 'interviewHeld') {
      if (this.status !== 'scheduled') {
        return { changed: false };
      }
      this.status = 'held';
      return { changed: true };
    }
    throw new Error(`event ${event.type} does not address an interview`);
  }

  protected decide(now: number): Decision {
    if (this.status === 'held') {
      return { type: 'complete', result: { interviewId: this.label, status: 'held', version: this.version } };
    }
    if (this.status === 'awaiting_schedule') {
      return { type: 'idle' };
    }
    const next = this.steps[this.issuedCount];
    if (this.invited < this.version) {
      if (next?.kind !== 'interview_invite') {
        throw new Error(`interview ${this.label}: appointment v${this.version} needs an expected interview_invite`);
      }
      this.invited = this.version;
      return { type: 'step', commands: [this.notice(next)] };
    }
    if (next?.kind === 'interview_reminder') {
      return instantOf(next.at) <= now
        ? { type: 'step', commands: [this.notice(next)] }
        : { type: 'wait', target: instantOf(next.at) };
    }
    return { type: 'idle' };
  }

  protected stateLabel(): string {
    return this.status;
  }

  private notice(step: ExpectedStep): StepCommand {
    this.issuedCount++;
    return { type: 'activity', activityType: 'sendNotices', input: {}, result: { delivered: step.recipients.length } };
  }
}

/** For messages: a run's place in the scenario. */
export function describeRun(run: BuiltRun): string {
  return `${run.workflowType} ${run.workflowId} (${run.runId})`;
}

export { localTimeOf };
