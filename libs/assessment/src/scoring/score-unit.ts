import { COMPONENT_LABELS, Grade, gradeOf, ScoringScheme } from '../scheme/scoring-scheme';
import type { Component } from '../scheme/scoring-scheme';
import { indicatorAchievement } from './indicator-achievement';
import {
  formatPoints,
  fromCents,
  roundHalfUp,
  sumCents,
  toCents,
  TraceCategory,
  TraceComponent,
  TraceLine,
  TraceRef,
} from './trace';
import type { AdjustmentFact, DeductedWarningKind, UnitFacts } from './unit-facts';

/** Points per category; they add up to `total`. */
export interface ScoreBreakdown {
  timeliness: number;
  completion: number;
  reviewQuality: number;
  indicators: number;
  deductions: number;
  bonus: number;
  adjustments: number;
  floor: number;
  total: number;
}

export interface UnitScore {
  scored: boolean;
  /** Why a unit has no score (no tasks, nothing due). */
  note: string | null;
  trace: TraceLine[];
  breakdown: ScoreBreakdown | null;
  grade: Grade | null;
}

export const NOTE_NO_ASSIGNMENTS = '未承担本计划任务，不参加本年度考核';
export const NOTE_NOTHING_DUE = '本年度无到期的考核事项（报送未到期或均已免报、无到期任务、无评分和指标），不计分';

interface ComponentOutcome {
  component: Component;
  applicable: boolean;
  /** Share of the component's weight earned, 0–1. */
  rate: number;
  reason: string;
  refs: TraceRef[];
}

/** A unit's score from its facts: weighted components, deductions, capped bonuses, adjustments, floor at 0. */
export function scoreUnit(facts: UnitFacts, scheme: ScoringScheme): UnitScore {
  const base = baseLines(facts, scheme);
  if (!base) {
    return {
      scored: false,
      note: facts.assignments === 0 ? NOTE_NO_ASSIGNMENTS : NOTE_NOTHING_DUE,
      trace: [],
      breakdown: null,
      grade: null,
    };
  }
  return finalizeScore(base, facts.adjustments, scheme);
}

/**
 * Adds the adjustments (office, appeal, correction) and the floor to the lines computed from the records. Used again
 * when the office adjusts a stored result: the record lines stay as they were computed.
 */
export function finalizeScore(
  recordLines: readonly TraceLine[],
  adjustments: readonly AdjustmentFact[],
  scheme: ScoringScheme,
): UnitScore {
  const lines = recordLines.filter((l) => l.category !== 'adjustment' && l.category !== 'floor');
  for (const adjustment of adjustments) {
    lines.push(adjustmentLine(adjustment));
  }
  const before = sumCents(lines);
  if (before < 0) {
    lines.push(line('floor', 'floor', -before, `合计 ${fromCents(before)} 分，总分不低于 0 分`, []));
  }
  const breakdown = breakdownOf(lines);
  return { scored: true, note: null, trace: lines, breakdown, grade: gradeOf(breakdown.total, scheme.grades) };
}

export function breakdownOf(lines: readonly TraceLine[]): ScoreBreakdown {
  const cents = (keep: (l: TraceLine) => boolean) => sumCents(lines.filter(keep));
  const ofComponent = (c: Component) => fromCents(cents((l) => l.component === c));
  const ofCategory = (c: TraceCategory) => fromCents(cents((l) => l.category === c));
  return {
    timeliness: ofComponent('timeliness'),
    completion: ofComponent('completion'),
    reviewQuality: ofComponent('reviewQuality'),
    indicators: ofComponent('indicators'),
    deductions: ofCategory('deduction'),
    bonus: ofCategory('bonus'),
    adjustments: ofCategory('adjustment'),
    floor: ofCategory('floor'),
    total: fromCents(sumCents(lines)),
  };
}

/** The lines the records produce, or null when nothing in the year can be scored. */
function baseLines(facts: UnitFacts, scheme: ScoringScheme): TraceLine[] | null {
  const outcomes = [timeliness(facts), completion(facts), reviewQuality(facts), indicators(facts)];
  const counted = outcomes.filter((o) => o.applicable && scheme.weights[o.component] > 0);
  const weightSum = counted.reduce((sum, o) => sum + scheme.weights[o.component], 0);
  if (counted.length === 0 || weightSum <= 0) {
    return null;
  }
  const excluded = outcomes.filter((o) => !counted.includes(o) && scheme.weights[o.component] > 0);
  const lines: TraceLine[] = [];
  for (const outcome of outcomes) {
    const weight = scheme.weights[outcome.component];
    if (!counted.includes(outcome)) {
      const why = weight > 0 ? '无适用记录，不计分，权重按比例计入其余各项' : '权重为 0，不计分';
      lines.push(line(outcome.component, 'component', 0, `${COMPONENT_LABELS[outcome.component]}：${why}`, []));
      continue;
    }
    // Integer arithmetic in hundredths: weight × rate, rescaled when other components had nothing to score.
    const cents = roundHalfUp((weight * 10000 * outcome.rate) / weightSum);
    const effective = (weight * 100) / weightSum;
    const rescaled =
      excluded.length > 0 ? `，折算权重 ${formatPoints(effective)}（${excluded.map(labelOf).join('、')}不计分）` : '';
    lines.push(
      line(
        outcome.component,
        'component',
        cents,
        `${COMPONENT_LABELS[outcome.component]}：${outcome.reason}；得分率 ${percent(outcome.rate)}，权重 ${formatPoints(weight)}${rescaled}`,
        outcome.refs,
      ),
    );
  }
  lines.push(...deductionLines(facts, scheme), ...bonusLines(facts, scheme));
  return lines;
}

function timeliness(facts: UnitFacts): ComponentOutcome {
  const { obligationsCounted: counted, obligationsOnTime: onTime, missed } = facts;
  const missing = missed.filter((m) => m.missing).length;
  const late = missed.length - missing;
  const detail = missed.length > 0 ? `（逾期报送 ${late} 次，逾期未报 ${missing} 次）` : '';
  return {
    component: 'timeliness',
    applicable: counted > 0,
    rate: counted > 0 ? onTime / counted : 0,
    reason: `应报 ${counted} 次，按时报送 ${onTime} 次${detail}`,
    refs: missed.map((m) => ({ type: 'obligation', id: m.obligationId })),
  };
}

function completion(facts: UnitFacts): ComponentOutcome {
  const items = facts.completion;
  const met = items.filter((i) => i.metSubmissionId !== null);
  const notConcerned =
    facts.completionNotConcerned > 0 ? `；${facts.completionNotConcerned} 项全年报“无此项任务”，不计入` : '';
  return {
    component: 'completion',
    applicable: items.length > 0,
    rate: items.length > 0 ? met.length / items.length : 0,
    reason: `本年度到期任务（节点）${items.length} 项，按期完成 ${met.length} 项${notConcerned}`,
    refs: items.map((i): TraceRef =>
      i.metSubmissionId !== null ? { type: 'submission', id: i.metSubmissionId } : { type: 'task', id: i.taskId },
    ),
  };
}

function reviewQuality(facts: UnitFacts): ComponentOutcome {
  let count = 0;
  let sum = 0;
  const spread: string[] = [];
  for (let rating = 5; rating >= 1; rating--) {
    const times = facts.ratings[rating];
    count += times;
    sum += rating * times;
    if (times > 0) {
      spread.push(`${rating} 分 ${times} 次`);
    }
  }
  const mean = count > 0 ? sum / count : 0;
  return {
    component: 'reviewQuality',
    applicable: count > 0,
    rate: count > 0 ? mean / 5 : 0,
    reason: `审核评分 ${count} 次，平均 ${mean.toFixed(2)} 分（满分 5 分；${spread.join('、')}）`,
    refs: facts.lowRatings.map((r) => ({ type: 'submission', id: r.submissionId })),
  };
}

function indicators(facts: UnitFacts): ComponentOutcome {
  const scored: string[] = [];
  const left: string[] = [];
  const refs: TraceRef[] = [];
  let sum = 0;
  for (const indicator of facts.indicators) {
    const achievement = indicatorAchievement(indicator);
    if (achievement === null) {
      left.push(`${indicator.name}（${indicator.target === null ? '无目标值' : '无实际值'}）`);
      continue;
    }
    sum += achievement;
    const sign =
      indicator.comparator === '=' ? (indicator.approximate ? '约' : '') : indicator.comparator === '>=' ? '≥' : '≤';
    scored.push(
      `${indicator.name}：实际 ${indicator.actual}，目标 ${sign}${indicator.target}，完成 ${percent(achievement)}`,
    );
    refs.push({ type: 'indicator', id: indicator.indicatorId });
    if (indicator.submissionId !== null) {
      refs.push({ type: 'submission', id: indicator.submissionId });
    }
  }
  const leftOut = left.length > 0 ? `；不计入 ${left.length} 项：${left.join('、')}` : '';
  return {
    component: 'indicators',
    applicable: scored.length > 0,
    rate: scored.length > 0 ? sum / scored.length : 0,
    reason: `${scored.length} 项指标计分${scored.length > 0 ? `（${scored.join('；')}）` : ''}${leftOut}`,
    refs,
  };
}

const WARNING_COMPONENTS: Record<DeductedWarningKind, { component: TraceComponent; label: string }> = {
  yellow: { component: 'yellowWarnings', label: '黄色预警' },
  red: { component: 'redWarnings', label: '红色预警' },
  progress_lag: { component: 'progressLagWarnings', label: '进度滞后预警' },
};

function deductionLines(facts: UnitFacts, scheme: ScoringScheme): TraceLine[] {
  const rules = scheme.deductions;
  const lines: TraceLine[] = [];
  const perKind: Record<DeductedWarningKind, number> = {
    yellow: rules.yellowWarning,
    red: rules.redWarning,
    progress_lag: rules.progressLagWarning,
  };
  for (const kind of ['yellow', 'red', 'progress_lag'] as const) {
    const warnings = facts.warnings.filter((w) => w.kind === kind);
    if (warnings.length === 0) {
      continue;
    }
    const free = kind === 'yellow' ? Math.min(rules.freeYellowWarnings, warnings.length) : 0;
    const cents = toCents((warnings.length - free) * perKind[kind]);
    const freeNote =
      kind === 'yellow' && rules.freeYellowWarnings > 0 ? `，首 ${rules.freeYellowWarnings} 次不扣分` : '';
    const { component, label } = WARNING_COMPONENTS[kind];
    lines.push(
      line(
        component,
        'deduction',
        -cents,
        `${label} ${warnings.length} 次${freeNote}，每次扣 ${formatPoints(perKind[kind])} 分，共扣 ${fromCents(cents)} 分`,
        warnings.map((w) => ({ type: 'warning', id: w.id })),
      ),
    );
  }
  if (facts.cases.length > 0) {
    const cents = toCents(facts.cases.length * rules.supervisionCase);
    lines.push(
      line(
        'supervisionCases',
        'deduction',
        -cents,
        `挂牌督办 ${facts.cases.length} 件，每件扣 ${formatPoints(rules.supervisionCase)} 分，共扣 ${fromCents(cents)} 分`,
        facts.cases.map((id) => ({ type: 'case', id })),
      ),
    );
  }
  if (facts.interviews.length > 0) {
    const cents = toCents(facts.interviews.length * rules.interview);
    lines.push(
      line(
        'interviews',
        'deduction',
        -cents,
        `约谈 ${facts.interviews.length} 次，每次扣 ${formatPoints(rules.interview)} 分，共扣 ${fromCents(cents)} 分`,
        facts.interviews.map((id) => ({ type: 'interview', id })),
      ),
    );
  }
  const deducted = -sumCents(lines);
  if (rules.cap !== null && deducted > toCents(rules.cap)) {
    const excess = deducted - toCents(rules.cap);
    lines.push(
      line(
        'deductionCap',
        'deduction',
        excess,
        `扣分合计 ${fromCents(deducted)} 分，超过上限 ${formatPoints(rules.cap)} 分，按上限扣分`,
        [],
      ),
    );
  }
  return lines;
}

function bonusLines(facts: UnitFacts, scheme: ScoringScheme): TraceLine[] {
  const lines = facts.bonuses.map((bonus) =>
    line('bonus', 'bonus', toCents(bonus.points), `先行先试加分：${bonus.reason}`, [{ type: 'bonus', id: bonus.id }]),
  );
  const total = sumCents(lines);
  if (total > toCents(scheme.bonusCap)) {
    lines.push(
      line(
        'bonusCap',
        'bonus',
        toCents(scheme.bonusCap) - total,
        `加分合计 ${fromCents(total)} 分，超过上限 ${formatPoints(scheme.bonusCap)} 分，按上限计`,
        [],
      ),
    );
  }
  return lines;
}

const ADJUSTMENT_LABELS: Record<AdjustmentFact['kind'], string> = {
  adjustment: '办公室调整',
  appeal: '申诉调整',
  correction: '发布后更正',
};

function adjustmentLine(adjustment: AdjustmentFact): TraceLine {
  const refs: TraceRef[] = [{ type: 'adjustment', id: adjustment.id }];
  if (adjustment.appealId !== null) {
    refs.push({ type: 'appeal', id: adjustment.appealId });
  }
  return line(
    adjustment.kind,
    'adjustment',
    toCents(adjustment.points),
    `${ADJUSTMENT_LABELS[adjustment.kind]}：${adjustment.reason}`,
    refs,
  );
}

function line(
  component: TraceComponent,
  category: TraceCategory,
  cents: number,
  reason: string,
  refs: TraceRef[],
): TraceLine {
  // `+ 0` turns -0 into 0, which JSON would otherwise keep as 0 but `Object.is` tests would not.
  return { component, category, points: fromCents(cents) + 0, reason, refs };
}

function labelOf(outcome: ComponentOutcome): string {
  return COMPONENT_LABELS[outcome.component];
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
