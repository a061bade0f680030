import { ValueTransformer } from 'typeorm';
import type { TraceLine, TraceRef, TraceRefType } from '../scoring/trace';

/** Consecutive refs of one type: the type, then their ids in order. */
type RefRun = [TraceRefType, ...number[]];
type StoredLine = Omit<TraceLine, 'refs'> & { refs: Array<RefRun | TraceRef> };

/**
 * How a trace is stored: each line's refs as runs of one type, `[["obligation", 5705, 5712], ["case", 9]]`, not an
 * object per record. A unit's trace names hundreds of records; as objects it took ~10 KB a unit, which MariaDB keeps
 * off-page and writes slowly (3–4 s for 3,000 units); as runs it is a third of that. Read back, every line has its
 * refs as `{ type, id }` again, in the same order; rows stored before as objects read back unchanged.
 */
export const storedTrace: ValueTransformer = {
  to: (lines: TraceLine[] | undefined): StoredLine[] | undefined =>
    lines?.map((line) => ({ ...line, refs: runsOf(line.refs) })),
  from: (stored: StoredLine[] | null | undefined): TraceLine[] | null | undefined =>
    stored?.map((line) => ({ ...line, refs: line.refs.flatMap(refsOf) })),
};

function runsOf(refs: readonly TraceRef[]): RefRun[] {
  const runs: RefRun[] = [];
  for (const ref of refs) {
    const last = runs[runs.length - 1];
    if (last && last[0] === ref.type) {
      last.push(ref.id);
    } else {
      runs.push([ref.type, ref.id]);
    }
  }
  return runs;
}

function refsOf(stored: RefRun | TraceRef): TraceRef[] {
  if (!Array.isArray(stored)) {
    return [stored];
  }
  const [type, ...ids] = stored;
  return ids.map((id) => ({ type, id }));
}
