import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, FindOptionsOrder, FindOptionsWhere, In, IsNull, MoreThan, Not } from 'typeorm';
import { Clock, UnitOfWork } from '@app/core';
import { Obligation, ObligationsService, type LadderSnapshot } from '@app/reporting';
import { Interview, InterviewsService, SupervisionCase, SupervisionCaseLink } from '@app/supervision';
import {
  DurableTimer,
  interviewWorkflowId,
  obligationWorkflowId,
  supervisionCaseWorkflowId,
  WorkflowCommandRecord,
  WorkflowCommands,
  type EscalationLadder,
  type IssuedStep,
  type ObligationStatus,
  type ReportingObligationInput,
  type SupervisionCaseWorkflowInput,
} from '@app/workflows';
import { EscalationStepRecord } from './escalation-step.entity';
import { CASE_TIMER, OBLIGATION_TIMER } from './obligation-escalation.handler';
import { INTERVIEW_TIMER } from './interview-appointments';
import { PlanLadderReader } from './plan-ladder/plan-ladder.reader';
import { INTERVIEW_WORKFLOW_TYPE, interviewWorkflowInput } from './temporal-supervision-commands';

/** Obligations a workflow still follows: waiting for the report, or for the office's review of it. */
const FOLLOWED: ObligationStatus[] = ['open', 'returned', 'submitted'];
const PAGE = 200;

export interface AdoptionCount {
  /** Starts recorded now. */
  readonly recorded: number;
  /** A start for the same workflow id was in the outbox already (a previous adoption, or opened in Temporal mode). */
  readonly alreadyRecorded: number;
}

export interface AdoptionReport {
  readonly obligations: AdoptionCount;
  readonly cases: AdoptionCount;
  readonly interviews: AdoptionCount;
  /** The embedded engine's ladder timers that were still pending, now cancelled. */
  readonly timersCancelled: number;
}

/**
 * Moving an installation from the embedded engine to Temporal (`npm run cli -- workflows adopt`): records, in the
 * outbox, a start for the workflow of every obligation, ladder case and interview still open, with what the
 * database already knows (an obligation's round, status and the steps issued in it; an interview's current
 * appointment), and cancels the embedded ladder timers those workflows replace, page by page, each page in one
 * transaction. Workflow ids come from the record ids and the relay starts with `USE_EXISTING`, so running it again,
 * or on records whose workflow already runs, starts nothing twice; steps issued before are found by their dedup
 * keys and never issued again. Assessment runs are not adopted: their workflow only follows what the database
 * does (the API signals it), so a run begun on the embedded engine completes without one.
 */
@Injectable()
export class WorkflowAdoption {
  private readonly logger = new Logger(WorkflowAdoption.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly commands: WorkflowCommands,
    private readonly obligations: ObligationsService,
    private readonly interviews: InterviewsService,
    private readonly ladders: PlanLadderReader,
    private readonly clock: Clock,
  ) {}

  async adopt(): Promise<AdoptionReport> {
    const obligations = await this.pages(Obligation, { status: In(FOLLOWED) }, (em, rows) =>
      this.adoptObligations(em, rows),
    );
    // Only cases the ladder opened have a workflow (a case opened by hand calls no interview on either engine).
    const cases = await this.pages(
      SupervisionCase,
      { status: Not('closed' as const), dedupKey: Not(IsNull()) },
      (em, rows) => this.adoptCases(em, rows),
    );
    const interviews = await this.pages(Interview, { status: 'scheduled' }, (em, rows) =>
      this.adoptInterviews(em, rows),
    );
    const timersCancelled = await this.unitOfWork.run(async (em) => {
      const result = await em.update(
        DurableTimer,
        { subjectType: In([OBLIGATION_TIMER, CASE_TIMER, INTERVIEW_TIMER]), status: 'pending' },
        { status: 'cancelled', updatedAt: this.clock.now() },
      );
      return result.affected ?? 0;
    });
    const report = { obligations, cases, interviews, timersCancelled };
    this.logger.log({ msg: 'workflows adopted', ...report });
    return report;
  }

  /** Runs `adopt` on the matching rows a page at a time, in id order, one transaction per page. */
  private async pages<T extends { id: number }>(
    entity: new () => T,
    where: FindOptionsWhere<T>,
    adopt: (em: EntityManager, rows: T[]) => Promise<AdoptionCount>,
  ): Promise<AdoptionCount> {
    let total: AdoptionCount = { recorded: 0, alreadyRecorded: 0 };
    for (let afterId = 0; ;) {
      const count = await this.unitOfWork.run(async (em) => {
        const rows = await em.find(entity, {
          where: { ...where, id: MoreThan(afterId) } as FindOptionsWhere<T>,
          order: { id: 'ASC' } as FindOptionsOrder<T>,
          take: PAGE,
        });
        afterId = rows.length > 0 ? rows[rows.length - 1].id : afterId;
        return rows.length > 0 ? { rows: rows.length, ...(await adopt(em, rows)) } : null;
      });
      if (count === null) {
        return total;
      }
      total = {
        recorded: total.recorded + count.recorded,
        alreadyRecorded: total.alreadyRecorded + count.alreadyRecorded,
      };
      if (count.rows < PAGE) {
        return total;
      }
    }
  }

  private async adoptObligations(em: EntityManager, rows: Obligation[]): Promise<AdoptionCount> {
    const snapshots = await this.obligations.ladderSnapshots(
      rows.map((o) => o.id),
      this.clock.now(),
    );
    const steps = await em.find(EscalationStepRecord, {
      where: { subjectType: 'obligation', subjectId: In(rows.map((o) => o.id)) },
      order: { id: 'ASC' },
    });
    const ladders = new Map<number, EscalationLadder | undefined>();
    for (const planId of new Set(rows.map((o) => o.planId))) {
      ladders.set(planId, await this.ladders.forPlan(em, planId));
    }
    return this.recordStarts(
      em,
      'reportingObligationWorkflow',
      rows.map((o) => ({
        workflowId: obligationWorkflowId(String(o.id)),
        input: obligationInput(
          o,
          snapshots.get(o.id),
          ladders.get(o.planId),
          steps.filter((step) => step.subjectId === o.id),
        ),
      })),
    );
  }

  private async adoptCases(em: EntityManager, rows: SupervisionCase[]): Promise<AdoptionCount> {
    const links = await em.find(SupervisionCaseLink, {
      where: { caseId: In(rows.map((c) => c.id)), kind: 'obligation' },
      order: { id: 'ASC' },
    });
    return this.recordStarts(
      em,
      'supervisionCaseWorkflow',
      rows.map((c) => {
        const obligationId = links.find((link) => link.caseId === c.id)?.refId;
        const input: SupervisionCaseWorkflowInput = {
          caseId: String(c.id),
          unitId: String(c.unitId),
          ...(obligationId !== undefined ? { obligationId: String(obligationId) } : {}),
          openedAt: c.openedAt.getTime(),
          rectificationDeadline: c.rectificationDueAt.getTime(),
        };
        return { workflowId: supervisionCaseWorkflowId(String(c.id)), input };
      }),
    );
  }

  private async adoptInterviews(em: EntityManager, rows: Interview[]): Promise<AdoptionCount> {
    return this.recordStarts(
      em,
      INTERVIEW_WORKFLOW_TYPE,
      await Promise.all(
        rows.map(async (interview) => ({
          workflowId: interviewWorkflowId(String(interview.id)),
          input: await interviewWorkflowInput(em, this.interviews, interview),
        })),
      ),
    );
  }

  private async recordStarts(
    em: EntityManager,
    workflowType: string,
    starts: Array<{ workflowId: string; input: object }>,
  ): Promise<AdoptionCount> {
    if (starts.length === 0) {
      return { recorded: 0, alreadyRecorded: 0 };
    }
    const known = new Set(
      (
        await em.find(WorkflowCommandRecord, {
          select: { workflowId: true },
          where: {
            kind: 'start',
            workflowId: In(starts.map((s) => s.workflowId)),
            status: In(['pending', 'delivered']),
          },
        })
      ).map((row) => row.workflowId),
    );
    let recorded = 0;
    for (const { workflowId, input } of starts) {
      if (!known.has(workflowId)) {
        await this.commands.record(em, { kind: 'start', workflowId, workflowType, args: [input] });
        recorded++;
      }
    }
    return { recorded, alreadyRecorded: starts.length - recorded };
  }
}

/** The obligation's workflow input, carrying what the embedded engine did in the current round. */
function obligationInput(
  o: Obligation,
  snapshot: LadderSnapshot | undefined,
  ladder: EscalationLadder | undefined,
  own: EscalationStepRecord[],
): ReportingObligationInput {
  const previousPeriodOverdue = snapshot?.previousPeriodOverdue ?? false;
  return {
    obligation: {
      id: String(o.id),
      unitId: String(o.unitId),
      taskId: String(o.taskId),
      period: o.period,
      dueAt: o.dueAt.getTime(),
      openedAt: o.createdAt.getTime(),
    },
    previousPeriodOverdue,
    ...(ladder ? { ladder } : {}),
    // What the embedded engine did in the current round, as a continued workflow would carry it.
    carried: {
      status: o.status as ObligationStatus,
      previousPeriodOverdue,
      round: o.round,
      dueAt: o.dueAt.getTime(),
      ...(o.returnedAt ? { returnedAt: o.returnedAt.getTime() } : {}),
      ...(o.submittedAt ? { submittedAt: o.submittedAt.getTime() } : {}),
      // The id the API's signals give this round's report (`TemporalObligationCommands`).
      ...(o.status === 'submitted' ? { submissionId: `${o.id}:r${o.round}` } : {}),
      steps: own
        .filter((step) => step.round === o.round)
        .map((step) => ({
          kind: step.kind as IssuedStep['kind'],
          at: step.issuedAt.getTime(),
          round: step.round,
        })),
      supervisionCaseIds: own.flatMap((step) => /^case:(\d+)$/.exec(step.recordRef ?? '')?.[1] ?? []),
    },
  };
}
