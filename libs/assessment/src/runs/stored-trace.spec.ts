import type { TraceLine } from '../scoring/trace';
import { storedTrace } from './stored-trace';

const line = (refs: TraceLine['refs']): TraceLine => ({
  component: 'timeliness',
  category: 'component',
  points: 36.99,
  reason: '报送及时性：应报 12 次，按时报送 9 次',
  refs,
});

describe('storedTrace', () => {
  it('should store refs as runs of one type and read them back in the same order', () => {
    const trace = [
      line([
        { type: 'obligation', id: 5705 },
        { type: 'obligation', id: 5712 },
        { type: 'warning', id: 9 },
        { type: 'obligation', id: 3 },
      ]),
      line([]),
    ];
    const stored = storedTrace.to(trace) as Array<{ refs: unknown[] }>;
    expect(stored[0].refs).toEqual([
      ['obligation', 5705, 5712],
      ['warning', 9],
      ['obligation', 3],
    ]);
    expect(stored[1].refs).toEqual([]);
    expect(storedTrace.from(JSON.parse(JSON.stringify(stored)))).toEqual(trace);
  });

  it('should read a trace stored before, with a ref object per record, unchanged', () => {
    const legacy = [
      line([
        { type: 'case', id: 1 },
        { type: 'interview', id: 2 },
      ]),
    ];
    expect(storedTrace.from(JSON.parse(JSON.stringify(legacy)))).toEqual(legacy);
  });

  it('should keep a third of the size of a long trace', () => {
    const trace = [line(Array.from({ length: 130 }, (_, i) => ({ type: 'obligation' as const, id: 100_000 + i * 7 })))];
    const compact = JSON.stringify(storedTrace.to(trace)).length;
    expect(compact).toBeLessThan(JSON.stringify(trace).length / 3);
  });
});
