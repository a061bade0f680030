import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@app/core';
import { ChainLink, ChainTip, linkAfter } from './audit-chain';
import { AuditEntry, CHAIN_TIP_ID } from './audit-entry.entity';
import { readChainTip } from './chain-tip';

export const SEAL_BATCH = 500;
/** Rows per UPDATE statement: 7 bound values each, well under every driver's parameter limit. */
const ROWS_PER_UPDATE = 100;

/**
 * Puts committed audit rows into the hash chain, in id order, shortly after their transactions commit. The only
 * writer of the chain: it alone locks the tip row, so business transactions never wait for one another here.
 * Safe with several instances: on MySQL a sealer that finds the tip locked skips its turn (SKIP LOCKED); on
 * SQLite there is one writer; and the tip moves only from the position the sealer read, so a lost race rolls back.
 */
@Injectable()
export class AuditSealer {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Seals what is waiting, batch after batch; returns how many rows it sealed (0 when another sealer is at work). */
  async sealPending(batchSize = SEAL_BATCH, maxBatches = 200): Promise<number> {
    let sealed = 0;
    for (let batch = 0; batch < maxBatches; batch++) {
      const count = await this.unitOfWork.run((em) => this.sealBatch(em, batchSize));
      sealed += count;
      if (count < batchSize) {
        break;
      }
    }
    return sealed;
  }

  private async sealBatch(em: EntityManager, limit: number): Promise<number> {
    const tip = await this.lockTip(em);
    if (!tip) {
      return 0;
    }
    const rows = await em
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .select(['a.id', 'a.at', 'a.actor', 'a.action', 'a.entityType', 'a.entityId', 'a.unitId', 'a.before', 'a.after'])
      .where('a.seq IS NULL')
      .orderBy('a.id', 'ASC')
      .limit(limit)
      .getMany();
    if (rows.length === 0) {
      return 0;
    }
    const { links, tip: next } = linkAfter(tip, rows);
    for (let start = 0; start < links.length; start += ROWS_PER_UPDATE) {
      await this.writeLinks(em, links.slice(start, start + ROWS_PER_UPDATE));
    }
    const moved = await run(
      em,
      'UPDATE audit_chain_head SET last_seq = ?, last_id = ?, last_hash = ? WHERE id = ? AND last_seq = ?',
      [next.lastSeq, next.lastId, next.lastHash, CHAIN_TIP_ID, tip.lastSeq],
    );
    if (moved !== 1) {
      throw new Error('audit chain tip moved while sealing (another sealer won the race); rolled back');
    }
    return rows.length;
  }

  private async writeLinks(em: EntityManager, links: ChainLink[]): Promise<void> {
    const cases = links.map(() => 'WHEN ? THEN ?').join(' ');
    const sql =
      `UPDATE audit_entry SET seq = CASE id ${cases} END, prev_hash = CASE id ${cases} END, ` +
      `hash = CASE id ${cases} END WHERE id IN (${links.map(() => '?').join(', ')}) AND seq IS NULL`;
    const params = [
      ...links.flatMap((l) => [l.id, l.seq]),
      ...links.flatMap((l) => [l.id, l.prevHash]),
      ...links.flatMap((l) => [l.id, l.hash]),
      ...links.map((l) => l.id),
    ];
    const updated = await run(em, sql, params);
    if (updated !== links.length) {
      throw new Error(
        `audit rows sealed by someone else meanwhile (${updated} of ${links.length} updated); rolled back`,
      );
    }
  }

  /** The tip, locked for this transaction; null when another instance's sealer holds it (MySQL only). */
  private async lockTip(em: EntityManager): Promise<ChainTip | null> {
    const mysql = em.connection.options.type === 'mysql';
    const tip = await readChainTip(em, mysql ? ' FOR UPDATE SKIP LOCKED' : '');
    if (tip) {
      return tip;
    }
    if (!(await readChainTip(em))) {
      throw new Error('audit_chain_head has no tip row: the database was not migrated, or the row was deleted');
    }
    return null;
  }
}

/** Runs a write and answers how many rows it changed, on either driver. */
async function run(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const result = await em.queryRunner!.query(sql, params, true);
  return (result as { affected?: number }).affected ?? 0;
}
