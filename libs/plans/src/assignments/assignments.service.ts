import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, DomainError, UnitOfWork } from '@app/core';
import { AccessScope, Unit } from '@app/org';
import { Plan } from '../plans/plan.entity';
import { Task } from '../tasks/task.entity';
import { Assignment, AssignmentStatus } from './assignment.entity';

export interface AssignmentRow {
  assignment: Assignment;
  task: Pick<Task, 'id' | 'ref' | 'title'>;
  planTitle: string;
  unitName: string;
}

export interface AcknowledgementStatus {
  unitId: number;
  unitName: string;
  total: number;
  acknowledged: number;
  pending: number;
  overdue: number;
}

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(scope: AccessScope, filter: { planId?: number; status?: AssignmentStatus }): Promise<AssignmentRow[]> {
    const qb = this.dataSource
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .innerJoin(Unit, 'u', 'u.id = a.unit_id')
      .innerJoin(Task, 't', 't.id = a.task_id')
      .innerJoin(Plan, 'p', 'p.id = a.plan_id')
      .addSelect(['t.id', 't.ref', 't.title', 'p.title', 'u.name'])
      .orderBy('a.plan_id', 'DESC')
      .addOrderBy('t.position', 'ASC')
      .addOrderBy('a.id', 'ASC');
    if (scope.kind === 'subtree') {
      qb.andWhere('u.path LIKE :prefix', { prefix: `${scope.rootPath}%` });
    } else if (scope.kind === 'unit') {
      qb.andWhere('a.unit_id = :unitId', { unitId: scope.unitId });
    }
    if (filter.planId) {
      qb.andWhere('a.plan_id = :planId', { planId: filter.planId });
    }
    if (filter.status) {
      qb.andWhere('a.status = :status', { status: filter.status });
    }
    const { entities, raw } = await qb.getRawAndEntities<{
      t_id: number;
      t_ref: string;
      t_title: string;
      p_title: string;
      u_name: string;
    }>();
    return entities.map((assignment, index) => ({
      assignment,
      task: { id: Number(raw[index].t_id), ref: raw[index].t_ref, title: raw[index].t_title },
      planTitle: raw[index].p_title,
      unitName: raw[index].u_name,
    }));
  }

  /** 签收. Acknowledging twice changes nothing and answers with the first acknowledgement. */
  async acknowledge(actor: Actor & { kind: 'user' }, id: number): Promise<Assignment> {
    return this.unitOfWork.run(async (em) => {
      const assignment = await em.findOneBy(Assignment, { id });
      if (!assignment) {
        throw DomainError.notFound('任务分派', id);
      }
      if (assignment.status === 'acknowledged') {
        return assignment;
      }
      const after: Assignment = {
        ...assignment,
        status: 'acknowledged',
        acknowledgedAt: this.clock.now(),
        acknowledgedBy: actor.userId,
      };
      await em.save(Assignment, after);
      await this.audit.record(em, {
        actor,
        action: 'assignment.acknowledge',
        entityType: 'assignment',
        entityId: id,
        unitId: assignment.unitId,
        before: { status: assignment.status },
        after: { status: after.status, acknowledgedAt: after.acknowledgedAt },
      });
      return after;
    });
  }

  /** Who has acknowledged and who has not, per unit — what the office chases by phone today. */
  async acknowledgementStatus(planId: number): Promise<AcknowledgementStatus[]> {
    const now = this.clock.now();
    const rows = await this.dataSource
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .innerJoin(Unit, 'u', 'u.id = a.unit_id')
      .select(['a.unit_id AS unitId', 'u.name AS unitName', 'a.status AS status', 'a.acknowledge_due_at AS dueAt'])
      .where('a.plan_id = :planId', { planId })
      .getRawMany<{ unitId: number; unitName: string; status: AssignmentStatus; dueAt: string | Date }>();
    const byUnit = new Map<number, AcknowledgementStatus>();
    for (const row of rows) {
      const unitId = Number(row.unitId);
      const entry = byUnit.get(unitId) ?? {
        unitId,
        unitName: row.unitName,
        total: 0,
        acknowledged: 0,
        pending: 0,
        overdue: 0,
      };
      entry.total++;
      if (row.status === 'acknowledged') {
        entry.acknowledged++;
      } else {
        entry.pending++;
        const due = row.dueAt instanceof Date ? row.dueAt : new Date(`${row.dueAt.replace(' ', 'T')}Z`);
        entry.overdue += due < now ? 1 : 0;
      }
      byUnit.set(unitId, entry);
    }
    return [...byUnit.values()].sort((a, b) => b.pending - a.pending || a.unitId - b.unitId);
  }
}
