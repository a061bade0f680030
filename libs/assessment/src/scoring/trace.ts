import type { Component } from '../scheme/scoring-scheme';

/** What a trace line points at: the records that earned or cost the points. */
export const TRACE_REF_TYPES = [
  'obligation',
  'warning',
  'case',
  'interview',
  'submission',
  'indicator',
  'task',
  'bonus',
  'adjustment',
  'appeal',
] as const;
export type TraceRefType = (typeof TRACE_REF_TYPES)[number];

export interface TraceRef {
  type: TraceRefType;
  id: number;
}

/** component: the weighted parts; deduction, bonus, adjustment (office, appeal, correction); floor: not below 0. */
export const TRACE_CATEGORIES = ['component', 'deduction', 'bonus', 'adjustment', 'floor'] as const;
export type TraceCategory = (typeof TRACE_CATEGORIES)[number];

export type TraceComponent =
  | Component
  | 'yellowWarnings'
  | 'redWarnings'
  | 'progressLagWarnings'
  | 'supervisionCases'
  | 'interviews'
  | 'deductionCap'
  | 'bonus'
  | 'bonusCap'
  | 'adjustment'
  | 'appeal'
  | 'correction'
  | 'floor';

/** One line of a unit's score: the points (two decimals), why, and the records behind them. */
export interface TraceLine {
  component: TraceComponent;
  category: TraceCategory;
  points: number;
  reason: string;
  refs: TraceRef[];
}

/** Points are summed in hundredths, so the lines add up to the total exactly, never off by a float's rounding. */
export const toCents = (points: number): number => roundHalfUp(points * 100);

/**
 * Rounds to an integer, halves up, after dropping float noise: 15 × 0.825 × 100 is 1237.4999999999998 in binary
 * floating point and must round as the 1237.5 it means.
 */
export function roundHalfUp(value: number): number {
  return Math.round(Number(value.toPrecision(12)));
}
export const fromCents = (cents: number): number => cents / 100;

export function sumCents(lines: readonly TraceLine[]): number {
  return lines.reduce((sum, line) => sum + toCents(line.points), 0);
}

/** `12.5` → `12.5`, `3` → `3`: how points read in a reason. */
export function formatPoints(points: number): string {
  return String(fromCents(toCents(points)));
}
