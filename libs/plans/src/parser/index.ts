export { extractDeadlines, normalizeDeadline, NO_DEADLINE } from './deadline';
export { readPlanDocument, type PlanDocument, type SheetGrid } from './file-reader';
export { parsePlan, parsePlanSheets, parsePlanText } from './parse-plan';
export { MAX_PLAN_BYTES, PlanParseError, type PlanParseErrorCode } from './plan-parse-error';
export type {
  Comparator,
  Deadline,
  DeadlineKind,
  Indicator,
  ParsedPlan,
  ParsedTask,
  ParsePlanInput,
  ParsePlanOptions,
  PlanSource,
  UnresolvedItem,
  UnresolvedReason,
} from './types';
