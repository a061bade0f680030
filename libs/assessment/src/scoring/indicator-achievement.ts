/** How an indicator's target reads: at least (>=), at most (<=), or about (=). */
export type IndicatorComparator = '>=' | '<=' | '=';

/** An approximate target (`90%左右`) is met within this share of the target. */
export const APPROXIMATE_TOLERANCE = 0.05;

export interface IndicatorMeasure {
  comparator: IndicatorComparator;
  target: number | null;
  approximate: boolean;
  actual: number | null;
}

/**
 * The share of the target achieved, 0–1, capped at 1; null when there is nothing to compare (no target, no actual):
 * such an indicator is left out of the mean, not scored 0.
 * - `>=`: actual / target (a target of 0 or less is met by any actual at or above it);
 * - `<=`: met at or below the target, else target / actual (a target of 0 or less: 0 when exceeded);
 * - `=`: 1 − relative deviation, with `APPROXIMATE_TOLERANCE` for `左右`.
 */
export function indicatorAchievement(measure: IndicatorMeasure): number | null {
  const { comparator, target, actual } = measure;
  if (target === null || actual === null || !Number.isFinite(target) || !Number.isFinite(actual)) {
    return null;
  }
  switch (comparator) {
    case '>=':
      if (actual >= target) {
        return 1;
      }
      return target <= 0 ? 0 : clamp(actual / target);
    case '<=':
      if (actual <= target) {
        return 1;
      }
      return target <= 0 ? 0 : clamp(target / actual);
    case '=': {
      if (target === 0) {
        return actual === 0 ? 1 : 0;
      }
      const deviation = Math.abs(actual - target) / Math.abs(target);
      if (deviation <= (measure.approximate ? APPROXIMATE_TOLERANCE : 0)) {
        return 1;
      }
      return clamp(1 - deviation);
    }
  }
}

function clamp(share: number): number {
  return Math.min(1, Math.max(0, share));
}
