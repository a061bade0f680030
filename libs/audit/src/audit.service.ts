import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Clock, RequestContext, describeActor } from '@app/core';
import { ChainCheck } from './audit-chain';
import { AuditEntry } from './audit-entry.entity';
import { readChainTip } from './chain-tip';

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
  /** No sealed row was edited, deleted or reordered. */
  ok: boolean;
  /** Sealed rows checked. */
  checked: number;
  /** Rows written but not sealed into the chain yet (not checked). */
  unsealed: number;
  problems: string[];
}

/**
 * Records state changes in the audit trail. Always called with the transaction's EntityManager, so a change and its
 * audit row commit or roll back together. The row is written unsealed, without any lock; `AuditSealer` chains it.
 */
@Injectable()
export class AuditService {
  private insert: string | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** `before` is a reserved word on MySQL: the column names are quoted the driver's way. */
  private insertSql(manager: EntityManager): string {
    if (!this.insert) {
      const q = (name: string) => manager.connection.driver.escape(name);
      this.insert =
        `INSERT INTO audit_entry (at, actor, actor_user_id, action, entity_type, entity_id, unit_id, ${q('before')}, ` +
        `${q('after')}, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
    }
    return this.insert;
  }

  /** One INSERT with bound parameters; no lock, no read. */
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await manager.query(this.insertSql(manager), [
      timestampParam(this.clock.now()),
      describeActor(record.actor),
      record.actor.kind === 'user' ? record.actor.userId : null,
      record.action,
      record.entityType,
      String(record.entityId),
      record.unitId,
      record.before === undefined ? null : JSON.stringify(record.before),
      record.after === undefined ? null : JSON.stringify(record.after),
      RequestContext.requestId(),
    ]);
  }

  /** Walks the sealed chain in order: an edited row breaks its own hash, a deleted row breaks a link or the tip. */
  async verify(batchSize = 1000): Promise<AuditVerification> {
    const check = new ChainCheck();
    for (;;) {
      const rows = await this.dataSource
        .getRepository(AuditEntry)
        .createQueryBuilder('a')
        .where('a.seq > :after', { after: check.lastSeq })
        .orderBy('a.seq', 'ASC')
        .limit(batchSize)
        .getMany();
      for (const row of rows) {
        check.add({ ...row, seq: row.seq! });
      }
      if (rows.length < batchSize) {
        break;
      }
    }
    check.end(await readChainTip(this.dataSource.manager));
    const unsealed = await this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .where('a.seq IS NULL')
      .getCount();
    return { ok: check.problems.length === 0, checked: check.checked, unsealed, problems: check.problems };
  }
}

/** A DATETIME(3) value both drivers store as the same UTC instant (SQLite keeps the text, MySQL reads it). */
function timestampParam(instant: Date): string {
  return instant.toISOString().replace('T', ' ').replace('Z', '');
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
