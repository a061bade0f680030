import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { DomainError, UnitOfWork } from '@app/core';
import { Assignment, Plan } from '@app/plans';
import {
  EscalationInput,
  EscalationLadder,
  IssuedStep,
  localDateOf,
  ObligationSnapshot,
  WorkingCalendarProvider,
} from '@app/workflows';
import { parsePeriod, periodContaining, periodStartDate, previousPeriod } from '../periods/reporting-period';
import { Submission } from '../submissions/submission.entity';
import { ObligationOpener } from './obligation-opener';
import { Obligation } from './obligation.entity';

export interface OpenPeriodResult {
  period: string;
  plans: number;
  created: number;
}

/** What the escalation policy needs to know about one obligation, read from the database. */
export interface LadderSnapshot {
  obligation: ObligationSnapshot;
  /** The same unit's report on the same task was overdue in the previous period (late, or still missing). */
  previousPeriodOverdue: boolean;
  planId: number;
  taskId: number;
  unitId: number;
  role: Obligation['role'];
}

const WAITING: ReadonlyArray<Obligation['status']> = ['open', 'returned'];

/**
 * The reporting obligations as the workflow engine sees them: opening periods, and the input of the escalation
 * ladder (`nextEscalationStep` in `@app/workflows`).
 */
@Injectable()
export class ObligationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly opener: ObligationOpener,
    private readonly calendars: WorkingCalendarProvider,
  ) {}

  /**
   * Opens a period for every published plan: one obligation per active task and assigned unit (a month opens
   * monthly tasks and the quarter containing it for quarterly tasks). Idempotent; one transaction per plan.
   */
  async openPeriod(period: string, now: Date): Promise<OpenPeriodResult> {
    parsePeriod(period);
    if (periodStartDate(period) > localDateOf(now.getTime())) {
      throw DomainError.invalid('period', `报送周期 ${period} 尚未开始`);
    }
    const plans = await this.dataSource
      .getRepository(Plan)
      .find({ where: { status: 'published' }, order: { id: 'ASC' } });
    let created = 0;
    for (const plan of plans) {
      created += await this.unitOfWork.run((em) => this.opener.open(em, plan, period, now));
    }
    return { period, plans: plans.length, created };
  }

  /** Publish hook: opens the period containing the publication date, in the publishing transaction. */
  async openOnPublish(em: EntityManager, plan: Plan, _assignments: Assignment[], now: Date): Promise<void> {
    await this.opener.open(em, plan, periodContaining(localDateOf(now.getTime()), 'monthly'), now);
  }

  async get(id: number, manager: EntityManager = this.dataSource.manager): Promise<Obligation> {
    const obligation = await manager.findOneBy(Obligation, { id });
    if (!obligation) {
      throw DomainError.notFound('报送义务', id);
    }
    return obligation;
  }

  /** Obligations still waiting for a report (open or returned), in id order, for the engine to page through. */
  async waitingIds(options: { afterId?: number; limit: number }): Promise<number[]> {
    const rows = await this.dataSource
      .getRepository(Obligation)
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .where('o.status IN (:...statuses)', { statuses: WAITING })
      .andWhere('o.id > :afterId', { afterId: options.afterId ?? 0 })
      .orderBy('o.id', 'ASC')
      .limit(options.limit)
      .getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
  }

  async ladderSnapshot(id: number, now: Date): Promise<LadderSnapshot> {
    const snapshot = (await this.ladderSnapshots([id], now)).get(id);
    if (!snapshot) {
      throw DomainError.notFound('报送义务', id);
    }
    return snapshot;
  }

  /** Batched: one query for the obligations, one for their previous periods. Missing ids are left out. */
  async ladderSnapshots(ids: number[], now: Date): Promise<Map<number, LadderSnapshot>> {
    const result = new Map<number, LadderSnapshot>();
    if (ids.length === 0) {
      return result;
    }
    const obligations = await this.dataSource.getRepository(Obligation).findBy({ id: In(ids) });
    const previous = obligations.length
      ? await this.dataSource.getRepository(Obligation).find({
          select: { taskId: true, unitId: true, period: true, status: true, late: true, dueAt: true },
          where: {
            taskId: In([...new Set(obligations.map((o) => o.taskId))]),
            unitId: In([...new Set(obligations.map((o) => o.unitId))]),
            period: In([...new Set(obligations.map((o) => previousPeriod(o.period)))]),
          },
        })
      : [];
    const previousOf = new Map(previous.map((p) => [`${p.taskId}:${p.unitId}:${p.period}`, p]));
    for (const o of obligations) {
      const before = previousOf.get(`${o.taskId}:${o.unitId}:${previousPeriod(o.period)}`);
      result.set(o.id, {
        obligation: snapshotOf(o),
        previousPeriodOverdue: before !== undefined && wasOverdue(before, now),
        planId: o.planId,
        taskId: o.taskId,
        unitId: o.unitId,
        role: o.role,
      });
    }
    return result;
  }

  /** The full input of `nextEscalationStep`: the engine adds the steps it has issued and, if any, the plan's ladder. */
  async ladderInput(
    id: number,
    options: { now: Date; history: readonly IssuedStep[]; ladder?: EscalationLadder },
  ): Promise<EscalationInput> {
    const snapshot = await this.ladderSnapshot(id, options.now);
    return {
      obligation: snapshot.obligation,
      previousPeriodOverdue: snapshot.previousPeriodOverdue,
      history: options.history,
      calendar: this.calendars.calendar(),
      ...(options.ladder ? { ladder: options.ladder } : {}),
      now: options.now.getTime(),
    };
  }

  /** The latest % complete the unit reported on the task up to this obligation's period (progress-lag input). */
  async reportedPercent(id: number): Promise<number | null> {
    const obligation = await this.get(id);
    const row = await this.dataSource
      .getRepository(Submission)
      .createQueryBuilder('s')
      .innerJoin(Obligation, 'o', 'o.id = s.obligation_id')
      .select('s.percent_complete', 'percent')
      .where('o.task_id = :taskId AND o.unit_id = :unitId', { taskId: obligation.taskId, unitId: obligation.unitId })
      .andWhere('o.period_start <= :start', { start: obligation.periodStart })
      .andWhere('s.percent_complete IS NOT NULL')
      .orderBy('o.period_start', 'DESC')
      .addOrderBy('s.round', 'DESC')
      .limit(1)
      .getRawOne<{ percent: number | string }>();
    return row ? Number(row.percent) : null;
  }
}

export function snapshotOf(o: Obligation): ObligationSnapshot {
  return {
    id: String(o.id),
    unitId: String(o.unitId),
    period: o.period,
    dueAt: o.dueAt.getTime(),
    // The policy knows no cancellation: like a waiver, it stops the ladder (engines also stop their timers).
    status: o.status === 'cancelled' ? 'waived' : o.status,
    round: o.round,
    openedAt: o.createdAt.getTime(),
    ...(o.submittedAt ? { submittedAt: o.submittedAt.getTime() } : {}),
    ...(o.returnedAt ? { returnedAt: o.returnedAt.getTime() } : {}),
  };
}

/** Overdue: it came in late, or it is still missing after its due date. */
function wasOverdue(o: Pick<Obligation, 'status' | 'late' | 'dueAt'>, now: Date): boolean {
  return o.late || (WAITING.includes(o.status) && o.dueAt.getTime() < now.getTime());
}
