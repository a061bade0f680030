import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, DomainError, describeActor } from '@app/core';
import { AccessScope } from '@app/org';
import { Plan, Task } from '@app/plans';
import { requireText } from '../common/input';
import { isDuplicateKey } from '../common/persistence';
import { requireUnit, whereUnitInScope } from '../common/jurisdiction';
import { Warning, WARNING_KINDS, WarningKind } from './warning.entity';

export interface IssueWarningInput {
  kind: WarningKind;
  unitId: number;
  planId: number;
  taskId?: number | null;
  obligationId?: number | null;
  reason: string;
  /** The step's dedup key; a second call with the same key returns the first warning and changes nothing. */
  dedupKey: string;
  actor: Actor;
}

export interface WarningFilter {
  unitId?: number;
  planId?: number;
  kind?: WarningKind;
  limit?: number;
}

/** 预警. Issued by the escalation engine inside its step transaction; read by units, the office and leaders. */
@Injectable()
export class WarningsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async issue(em: EntityManager, input: IssueWarningInput): Promise<Warning> {
    const dedupKey = requireText('dedupKey', input.dedupKey, 200);
    const existing = await em.findOneBy(Warning, { dedupKey });
    if (existing) {
      return existing;
    }
    if (!WARNING_KINDS.includes(input.kind)) {
      throw DomainError.invalid('kind', `取值必须是以下之一：${WARNING_KINDS.join(', ')}`);
    }
    const unit = await requireUnit(em, 'unitId', input.unitId);
    if (!(await em.existsBy(Plan, { id: input.planId }))) {
      throw DomainError.invalid('planId', `计划不存在：${input.planId}`);
    }
    if (input.taskId && !(await em.existsBy(Task, { id: input.taskId, planId: input.planId }))) {
      throw DomainError.invalid('taskId', `该计划中没有任务 ${input.taskId}`);
    }
    const warning = em.create(Warning, {
      kind: input.kind,
      unitId: unit.id,
      planId: input.planId,
      taskId: input.taskId ?? null,
      obligationId: input.obligationId ?? null,
      reason: requireText('reason', input.reason, 2000),
      dedupKey,
      issuedAt: this.clock.now(),
      issuedBy: describeActor(input.actor),
    });
    try {
      await em.insert(Warning, warning);
    } catch (error) {
      if (isDuplicateKey(error)) {
        // Another transaction issued the same step a moment ago: roll this one back, its retry finds the row.
        throw new DomainError('CONFLICT', `该预警正在由另一事务发出：${dedupKey}`);
      }
      throw error;
    }
    await this.audit.record(em, {
      actor: input.actor,
      action: 'warning.issue',
      entityType: 'warning',
      entityId: warning.id,
      unitId: unit.id,
      after: { kind: warning.kind, planId: warning.planId, taskId: warning.taskId, reason: warning.reason },
    });
    return warning;
  }

  list(scope: AccessScope, filter: WarningFilter = {}): Promise<Warning[]> {
    const qb = whereUnitInScope(this.dataSource.getRepository(Warning).createQueryBuilder('w'), 'w', scope)
      .orderBy('w.issuedAt', 'DESC')
      .addOrderBy('w.id', 'DESC')
      .take(filter.limit ?? 200);
    if (filter.unitId) {
      qb.andWhere('w.unit_id = :unitId', { unitId: filter.unitId });
    }
    if (filter.planId) {
      qb.andWhere('w.plan_id = :planId', { planId: filter.planId });
    }
    if (filter.kind) {
      qb.andWhere('w.kind = :kind', { kind: filter.kind });
    }
    return qb.getMany();
  }

  async get(id: number): Promise<Warning> {
    const warning = await this.dataSource.getRepository(Warning).findOneBy({ id });
    if (!warning) {
      throw DomainError.notFound('预警', id);
    }
    return warning;
  }
}
