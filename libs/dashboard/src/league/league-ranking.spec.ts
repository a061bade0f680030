import { emptyCounts } from '../sql/report-state';
import { honourList, UnitRecord, warnedList } from './league-ranking';

const unit = (unitId: number, patch: Partial<UnitRecord> = {}): UnitRecord => ({
  unitId,
  unitName: `单位${unitId}`,
  yellowWarnings: 0,
  redWarnings: 0,
  progressLagWarnings: 0,
  cases: 0,
  interviews: 0,
  counts: emptyCounts(),
  ...patch,
});

describe('league ranking', () => {
  describe(warnedList.name, () => {
    it('should put cases before red warnings before yellow ones, and share ranks on ties', () => {
      const list = warnedList(
        [
          unit(1, { yellowWarnings: 3 }),
          unit(2, { cases: 1, redWarnings: 1 }),
          unit(3, { redWarnings: 2 }),
          unit(4, { yellowWarnings: 3 }),
          unit(5, { counts: { ...emptyCounts(), on_time: 3 } }),
        ],
        10,
      );
      expect(list.map((e) => [e.unitId, e.rank])).toEqual([
        [2, 1],
        [3, 2],
        [1, 3],
        [4, 3],
      ]);
    });
  });

  describe(honourList.name, () => {
    it('should rank clean units by on-time rate, then by reports on time, leaving out warned and idle ones', () => {
      const list = honourList(
        [
          unit(1, { counts: { ...emptyCounts(), on_time: 2 } }),
          unit(2, { counts: { ...emptyCounts(), on_time: 5 } }),
          unit(3, { counts: { ...emptyCounts(), on_time: 9, late: 1 } }),
          unit(4, { counts: { ...emptyCounts(), on_time: 9 }, yellowWarnings: 1 }),
          unit(5, { counts: { ...emptyCounts(), nothing_to_report: 4 } }),
        ],
        2,
      );
      expect(list.map((e) => [e.unitId, e.rank, e.onTimeRate])).toEqual([
        [2, 1, 1],
        [1, 2, 1],
      ]);
    });
  });
});
