import { emptyCounts, onTimeRate, worstState } from './report-state';

describe('report state', () => {
  describe(onTimeRate.name, () => {
    it('should count on-time reports against those due, leaving out declarations and reports not yet due', () => {
      expect(onTimeRate({ ...emptyCounts(), on_time: 3, late: 1, nothing_to_report: 5, not_due: 7 })).toBe(0.75);
      expect(onTimeRate({ ...emptyCounts(), on_time: 1, missing: 2 })).toBe(0.3333);
    });

    it('should be null when nothing was due', () => {
      expect(onTimeRate({ ...emptyCounts(), nothing_to_report: 2, not_due: 1 })).toBeNull();
    });
  });

  describe(worstState.name, () => {
    it('should let the worst report of a cell decide', () => {
      expect(worstState({ ...emptyCounts(), on_time: 4, missing: 1 })).toBe('missing');
      expect(worstState({ ...emptyCounts(), on_time: 4, late: 1, not_due: 2 })).toBe('late');
      expect(worstState({ ...emptyCounts(), on_time: 1, not_due: 2 })).toBe('not_due');
      expect(worstState({ ...emptyCounts(), on_time: 1, nothing_to_report: 2 })).toBe('on_time');
      expect(worstState({ ...emptyCounts(), nothing_to_report: 2 })).toBe('nothing_to_report');
      expect(worstState(emptyCounts())).toBeNull();
    });
  });
});
