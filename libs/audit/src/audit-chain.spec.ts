import { ChainCheck, EMPTY_TIP, EntryContent, linkAfter, SealedRow } from './audit-chain';
import { GENESIS_HASH } from './audit-hash';

const entry = (id: number): EntryContent => ({
  id,
  at: new Date(Date.UTC(2026, 10, 20, 2, 0, id)),
  actor: 'user:liaison',
  action: 'obligation.submit',
  entityType: 'obligation',
  entityId: String(id * 10),
  unitId: 3,
  before: '{"status":"open"}',
  after: '{"status":"submitted"}',
});

function sealed(ids: number[]): SealedRow[] {
  const rows = ids.map(entry);
  const { links } = linkAfter(EMPTY_TIP, rows);
  return rows.map((row, index) => ({ ...row, ...links[index] }));
}

function check(rows: SealedRow[], tipOf: SealedRow[] = rows): ChainCheck {
  const result = new ChainCheck();
  rows.forEach((row) => result.add(row));
  const last = tipOf.at(-1);
  result.end(last ? { lastSeq: last.seq, lastId: last.id, lastHash: last.hash! } : EMPTY_TIP);
  return result;
}

describe('linkAfter', () => {
  it('should number rows after the tip and link each to the previous hash, starting from genesis', () => {
    const { links, tip } = linkAfter(EMPTY_TIP, [entry(4), entry(2)]);
    expect(links.map((l) => [l.id, l.seq])).toEqual([
      [4, 1],
      [2, 2],
    ]);
    expect(links[0].prevHash).toBe(GENESIS_HASH);
    expect(links[1].prevHash).toBe(links[0].hash);
    expect(tip).toEqual({ lastSeq: 2, lastId: 2, lastHash: links[1].hash });
  });

  it('should continue a chain sealed in two batches exactly as if sealed in one', () => {
    const once = linkAfter(EMPTY_TIP, [entry(1), entry(2), entry(3)]);
    const first = linkAfter(EMPTY_TIP, [entry(1)]);
    const second = linkAfter(first.tip, [entry(2), entry(3)]);
    expect([...first.links, ...second.links]).toEqual(once.links);
  });
});

describe('ChainCheck', () => {
  it('should pass an intact chain and an empty one', () => {
    expect(check(sealed([1, 2, 3])).problems).toEqual([]);
    expect(check([]).problems).toEqual([]);
  });

  it('should name an edited row', () => {
    const rows = sealed([1, 2, 3]);
    rows[1] = { ...rows[1], after: '{"status":"accepted"}' };
    expect(check(rows).problems).toEqual(['#2: content does not match its hash (the row was edited)']);
  });

  it('should name the row after a deleted one, and notice two rows swapped', () => {
    const rows = sealed([1, 2, 3, 4]);
    expect(check([rows[0], rows[2], rows[3]], rows).problems).toEqual([
      '#3: previous-hash link broken (a row before it was deleted or edited)',
    ]);
    expect(check([rows[0], rows[2], rows[1], rows[3]], rows).problems).toHaveLength(3);
  });

  it('should notice a deleted last row by the tip', () => {
    const rows = sealed([1, 2, 3]);
    expect(check(rows.slice(0, 2), rows).problems).toEqual([
      'chain tip points at #3 (position 3) but the last sealed row is #2 (position 2): rows were deleted or the tip was edited',
    ]);
  });

  it('should refuse a sealed row without a hash', () => {
    const rows = sealed([1]);
    expect(check([{ ...rows[0], hash: null }], rows).problems).toContain(
      '#1: content does not match its hash (the row was edited)',
    );
  });
});
