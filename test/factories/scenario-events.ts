import { instantOf, type ExpectedObligationStatus, type Scenario, type ScenarioEvent } from '../scenarios';
import type { ScenarioApi } from './scenario-api';
import type { ScenarioWorld } from './scenario-world';

type CaseState = 'open' | 'acknowledged' | 'closure_requested' | 'closed';

/**
 * What the runner expects the product to say to each event: the state people see, kept from the answers. An event
 * the rules say no longer applies must be refused (4xx) and change nothing; one that applies must succeed.
 */
export class ScenarioModel {
  readonly obligations = new Map<
    string,
    { status: ExpectedObligationStatus; round: number; submission: string | null; dueAt: number }
  >();
  readonly cases = new Map<string, { id: number; status: CaseState }>();
  readonly interviews = new Map<string, { id: number; status: 'scheduled' | 'held' }>();
  readonly cancelledTasks = new Set<string>();

  constructor(private readonly scenario: Scenario) {}

  obligationsOf(taskId: string): string[] {
    return this.scenario.obligations.filter((o) => o.taskId === taskId).map((o) => o.id);
  }

  unitOf(obligationId: string): string | undefined {
    return this.scenario.obligations.find((o) => o.id === obligationId)?.unitId;
  }

  opened(obligationId: string): void {
    const obligation = this.scenario.obligations.find((o) => o.id === obligationId);
    if (obligation) {
      this.obligations.set(obligationId, {
        status: 'open',
        round: 0,
        submission: null,
        dueAt: instantOf(obligation.dueAt),
      });
    }
  }
}

const PROGRESS = { kind: 'progress', progressText: '按计划推进，本月完成阶段性工作。', percentComplete: 50 };

/**
 * Applies one event through the API as the person who would do it: the unit's liaison reports, acknowledges and
 * asks for closure; the office reviews, waives, moves deadlines and cancels tasks; the supervisor verifies and
 * arranges interviews. Returns what did not go as the rules say (empty when all is well).
 */
export async function applyEvent(
  api: ScenarioApi,
  world: ScenarioWorld,
  model: ScenarioModel,
  event: ScenarioEvent,
  now: number,
): Promise<string[]> {
  const problems: string[] = [];
  const expect = async (label: string, applies: boolean, call: () => ReturnType<ScenarioApi['call']>) => {
    const response = await call();
    const ok = response.status >= 200 && response.status < 300;
    if (ok !== applies || (!ok && response.status >= 500)) {
      problems.push(
        `${event.at} ${label}: ${applies ? 'should apply' : 'should be refused (4xx)'}, got ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    return ok;
  };
  const where = (scenarioId: string) => {
    const id = world.obligations.get(scenarioId);
    const state = model.obligations.get(scenarioId);
    if (id === undefined || !state) {
      throw new Error(`${event.at} ${event.type}: obligation ${scenarioId} is not open yet`);
    }
    return { id, state, reporter: reporterOf(world, model, scenarioId) };
  };
  switch (event.type) {
    case 'submitted': {
      const { id, state, reporter } = where(event.obligation);
      const duplicate = state.status === 'submitted' && state.submission === event.submissionId;
      const applies = state.status === 'open' || state.status === 'returned';
      const key = `${event.obligation}:${event.submissionId}`;
      if (
        await expect(`submit ${event.submissionId}`, applies || duplicate, () =>
          api.call(reporter, 'post', `/obligations/${id}/submissions`, PROGRESS, { 'Idempotency-Key': key }),
        )
      ) {
        Object.assign(state, { status: 'submitted', submission: event.submissionId });
      }
      break;
    }
    case 'returned':
    case 'accepted': {
      const { id, state } = where(event.obligation);
      if (state.status === 'submitted' && state.submission !== event.submissionId) {
        // The API reviews the report under review; a decision on an older submission cannot be expressed.
        problems.push(`${event.at} ${event.type} of ${event.submissionId}: not the report under review`);
        break;
      }
      const newDueAt = event.type === 'returned' ? instantOf(event.newDueAt) : undefined;
      const applies = state.status === 'submitted' && (newDueAt === undefined || newDueAt > now);
      const body =
        newDueAt === undefined
          ? { rating: 4 }
          : { comment: '请补充具体进展和数据。', dueAt: new Date(newDueAt).toISOString() };
      const path = `/obligations/${id}/${event.type === 'returned' ? 'return' : 'accept'}`;
      if (await expect(`${event.type} ${event.submissionId}`, applies, () => api.call('office', 'post', path, body))) {
        Object.assign(
          state,
          newDueAt === undefined
            ? { status: 'accepted' }
            : { status: 'returned', round: state.round + 1, submission: null, dueAt: newDueAt },
        );
      }
      break;
    }
    case 'waived': {
      const { id, state } = where(event.obligation);
      const applies = ['open', 'returned', 'submitted'].includes(state.status);
      if (
        await expect('waive', applies, () =>
          api.call('office', 'post', `/obligations/${id}/waive`, { comment: event.reason }),
        )
      ) {
        state.status = 'waived';
      }
      break;
    }
    case 'deadlineChanged': {
      const { id, state } = where(event.obligation);
      const dueAt = instantOf(event.dueAt);
      const applies = (state.status === 'open' || state.status === 'returned') && dueAt > now && dueAt !== state.dueAt;
      if (
        await expect(`deadline → ${event.dueAt}`, applies, () =>
          api.call('office', 'post', `/obligations/${id}/deadline`, {
            dueAt: new Date(dueAt).toISOString(),
            reason: '单位申请延期，经办公室同意',
          }),
        )
      ) {
        state.dueAt = dueAt;
      }
      break;
    }
    case 'taskCancelled': {
      const taskId = world.tasks.get(event.task);
      const applies = !model.cancelledTasks.has(event.task);
      if (
        await expect(`cancel ${event.task}`, applies, () =>
          api.call('office', 'post', `/plans/${world.planId}/tasks/${taskId}/cancel`, { reason: '任务已并入其他工作' }),
        )
      ) {
        model.cancelledTasks.add(event.task);
        for (const obligation of model.obligationsOf(event.task)) {
          const state = model.obligations.get(obligation);
          if (state && ['open', 'returned', 'submitted'].includes(state.status)) {
            state.status = 'cancelled';
          }
        }
      }
      break;
    }
    case 'caseClosureRequested': {
      const supervisionCase = model.cases.get(event.case);
      if (!supervisionCase) {
        problems.push(`${event.at} closure request: ${event.case} was not opened by then`);
        break;
      }
      const reporter = await caseReporter(api, world, supervisionCase.id);
      if (supervisionCase.status === 'open') {
        await api.ok(reporter, 'post', `/supervision-cases/${supervisionCase.id}/acknowledge`);
        supervisionCase.status = 'acknowledged';
      }
      const applies = supervisionCase.status === 'acknowledged';
      if (
        await expect(`closure request ${event.requestId}`, applies, () =>
          api.call(reporter, 'post', `/supervision-cases/${supervisionCase.id}/closure-request`, {
            summary: '已补报并建立月度调度台账。',
            evidence: [`${event.requestId}-整改材料`],
          }),
        )
      ) {
        supervisionCase.status = 'closure_requested';
      }
      break;
    }
    case 'caseVerified': {
      const supervisionCase = model.cases.get(event.case);
      if (!supervisionCase) {
        problems.push(`${event.at} verification: ${event.case} was not opened by then`);
        break;
      }
      const body = event.approved ? { decision: 'accept' } : { decision: 'reject', reason: '整改材料不完整' };
      if (
        await expect('verification', supervisionCase.status === 'closure_requested', () =>
          api.call('supervisor', 'post', `/supervision-cases/${supervisionCase.id}/verification`, body),
        )
      ) {
        supervisionCase.status = event.approved ? 'closed' : 'acknowledged';
      }
      break;
    }
    case 'interviewScheduled':
    case 'interviewHeld': {
      const interview = model.interviews.get(event.interview);
      if (!interview) {
        problems.push(`${event.at} ${event.type}: ${event.interview} was not called by then`);
        break;
      }
      if (event.type === 'interviewScheduled') {
        const startsAt = instantOf(event.startsAt);
        await expect(`appointment ${event.startsAt}`, interview.status === 'scheduled' && startsAt > now, () =>
          api.call('supervisor', 'post', `/interviews/${interview.id}/reschedule`, {
            time: new Date(startsAt).toISOString(),
            place: event.place,
          }),
        );
      } else if (
        await expect('minutes', interview.status === 'scheduled', () =>
          api.call('supervisor', 'post', `/interviews/${interview.id}/minutes`, {
            minutes: '被约谈单位主要负责同志说明了逾期原因并作出整改承诺。',
          }),
        )
      ) {
        interview.status = 'held';
      }
      break;
    }
  }
  return problems;
}

function reporterOf(world: ScenarioWorld, model: ScenarioModel, obligationId: string): string {
  const unitId = model.unitOf(obligationId);
  const unit = unitId === undefined ? undefined : world.units.get(unitId);
  if (!unit) {
    throw new Error(`no unit for obligation ${obligationId}`);
  }
  return unit.reporter;
}

async function caseReporter(api: ScenarioApi, world: ScenarioWorld, caseId: number): Promise<string> {
  const supervisionCase = await api.ok<{ unitId: number }>('supervisor', 'get', `/supervision-cases/${caseId}`);
  const unit = [...world.units.values()].find((u) => u.unitId === supervisionCase.unitId);
  if (!unit) {
    throw new Error(`case ${caseId} belongs to a unit outside the scenario (${supervisionCase.unitId})`);
  }
  return unit.reporter;
}
