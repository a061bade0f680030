import { GENESIS_HASH, HashedFields, hashAuditEntry } from './audit-hash';

/** The end of the sealed chain: the last sealed row's position, id and hash (position 0 and the genesis hash when empty). */
export interface ChainTip {
  lastSeq: number;
  lastId: number;
  lastHash: string;
}

export type EntryContent = Omit<HashedFields, 'prevHash'>;

/** Where sealing puts a row: its position in the chain and its link. */
export interface ChainLink {
  id: number;
  seq: number;
  prevHash: string;
  hash: string;
}

export type SealedRow = EntryContent & { seq: number; prevHash: string | null; hash: string | null };

export const EMPTY_TIP: ChainTip = { lastSeq: 0, lastId: 0, lastHash: GENESIS_HASH };

/** Appends rows to the chain after `tip`, in the order given; returns their links and the new tip. */
export function linkAfter(tip: ChainTip, rows: EntryContent[]): { links: ChainLink[]; tip: ChainTip } {
  let { lastSeq, lastId, lastHash } = tip;
  const links = rows.map((row) => {
    const link = {
      id: row.id,
      seq: lastSeq + 1,
      prevHash: lastHash,
      hash: hashAuditEntry({ ...row, prevHash: lastHash }),
    };
    lastSeq = link.seq;
    lastId = link.id;
    lastHash = link.hash;
    return link;
  });
  return { links, tip: { lastSeq, lastId, lastHash } };
}

/**
 * Checks sealed rows fed in chain order: an edited row no longer matches its hash, a deleted row breaks the next
 * row's link, and a deleted last row no longer matches the tip recorded by the sealer.
 */
export class ChainCheck {
  readonly problems: string[] = [];
  checked = 0;
  private prevHash = GENESIS_HASH;
  private last: { seq: number; id: number } = { seq: 0, id: 0 };

  get lastSeq(): number {
    return this.last.seq;
  }

  add(row: SealedRow): void {
    if (row.prevHash !== this.prevHash) {
      this.problems.push(`#${row.id}: previous-hash link broken (a row before it was deleted or edited)`);
    }
    if (row.hash === null || row.prevHash === null || hashAuditEntry({ ...row, prevHash: row.prevHash }) !== row.hash) {
      this.problems.push(`#${row.id}: content does not match its hash (the row was edited)`);
    }
    this.prevHash = row.hash ?? '';
    this.last = { seq: row.seq, id: row.id };
    this.checked++;
  }

  /** Compares the last row checked with the tip the sealer recorded (null: no tip row at all). */
  end(tip: ChainTip | null): void {
    if (!tip) {
      if (this.checked > 0) {
        this.problems.push('the chain tip row is missing (audit_chain_head was deleted)');
      }
      return;
    }
    if (tip.lastSeq !== this.last.seq || tip.lastHash !== this.prevHash) {
      this.problems.push(
        `chain tip points at #${tip.lastId} (position ${tip.lastSeq}) but the last sealed row is #${this.last.id} ` +
          `(position ${this.last.seq}): rows were deleted or the tip was edited`,
      );
    }
  }
}
