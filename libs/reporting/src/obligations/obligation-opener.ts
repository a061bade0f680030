import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { systemActor } from '@app/core';
import { Assignment, Plan, Task } from '@app/plans';
import { localDateOf, WorkingCalendarProvider } from '@app/workflows';
import { dueAtFor } from '../periods/due-dates';
import { periodEndDate, periodsOpenedBy, periodStartDate } from '../periods/reporting-period';
import { ReportingHooks } from '../reporting-hooks';
import { ReportingSettingsService } from '../settings/reporting-settings.service';
import { Obligation } from './obligation.entity';

/** Rows per INSERT: ~17 parameters each keeps a statement well under SQLite's and MySQL's limits. */
const INSERT_BATCH = 500;

/**
 * Creates the obligations of a period for one plan: one per active task and assigned unit. Idempotent: rows that
 * exist are skipped (read first, and `INSERT … IGNORE` against the unique key for a concurrent opener).
 */
@Injectable()
export class ObligationOpener {
  constructor(
    private readonly settings: ReportingSettingsService,
    private readonly calendars: WorkingCalendarProvider,
    private readonly audit: AuditService,
    private readonly hooks: ReportingHooks,
  ) {}

  /** `period` is a month (opening it for monthly tasks and its quarter for quarterly ones) or a quarter. */
  async open(em: EntityManager, plan: Plan, period: string, now: Date): Promise<number> {
    const opened = periodsOpenedBy(period);
    const tasks = await em.find(Task, {
      select: { id: true, reportingCycle: true },
      where: { planId: plan.id, status: 'active' },
    });
    // A plan reports on the periods it was in force for: none that ended before its publication (a cycle catching up
    // on last month must not open last month for a plan published this month).
    const publishedOn = plan.publishedAt ? localDateOf(plan.publishedAt.getTime()) : null;
    const periodOf = new Map<number, string>();
    for (const task of tasks) {
      const target = opened[task.reportingCycle];
      if (target && (publishedOn === null || periodEndDate(target) >= publishedOn)) {
        periodOf.set(task.id, target);
      }
    }
    const periods = [...new Set(periodOf.values())];
    if (periods.length === 0) {
      return 0;
    }
    const assignments = await em.find(Assignment, {
      select: { taskId: true, unitId: true, role: true },
      where: { planId: plan.id },
    });
    const existing = await em.find(Obligation, {
      select: { taskId: true, unitId: true, period: true },
      where: { planId: plan.id, period: In(periods) },
    });
    const seen = new Set(existing.map((o) => `${o.taskId}:${o.unitId}:${o.period}`));
    const rules = await this.settings.rules(plan, em);
    const calendar = this.calendars.calendar();
    const rows: Array<Omit<Obligation, 'id'>> = [];
    for (const assignment of assignments) {
      const target = periodOf.get(assignment.taskId);
      if (!target || seen.has(`${assignment.taskId}:${assignment.unitId}:${target}`)) {
        continue;
      }
      rows.push({
        planId: plan.id,
        taskId: assignment.taskId,
        unitId: assignment.unitId,
        role: assignment.role,
        period: target,
        periodStart: periodStartDate(target),
        dueAt: dueAtFor(target, assignment.role, rules, calendar),
        status: 'open',
        round: 0,
        currentSubmissionId: null,
        submittedAt: null,
        late: false,
        returnedAt: null,
        acceptedAt: null,
        acceptedRating: null,
        acceptedComplete: false,
        reviewedBy: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await em
        .createQueryBuilder()
        .insert()
        .into(Obligation)
        .values(rows.slice(start, start + INSERT_BATCH))
        .orIgnore()
        .updateEntity(false)
        .execute();
    }
    if (rows.length > 0) {
      // One audit entry per plan and period rather than per row: a period of a large plan opens thousands.
      await this.audit.record(em, {
        actor: systemActor('reporting'),
        action: 'reporting.period.open',
        entityType: 'plan',
        entityId: plan.id,
        unitId: plan.governmentId,
        after: { periods, created: rows.length, existing: existing.length },
      });
      await this.hooks.emit(em, { kind: 'opened', planId: plan.id, periods, created: rows.length });
    }
    return rows.length;
  }
}
