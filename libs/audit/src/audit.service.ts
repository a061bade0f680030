import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Clock, RequestContext, describeActor } from '@app/core';
import { AuditChainHead, AuditEntry } from './audit-entry.entity';
import { GENESIS_HASH, hashAuditEntry } from './audit-hash';

export interface AuditRecord {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string | number;
  unitId: number | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  problems: string[];
}

const HEAD_ID = 1;

/**
 * Appends to the hash-chained audit trail. Always called with the transaction's EntityManager, so a change
 * and its audit row commit or roll back together.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
    const head = await this.lockHead(manager);
    const entry = manager.create(AuditEntry, {
      at: this.clock.now(),
      actor: describeActor(record.actor),
      actorUserId: record.actor.kind === 'user' ? record.actor.userId : null,
      action: record.action,
      entityType: record.entityType,
      entityId: String(record.entityId),
      unitId: record.unitId,
      before: record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === undefined ? null : JSON.stringify(record.after),
      requestId: RequestContext.requestId(),
      prevHash: head.lastHash,
      hash: 'pending',
    });
    const saved = await manager.save(entry);
    saved.hash = hashAuditEntry(saved);
    await manager.update(AuditEntry, { id: saved.id }, { hash: saved.hash });
    await manager.update(AuditChainHead, { id: HEAD_ID }, { lastId: saved.id, lastHash: saved.hash });
    return saved;
  }

  /** Walks the whole chain: an edited row breaks its own hash, a deleted row breaks the link or the head. */
  async verify(batchSize = 1000): Promise<AuditVerification> {
    const problems: string[] = [];
    let prevHash = GENESIS_HASH;
    let lastId = 0;
    let checked = 0;
    for (;;) {
      const rows = await this.dataSource
        .getRepository(AuditEntry)
        .createQueryBuilder('a')
        .where('a.id > :lastId', { lastId })
        .orderBy('a.id', 'ASC')
        .take(batchSize)
        .getMany();
      for (const row of rows) {
        if (row.prevHash !== prevHash) {
          problems.push(`#${row.id}: previous-hash link broken (a row before it was deleted or edited)`);
        }
        if (hashAuditEntry(row) !== row.hash) {
          problems.push(`#${row.id}: content does not match its hash (the row was edited)`);
        }
        prevHash = row.hash;
        lastId = row.id;
        checked++;
      }
      if (rows.length < batchSize) {
        break;
      }
    }
    const head = await this.dataSource.getRepository(AuditChainHead).findOneBy({ id: HEAD_ID });
    if (head && (head.lastId !== lastId || head.lastHash !== prevHash)) {
      problems.push(`chain head points at #${head.lastId} but the last row is #${lastId} (rows were deleted)`);
    }
    return { ok: problems.length === 0, checked, problems };
  }

  private async lockHead(manager: EntityManager): Promise<AuditChainHead> {
    const query = manager.getRepository(AuditChainHead).createQueryBuilder('h').where('h.id = :id', { id: HEAD_ID });
    if (manager.connection.options.type === 'mysql') {
      query.setLock('pessimistic_write');
    }
    const head = await query.getOne();
    if (head) {
      return head;
    }
    const created = manager.create(AuditChainHead, { id: HEAD_ID, lastId: 0, lastHash: GENESIS_HASH });
    return manager.save(created);
  }
}

export interface AuditQuery {
  /** null = every unit (system admin); otherwise rows of these units only. */
  unitIds: number[] | null;
  entityType?: string;
  entityId?: string;
  beforeId?: number;
  limit: number;
}

@Injectable()
export class AuditReader {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    const qb = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .take(query.limit);
    if (query.unitIds !== null) {
      if (query.unitIds.length === 0) {
        return [];
      }
      qb.andWhere('a.unit_id IN (:...unitIds)', { unitIds: query.unitIds });
    }
    if (query.entityType) {
      qb.andWhere('a.entity_type = :entityType', { entityType: query.entityType });
    }
    if (query.entityId) {
      qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    }
    if (query.beforeId) {
      qb.andWhere('a.id < :beforeId', { beforeId: query.beforeId });
    }
    return qb.getMany();
  }
}
