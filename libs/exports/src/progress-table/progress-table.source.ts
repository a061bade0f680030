import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { utcDate } from '@app/core';
import { AccessScope, Unit } from '@app/org';
import { Assignment, Plan, Task } from '@app/plans';
import { Obligation, ObligationStatus, Submission, SubmissionKind } from '@app/reporting';
import type { TaskReports, UnitReport } from './progress-rows';

/** Tasks are read this many at a time, with their reports: memory stays flat however large the plan. */
export const PROGRESS_BATCH = 200;

interface ReportRow {
  task_id: number | string;
  unit_name: string;
  status: ObligationStatus;
  late: number | boolean | string;
  due_at: Date | string;
  kind: SubmissionKind | null;
  progress_text: string | null;
  percent: number | string | null;
}

/**
 * The tasks of a plan that had reports in the given periods within a scope, with those reports, in the plan's
 * order. The office sees the reports of leads and lower governments (participants report to their lead); a unit
 * sees only its own, whatever its role.
 */
@Injectable()
export class ProgressTableSource {
  constructor(private readonly dataSource: DataSource) {}

  async count(plan: Plan, periods: readonly string[], scope: AccessScope): Promise<number> {
    return this.tasks(plan, periods, scope).getCount();
  }

  async *batches(plan: Plan, periods: readonly string[], scope: AccessScope): AsyncGenerator<TaskReports[]> {
    let after: { position: number; id: number } | null = null;
    for (;;) {
      const qb = this.tasks(plan, periods, scope)
        .orderBy('t.position', 'ASC')
        .addOrderBy('t.id', 'ASC')
        .take(PROGRESS_BATCH);
      if (after) {
        qb.andWhere(
          new Brackets((w) =>
            w
              .where('t.position > :position', { position: after?.position })
              .orWhere('t.position = :position AND t.id > :afterId', { afterId: after?.id }),
          ),
        );
      }
      const tasks = await qb.getMany();
      if (tasks.length === 0) {
        return;
      }
      yield await this.withReports(tasks, periods, scope);
      const last = tasks[tasks.length - 1];
      after = { position: last.position, id: last.id };
      if (tasks.length < PROGRESS_BATCH) {
        return;
      }
    }
  }

  private tasks(plan: Plan, periods: readonly string[], scope: AccessScope): SelectQueryBuilder<Task> {
    const exists = this.reports(periods, scope).select('1').andWhere('o.task_id = t.id');
    return this.dataSource
      .getRepository(Task)
      .createQueryBuilder('t')
      .where('t.plan_id = :planId', { planId: plan.id })
      .andWhere(`EXISTS (${exists.getQuery()})`)
      .setParameters(exists.getParameters());
  }

  /** The reports counted for the table: the office's share, or the unit's own. */
  private reports(periods: readonly string[], scope: AccessScope): SelectQueryBuilder<Obligation> {
    const qb = this.dataSource
      .getRepository(Obligation)
      .createQueryBuilder('o')
      .innerJoin(Unit, 'u', 'u.id = o.unit_id')
      .where('o.period IN (:...periods)', { periods });
    return inScope(qb, scope);
  }

  private async withReports(tasks: Task[], periods: readonly string[], scope: AccessScope): Promise<TaskReports[]> {
    const ids = tasks.map((t) => t.id);
    const responsible = await this.dataSource
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .innerJoin(Unit, 'u', 'u.id = a.unit_id')
      .select(['a.task_id AS task_id', 'u.name AS unit_name'])
      .where({ taskId: In(ids), role: In(['lead', 'local']) })
      .orderBy('a.role', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getRawMany<{ task_id: number | string; unit_name: string }>();
    const reports = await this.reports(periods, scope)
      .leftJoin(Submission, 's', 's.id = o.current_submission_id')
      .select([
        'o.task_id AS task_id',
        'u.name AS unit_name',
        'o.status AS status',
        'o.late AS late',
        'o.due_at AS due_at',
        's.kind AS kind',
        's.progress_text AS progress_text',
        's.percent_complete AS percent',
      ])
      .andWhere('o.task_id IN (:...ids)', { ids })
      .orderBy('o.role', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getRawMany<ReportRow>();
    return tasks.map((task) => ({
      ref: task.ref,
      title: task.title,
      responsible: responsible.filter((r) => Number(r.task_id) === task.id).map((r) => r.unit_name),
      reports: reports.filter((r) => Number(r.task_id) === task.id).map(unitReport),
    }));
  }
}

function inScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scope: AccessScope): SelectQueryBuilder<T> {
  switch (scope.kind) {
    case 'unit':
      return qb.andWhere('o.unit_id = :scopeUnitId', { scopeUnitId: scope.unitId });
    case 'subtree':
      return qb
        .andWhere('u.path LIKE :scopePrefix', { scopePrefix: `${scope.rootPath}%` })
        .andWhere("o.role IN ('lead', 'local')");
    case 'all':
      return qb.andWhere("o.role IN ('lead', 'local')");
  }
}

function unitReport(row: ReportRow): UnitReport {
  return {
    unitName: row.unit_name,
    status: row.status,
    late: row.late === true || Number(row.late) === 1,
    dueAt: utcDate.from(row.due_at) as Date,
    kind: row.kind,
    progressText: row.progress_text,
    percent: row.percent === null ? null : Number(row.percent),
  };
}
