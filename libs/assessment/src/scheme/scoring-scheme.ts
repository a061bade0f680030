import { DomainError, FieldErrors } from '@app/core';

/** The four scored components; their weights sum to 100. */
export const COMPONENTS = ['timeliness', 'completion', 'reviewQuality', 'indicators'] as const;
export type Component = (typeof COMPONENTS)[number];

export const COMPONENT_LABELS: Record<Component, string> = {
  timeliness: '报送及时性',
  completion: '任务完成情况',
  reviewQuality: '报送质量',
  indicators: '指标完成情况',
};

export type ComponentWeights = Record<Component, number>;

/** Points taken off per record (positive numbers); the first `freeYellowWarnings` yellow cards cost nothing. */
export interface DeductionRules {
  freeYellowWarnings: number;
  yellowWarning: number;
  redWarning: number;
  progressLagWarning: number;
  supervisionCase: number;
  interview: number;
  /** The most a unit can lose through deductions in a year; null: no cap. */
  cap: number | null;
}

/** Minimum totals of each grade: 优秀 ≥ excellent, 良好 ≥ good, 合格 ≥ pass, else 不合格. */
export interface GradeThresholds {
  excellent: number;
  good: number;
  pass: number;
}

export interface ScoringScheme {
  weights: ComponentWeights;
  deductions: DeductionRules;
  /** The most recognised innovations (先行先试) can add to a unit's total. */
  bonusCap: number;
  grades: GradeThresholds;
  /** Working days after the release of the draft during which a unit may appeal (申诉). */
  appealWorkingDays: number;
}

/** The defaults, in the style of common practice; `libs/assessment/README.md` explains them. */
export const DEFAULT_SCHEME: ScoringScheme = {
  weights: { timeliness: 25, completion: 40, reviewQuality: 15, indicators: 20 },
  deductions: {
    freeYellowWarnings: 1,
    yellowWarning: 1,
    redWarning: 2,
    progressLagWarning: 0,
    supervisionCase: 2,
    interview: 3,
    cap: null,
  },
  bonusCap: 5,
  grades: { excellent: 90, good: 80, pass: 60 },
  appealWorkingDays: 5,
};

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

export function gradeOf(total: number, grades: GradeThresholds): Grade {
  if (total >= grades.excellent) {
    return 'excellent';
  }
  if (total >= grades.good) {
    return 'good';
  }
  return total >= grades.pass ? 'pass' : 'fail';
}

const MAX_POINTS = 100;

/**
 * Checks a scheme as a whole and reports every problem by field (`weights`, `deductions.cap`, `grades` …), so the
 * office fixes them in one go. Returns a normalised copy.
 */
export function checkScheme(scheme: ScoringScheme): ScoringScheme {
  const fields: FieldErrors = {};
  const fail = (field: string, reason: string) => (fields[field] ??= []).push(reason);
  const points = (field: string, value: unknown, max = MAX_POINTS): number => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      fail(field, '必须是数字');
      return 0;
    }
    if (value < 0) {
      fail(field, '不能为负数');
    } else if (value > max) {
      fail(field, `不能大于 ${max}`);
    } else if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
      fail(field, '最多保留两位小数');
    }
    return value;
  };
  const integer = (field: string, value: unknown, min: number, max: number): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(field, `必须是 ${min}–${max} 的整数`);
      return min;
    }
    return value;
  };

  const weights = Object.fromEntries(
    COMPONENTS.map((c) => [c, points(`weights.${c}`, scheme.weights?.[c])]),
  ) as ComponentWeights;
  const sumCents = COMPONENTS.reduce((sum, c) => sum + Math.round(weights[c] * 100), 0);
  if (!Object.keys(fields).some((f) => f.startsWith('weights.')) && sumCents !== 100 * 100) {
    fail('weights', `各项权重之和须为 100（当前为 ${sumCents / 100}）`);
  }

  const d = scheme.deductions ?? ({} as DeductionRules);
  const deductions: DeductionRules = {
    freeYellowWarnings: integer('deductions.freeYellowWarnings', d.freeYellowWarnings, 0, 100),
    yellowWarning: points('deductions.yellowWarning', d.yellowWarning),
    redWarning: points('deductions.redWarning', d.redWarning),
    progressLagWarning: points('deductions.progressLagWarning', d.progressLagWarning),
    supervisionCase: points('deductions.supervisionCase', d.supervisionCase),
    interview: points('deductions.interview', d.interview),
    cap: d.cap === null || d.cap === undefined ? null : points('deductions.cap', d.cap),
  };
  const bonusCap = points('bonusCap', scheme.bonusCap);

  const g = scheme.grades ?? ({} as GradeThresholds);
  const grades: GradeThresholds = {
    excellent: points('grades.excellent', g.excellent),
    good: points('grades.good', g.good),
    pass: points('grades.pass', g.pass),
  };
  if (
    !Object.keys(fields).some((f) => f.startsWith('grades.')) &&
    !(grades.pass < grades.good && grades.good < grades.excellent)
  ) {
    fail('grades', '等级分数线须满足 合格 < 良好 < 优秀');
  }
  const appealWorkingDays = integer('appealWorkingDays', scheme.appealWorkingDays, 1, 60);

  const names = Object.keys(fields);
  if (names.length > 0) {
    throw new DomainError('VALIDATION', `${names[0]}：${fields[names[0]][0]}`, fields);
  }
  return { weights, deductions, bonusCap, grades, appealWorkingDays };
}
