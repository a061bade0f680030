import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, DomainError, describeActor } from '@app/core';
import { AccessScope, Unit } from '@app/org';
import { requireText } from '../common/input';
import { isDuplicateKey } from '../common/persistence';
import { documentYearOf, nextDocumentNumber } from '../numbering/document-numbers';
import { Circular, CircularBody, CircularItem, CircularUnitEntry } from './circular.entity';

const ITEM_STATUSES: readonly CircularItem['status'][] = ['none', 'yellow', 'red', 'supervision', 'interview'];
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface ComposeCircularInput {
  /** The reporting period listed, `YYYY-MM`. */
  period: string;
  /** The government whose office issues the circular. */
  governmentId: number;
  /** The overdue units, as the reporting side computed them (obligations are not this lib's). */
  overdue: readonly CircularUnitEntry[];
  actor: Actor;
}

/** Who reads circulars: everyone in the government's subtree (they are addressed to all member units). */
export interface CircularReader {
  scope: AccessScope;
  unitId: number;
}

/** 通报: the monthly list of overdue units, stored once per office and period. */
@Injectable()
export class CircularsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Stores and publishes the period's circular; composing the same period again returns the first one. */
  async compose(em: EntityManager, input: ComposeCircularInput): Promise<Circular> {
    if (!PERIOD.test(input.period ?? '')) {
      throw DomainError.invalid('period', '格式应为 YYYY-MM');
    }
    const existing = await em.findOneBy(Circular, { governmentId: input.governmentId, period: input.period });
    if (existing) {
      return existing;
    }
    const government = await em.findOneBy(Unit, { id: input.governmentId });
    if (government?.kind !== 'government') {
      throw DomainError.invalid('governmentId', `不是人民政府：${input.governmentId}`);
    }
    const units = await this.checkUnits(em, government, input.overdue ?? []);
    const body: CircularBody = {
      period: input.period,
      unitCount: units.length,
      itemCount: units.reduce((sum, unit) => sum + unit.overdueCount, 0),
      units,
    };
    const now = this.clock.now();
    const year = documentYearOf(now);
    const circular = em.create(Circular, {
      governmentId: government.id,
      year,
      number: await nextDocumentNumber(em, 'circular', government.id, year),
      period: input.period,
      body,
      publishedAt: now,
      publishedBy: describeActor(input.actor),
    });
    try {
      await em.insert(Circular, circular);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new DomainError('CONFLICT', `${input.period} 的通报正在由另一事务生成`);
      }
      throw error;
    }
    await this.audit.record(em, {
      actor: input.actor,
      action: 'circular.publish',
      entityType: 'circular',
      entityId: circular.id,
      unitId: government.id,
      after: { period: input.period, year, number: circular.number, unitCount: body.unitCount },
    });
    return circular;
  }

  async list(reader: CircularReader, filter: { governmentId?: number; limit?: number } = {}): Promise<Circular[]> {
    const qb = this.dataSource
      .getRepository(Circular)
      .createQueryBuilder('c')
      .orderBy('c.publishedAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(filter.limit ?? 200);
    await this.whereVisible(qb, reader);
    if (filter.governmentId) {
      qb.andWhere('c.government_id = :governmentId', { governmentId: filter.governmentId });
    }
    return qb.getMany();
  }

  async get(reader: CircularReader, id: number): Promise<Circular> {
    const circular = await this.dataSource.getRepository(Circular).findOneBy({ id });
    if (!circular) {
      throw DomainError.notFound('通报', id);
    }
    const qb = this.dataSource.getRepository(Circular).createQueryBuilder('c').where('c.id = :id', { id });
    await this.whereVisible(qb, reader);
    if (!(await qb.getExists())) {
      throw new DomainError('FORBIDDEN', '该通报不在您的管辖范围内');
    }
    return circular;
  }

  /** A circular is visible in its government's subtree and to the office and supervisors above it. */
  private async whereVisible(qb: SelectQueryBuilder<Circular>, reader: CircularReader): Promise<void> {
    if (reader.scope.kind === 'all') {
      return;
    }
    const unit = await this.dataSource.getRepository(Unit).findOneBy({ id: reader.unitId });
    const ancestorIds = (unit?.path ?? '').split('/').filter(Boolean).map(Number);
    const subtreePrefix = reader.scope.kind === 'subtree' ? reader.scope.rootPath : null;
    qb.innerJoin(Unit, 'g', 'g.id = c.government_id').andWhere(
      new Brackets((where) => {
        where.where(ancestorIds.length > 0 ? 'c.government_id IN (:...ancestorIds)' : '1 = 0', { ancestorIds });
        if (subtreePrefix) {
          where.orWhere('g.path LIKE :subtreePrefix', { subtreePrefix: `${subtreePrefix}%` });
        }
      }),
    );
  }

  private async checkUnits(
    em: EntityManager,
    government: Unit,
    overdue: readonly CircularUnitEntry[],
  ): Promise<CircularUnitEntry[]> {
    const ids = overdue.map((entry) => entry.unitId);
    const units = ids.length === 0 ? [] : await em.findBy(Unit, { id: In(ids) });
    return overdue.map((entry, index) => {
      const field = `overdue[${index}]`;
      const unit = units.find((u) => u.id === entry.unitId);
      if (!unit || !unit.path.startsWith(government.path)) {
        throw DomainError.invalid(`${field}.unitId`, `单位不在${government.name}辖区内：${entry.unitId}`);
      }
      if (!Number.isInteger(entry.overdueCount) || entry.overdueCount < 0) {
        throw DomainError.invalid(`${field}.overdueCount`, '必须是非负整数');
      }
      return {
        unitId: unit.id,
        unitName: entry.unitName?.trim() || unit.name,
        overdueCount: entry.overdueCount,
        items: (entry.items ?? []).map((item, itemIndex) => checkItem(`${field}.items[${itemIndex}]`, item)),
      };
    });
  }
}

function checkItem(field: string, item: CircularItem): CircularItem {
  if (Number.isNaN(Date.parse(item.dueAt))) {
    throw DomainError.invalid(`${field}.dueAt`, '必须是 ISO 8601 日期时间');
  }
  if (!Number.isInteger(item.overdueWorkingDays) || item.overdueWorkingDays < 0) {
    throw DomainError.invalid(`${field}.overdueWorkingDays`, '必须是非负整数');
  }
  if (!ITEM_STATUSES.includes(item.status)) {
    throw DomainError.invalid(`${field}.status`, `取值必须是以下之一：${ITEM_STATUSES.join(', ')}`);
  }
  return {
    ...(item.taskId ? { taskId: item.taskId } : {}),
    ...(item.obligationId ? { obligationId: item.obligationId } : {}),
    taskTitle: requireText(`${field}.taskTitle`, item.taskTitle, 500),
    dueAt: new Date(item.dueAt).toISOString(),
    overdueWorkingDays: item.overdueWorkingDays,
    status: item.status,
  };
}
