import type { EntityManager } from 'typeorm';
import type { ChainTip } from './audit-chain';
import { CHAIN_TIP_ID } from './audit-entry.entity';

const SELECT_TIP =
  'SELECT last_seq AS lastSeq, last_id AS lastId, last_hash AS lastHash FROM audit_chain_head WHERE id = ?';

/** The tip row, or null when there is none (or, with `lockClause`, when another transaction holds it). */
export async function readChainTip(executor: Pick<EntityManager, 'query'>, lockClause = ''): Promise<ChainTip | null> {
  const [tip] = await executor.query<ChainTip[]>(`${SELECT_TIP}${lockClause}`, [CHAIN_TIP_ID]);
  return tip ? { lastSeq: Number(tip.lastSeq), lastId: Number(tip.lastId), lastHash: tip.lastHash } : null;
}
