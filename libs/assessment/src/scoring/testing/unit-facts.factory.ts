import { emptyFacts, IndicatorFact, UnitFacts } from '../unit-facts';

/** A unit's facts for pure tests: one assignment and nothing else unless given. */
export function unitFacts(overrides: Partial<UnitFacts> = {}): UnitFacts {
  return { ...emptyFacts(overrides.unitId ?? 1), assignments: 1, ...overrides };
}

/** Obligations: `onTime` of `counted`, the rest late unless listed as missing. */
export function reports(counted: number, onTime: number, missingIds: number[] = []): Partial<UnitFacts> {
  const missed = Array.from({ length: counted - onTime }, (_, i) => 100 + i).map((id) => ({
    obligationId: id,
    missing: missingIds.includes(id),
  }));
  return { obligationsCounted: counted, obligationsOnTime: onTime, missed };
}

/** Ratings as `{ 5: 4, 4: 2 }` (rating → times). */
export function ratings(times: Partial<Record<1 | 2 | 3 | 4 | 5, number>>): Partial<UnitFacts> {
  const counts: UnitFacts['ratings'] = [0, 0, 0, 0, 0, 0];
  const low: UnitFacts['lowRatings'] = [];
  let submissionId = 500;
  for (const rating of [1, 2, 3, 4, 5] as const) {
    counts[rating] = times[rating] ?? 0;
    for (let i = 0; i < counts[rating] && rating <= 3; i++) {
      low.push({ submissionId: submissionId++, rating });
    }
  }
  return { ratings: counts, lowRatings: low };
}

export function indicator(overrides: Partial<IndicatorFact> = {}): IndicatorFact {
  return {
    indicatorId: 1,
    name: '受污染耕地安全利用率',
    comparator: '>=',
    target: 90,
    approximate: false,
    actual: 90,
    submissionId: 700,
    ...overrides,
  };
}

export function warnings(kind: 'yellow' | 'red' | 'progress_lag', count: number, firstId = 1): UnitFacts['warnings'] {
  return Array.from({ length: count }, (_, i) => ({ id: firstId + i, kind }));
}
