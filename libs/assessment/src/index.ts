export { AssessmentModule } from './assessment.module';
export { ASSESSMENT_ENTITIES } from './assessment-entities';

export {
  checkScheme,
  COMPONENT_LABELS,
  COMPONENTS,
  DEFAULT_SCHEME,
  GRADE_LABELS,
  GRADES,
  gradeOf,
} from './scheme/scoring-scheme';
export type {
  Component,
  ComponentWeights,
  DeductionRules,
  Grade,
  GradeThresholds,
  ScoringScheme,
} from './scheme/scoring-scheme';
export { AssessmentScheme } from './scheme/assessment-scheme.entity';
export { AssessmentSchemes } from './scheme/assessment-schemes.service';
export type { CurrentScheme } from './scheme/assessment-schemes.service';

export { scoreUnit, finalizeScore, breakdownOf, NOTE_NO_ASSIGNMENTS, NOTE_NOTHING_DUE } from './scoring/score-unit';
export type { ScoreBreakdown, UnitScore } from './scoring/score-unit';
export { emptyFacts } from './scoring/unit-facts';
export type { AdjustmentKind, CompletionItem, IndicatorFact, MissedObligation, UnitFacts } from './scoring/unit-facts';
export { indicatorAchievement, APPROXIMATE_TOLERANCE } from './scoring/indicator-achievement';
export type { IndicatorComparator, IndicatorMeasure } from './scoring/indicator-achievement';
export { RANK_GROUPS, rankGroupLabel, rankGroupOf, rankWithinGroups } from './scoring/ranking';
export type { Rankable, RankGroup } from './scoring/ranking';
export { TRACE_CATEGORIES, TRACE_REF_TYPES, sumCents, toCents } from './scoring/trace';
export type { TraceCategory, TraceComponent, TraceLine, TraceRef, TraceRefType } from './scoring/trace';

export { AssessmentRun, RUN_STATUSES, RUN_STATUS_LABELS } from './runs/assessment-run.entity';
export type { RunStatus } from './runs/assessment-run.entity';
export { AssessmentResult } from './runs/assessment-result.entity';
export { AssessmentRuns } from './runs/assessment-runs.service';
export type { ComputeSummary } from './runs/assessment-runs.service';
export { appealDeadlineOf } from './runs/appeal-window';
export { AssessmentNotices } from './common/assessment-notices';

export { AssessmentAdjustment } from './adjustments/assessment-adjustment.entity';
export { AssessmentAdjustments } from './adjustments/assessment-adjustments.service';
export type { AdjustmentInput } from './adjustments/assessment-adjustments.service';
export { AssessmentAppeal, APPEAL_STATUSES, APPEAL_STATUS_LABELS } from './appeals/assessment-appeal.entity';
export type { AppealStatus } from './appeals/assessment-appeal.entity';
export { AssessmentAppeals, MAX_APPEAL_TEXT, MAX_APPEAL_ATTACHMENTS } from './appeals/assessment-appeals.service';
export type { AppealDecisionInput, AppealInput } from './appeals/assessment-appeals.service';
export { AssessmentBonus } from './bonuses/assessment-bonus.entity';
export { AssessmentBonuses, MAX_BONUS_ENTRY } from './bonuses/assessment-bonuses.service';
export type { BonusInput, BonusRow } from './bonuses/assessment-bonuses.service';

export { AssessmentQueries, appealWindowOpen } from './queries/assessment-queries';
export type {
  AppealRow,
  AssessmentSheet,
  RankingGroup,
  ResultDetail,
  ResultRow,
  RunContext,
  RunSummary,
  SheetRow,
} from './queries/assessment-queries';
export { AssessmentFactsReader } from './facts/assessment-facts.reader';
export { storedTrace } from './runs/stored-trace';
export { AssessmentHooks } from './workflow/assessment-hooks';
export type { AssessmentChange, AssessmentListener } from './workflow/assessment-hooks';
export { TemporalAssessmentCommands, ASSESSMENT_WORKFLOW_TYPE } from './workflow/temporal-assessment-commands';
