import fc from 'fast-check';
import { DEFAULT_SCHEME, ScoringScheme } from '../scheme/scoring-scheme';
import { NOTE_NO_ASSIGNMENTS, NOTE_NOTHING_DUE, finalizeScore, scoreUnit } from './score-unit';
import { indicator, ratings, reports, unitFacts, warnings } from './testing/unit-facts.factory';
import { sumCents, toCents, TraceLine } from './trace';

const pointsOf = (trace: TraceLine[], component: string) =>
  trace.filter((l) => l.component === component).reduce((sum, l) => sum + l.points, 0);

describe('scoreUnit', () => {
  describe('units without a score', () => {
    it('should list a unit with no tasks with a note and no score, not 0', () => {
      const score = scoreUnit(unitFacts({ assignments: 0 }), DEFAULT_SCHEME);
      expect(score).toEqual({ scored: false, note: NOTE_NO_ASSIGNMENTS, trace: [], breakdown: null, grade: null });
    });

    it('should not score a unit whose tasks had nothing due in the year', () => {
      const score = scoreUnit(unitFacts({ assignments: 3 }), DEFAULT_SCHEME);
      expect(score.scored).toBe(false);
      expect(score.note).toBe(NOTE_NOTHING_DUE);
    });
  });

  describe('weighted components', () => {
    it('should score the hand-computed case with every component, deduction, capped bonus and adjustment', () => {
      const score = scoreUnit(
        unitFacts({
          // 8 of 10 on time → 25 × 0.8 = 20
          ...reports(10, 8, [101]),
          // 3 of 4 deadlines met → 40 × 0.75 = 30
          completion: [
            { taskId: 1, deadline: '2026-06-30', metSubmissionId: 11 },
            { taskId: 2, deadline: '2026-09-30', metSubmissionId: 12 },
            { taskId: 3, deadline: '2026-12-31', metSubmissionId: 13 },
            { taskId: 4, deadline: '2026-12-31', metSubmissionId: null },
          ],
          // mean (4×5 + 2×4 + 3 + 2) / 8 = 4.125 → 15 × 4.125 / 5 = 12.375 → 12.38
          ...ratings({ 5: 4, 4: 2, 3: 1, 2: 1 }),
          // (81/90 + 10/12.5) / 2 = 0.85 → 20 × 0.85 = 17; no target and no actual are left out
          indicators: [
            indicator({ indicatorId: 1, target: 90, actual: 81 }),
            indicator({ indicatorId: 2, comparator: '<=', target: 10, actual: 12.5 }),
            indicator({ indicatorId: 3, target: null, actual: 50 }),
            indicator({ indicatorId: 4, actual: null, submissionId: null }),
          ],
          // yellow 3 (first free) −2, red −2, case −2, interview −3 = −9
          warnings: [...warnings('yellow', 3, 1), ...warnings('red', 1, 10)],
          cases: [21],
          interviews: [31],
          // 3 + 4 capped at 5
          bonuses: [
            { id: 41, points: 3, reason: '率先建立台账' },
            { id: 42, points: 4, reason: '试点修复模式' },
          ],
          adjustments: [{ id: 51, kind: 'adjustment', points: 1.5, reason: '补报材料经核实', appealId: null }],
        }),
        DEFAULT_SCHEME,
      );
      expect(score.breakdown).toEqual({
        timeliness: 20,
        completion: 30,
        reviewQuality: 12.38,
        indicators: 17,
        deductions: -9,
        bonus: 5,
        adjustments: 1.5,
        floor: 0,
        total: 76.88,
      });
      expect(score.grade).toBe('pass');
      expect(pointsOf(score.trace, 'yellowWarnings')).toBe(-2);
      expect(pointsOf(score.trace, 'bonusCap')).toBe(-2);
      const indicators = score.trace.find((l) => l.component === 'indicators');
      expect(indicators?.reason).toContain('不计入 2 项');
      expect(indicators?.refs).toContainEqual({ type: 'indicator', id: 1 });
      expect(indicators?.refs).not.toContainEqual({ type: 'indicator', id: 3 });
    });

    it('should count a year reported all as 无此项任务 as fully on time and leave its deadlines out', () => {
      // The reader counts no_task declarations as on-time reports and leaves the deadline out (not concerned).
      const score = scoreUnit(unitFacts({ ...reports(12, 12), completionNotConcerned: 1 }), DEFAULT_SCHEME);
      expect(score.breakdown?.total).toBe(100);
      expect(score.grade).toBe('excellent');
      expect(score.trace.find((l) => l.component === 'completion')).toMatchObject({ points: 0 });
      expect(score.trace.find((l) => l.component === 'timeliness')?.reason).toContain('折算权重 100');
    });

    it('should spread the weight of components without records over the others', () => {
      // timeliness 25 and review 15 count: 25/40 × 100 × 1 = 62.5, 15/40 × 100 × 3/5 = 22.5
      const score = scoreUnit(unitFacts({ ...reports(4, 4), ...ratings({ 3: 2 }) }), DEFAULT_SCHEME);
      expect(score.breakdown).toMatchObject({ timeliness: 62.5, reviewQuality: 22.5, total: 85 });
      expect(score.grade).toBe('good');
    });

    it('should leave out an indicator without target rather than score it 0', () => {
      const withTarget = unitFacts({ ...reports(1, 1), indicators: [indicator({ actual: 90 })] });
      const alsoWithout = {
        ...withTarget,
        indicators: [indicator({ actual: 90 }), indicator({ indicatorId: 2, target: null })],
      };
      expect(scoreUnit(alsoWithout, DEFAULT_SCHEME).breakdown).toEqual(scoreUnit(withTarget, DEFAULT_SCHEME).breakdown);
    });
  });

  describe('deductions', () => {
    const base = unitFacts(reports(2, 2));

    it('should not deduct for the first yellow warning and deduct 1 for each further one', () => {
      expect(scoreUnit({ ...base, warnings: warnings('yellow', 1) }, DEFAULT_SCHEME).breakdown?.deductions).toBe(0);
      expect(scoreUnit({ ...base, warnings: warnings('yellow', 4) }, DEFAULT_SCHEME).breakdown?.deductions).toBe(-3);
    });

    it('should deduct 2 per red warning, 2 per supervision case and 3 per interview', () => {
      const score = scoreUnit(
        { ...base, warnings: warnings('red', 2), cases: [1, 2], interviews: [3] },
        DEFAULT_SCHEME,
      );
      expect(score.breakdown?.deductions).toBe(-11);
      expect(score.trace.find((l) => l.component === 'supervisionCases')?.refs).toEqual([
        { type: 'case', id: 1 },
        { type: 'case', id: 2 },
      ]);
    });

    it('should not deduct for progress-lag warnings by default but list them', () => {
      const score = scoreUnit({ ...base, warnings: warnings('progress_lag', 2) }, DEFAULT_SCHEME);
      expect(score.trace.find((l) => l.component === 'progressLagWarnings')).toMatchObject({ points: 0 });
    });

    it('should stop deductions at the cap when the scheme sets one', () => {
      const scheme: ScoringScheme = { ...DEFAULT_SCHEME, deductions: { ...DEFAULT_SCHEME.deductions, cap: 5 } };
      const score = scoreUnit({ ...base, interviews: [1, 2, 3] }, scheme);
      expect(score.breakdown?.deductions).toBe(-5);
      expect(score.trace.find((l) => l.component === 'deductionCap')?.points).toBe(4);
    });

    it('should not let the total fall below 0', () => {
      const score = scoreUnit(
        unitFacts({ ...reports(2, 0, [100, 101]), warnings: warnings('red', 2), cases: [1], interviews: [2] }),
        DEFAULT_SCHEME,
      );
      expect(score.breakdown).toMatchObject({ total: 0, floor: 9 });
      expect(score.grade).toBe('fail');
    });

    it('should use configured deduction values', () => {
      const scheme: ScoringScheme = {
        ...DEFAULT_SCHEME,
        deductions: { ...DEFAULT_SCHEME.deductions, freeYellowWarnings: 0, yellowWarning: 0.5 },
      };
      expect(scoreUnit({ ...base, warnings: warnings('yellow', 3) }, scheme).breakdown?.deductions).toBe(-1.5);
    });
  });

  describe('finalizeScore', () => {
    it('should rebuild the adjustment lines without touching the lines computed from the records', () => {
      const first = scoreUnit(unitFacts(reports(4, 3)), DEFAULT_SCHEME);
      const adjusted = finalizeScore(
        first.trace,
        [{ id: 9, kind: 'appeal', points: 6.25, reason: '申诉采纳', appealId: 3 }],
        DEFAULT_SCHEME,
      );
      expect(adjusted.breakdown?.total).toBe(81.25);
      expect(adjusted.trace.slice(0, first.trace.length)).toEqual(first.trace);
      expect(adjusted.trace.at(-1)?.refs).toEqual([
        { type: 'adjustment', id: 9 },
        { type: 'appeal', id: 3 },
      ]);
    });
  });

  describe('trace', () => {
    const count = fc.integer({ min: 0, max: 40 });
    const facts = fc
      .record({
        counted: count,
        late: count,
        items: fc.array(fc.boolean(), { maxLength: 6 }),
        rated: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 12 }),
        actuals: fc.array(fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: null }), { maxLength: 4 }),
        yellow: fc.integer({ min: 0, max: 6 }),
        red: fc.integer({ min: 0, max: 4 }),
        cases: fc.integer({ min: 0, max: 3 }),
        bonuses: fc.array(
          fc.integer({ min: 1, max: 800 }).map((c) => c / 100),
          { maxLength: 3 },
        ),
        adjustments: fc.array(
          fc.integer({ min: -1000, max: 1000 }).map((c) => c / 100),
          { maxLength: 3 },
        ),
      })
      .map((r) => {
        const times: Partial<Record<1 | 2 | 3 | 4 | 5, number>> = {};
        r.rated.forEach((rating) => (times[rating as 1] = (times[rating as 1] ?? 0) + 1));
        return unitFacts({
          ...reports(r.counted, Math.max(0, r.counted - r.late)),
          completion: r.items.map((met, i) => ({ taskId: i, deadline: '2026-12-31', metSubmissionId: met ? i : null })),
          ...ratings(times),
          indicators: r.actuals.map((actual, i) => indicator({ indicatorId: i, target: 37 + i, actual })),
          warnings: [...warnings('yellow', r.yellow), ...warnings('red', r.red, 100)],
          cases: Array.from({ length: r.cases }, (_, i) => i + 1),
          bonuses: r.bonuses.map((points, i) => ({ id: i, points, reason: '加分' })),
          adjustments: r.adjustments.map((points, i) => ({
            id: i,
            kind: 'adjustment',
            points,
            reason: '调整',
            appealId: null,
          })),
        });
      });

    it('should add up exactly to the total, to the hundredth', () => {
      fc.assert(
        fc.property(facts, (unit) => {
          const score = scoreUnit(unit, DEFAULT_SCHEME);
          if (!score.scored) {
            return score.trace.length === 0 && score.breakdown === null;
          }
          const total = score.breakdown?.total ?? NaN;
          return sumCents(score.trace) === toCents(total) && total >= 0 && Number.isInteger(toCents(total));
        }),
      );
    });

    it('should keep the weighted components within their weights', () => {
      fc.assert(
        fc.property(facts, (unit) => {
          const b = scoreUnit(unit, DEFAULT_SCHEME).breakdown;
          return b === null || b.timeliness + b.completion + b.reviewQuality + b.indicators <= 100.0001;
        }),
      );
    });
  });
});
