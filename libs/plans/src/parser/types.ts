/** 期限 kinds: a one-off due date, a recurring duty, an open-ended duty, or a duty that starts on a date. */
export type DeadlineKind = 'once' | 'recurring' | 'ongoing' | 'from';

export interface Deadline {
  /** The phrase as written, width-normalised and without inner spaces (`2018年底前`); `''` when the text has none. */
  raw: string;
  /** `once`: last day of the period; `from`: first day; `recurring`: first due date in the plan year when known. */
  date: string | null;
  kind: DeadlineKind;
  /** ISO 8601 duration of a recurring duty (`P1Y`, `P10Y`, `P3M`); null when not recurring or not stated (`定期`). */
  every: string | null;
}

export type Comparator = '>=' | '<=' | '=';

/** 指标: a quantitative target such as `受污染耕地安全利用率达到90%左右`. */
export interface Indicator {
  name: string;
  comparator: Comparator;
  target: number;
  unit: string;
  /** `左右`: the target is approximate. */
  approximate: boolean;
  targetDate?: string;
  raw: string;
  line: number;
}

export interface ParsedTask {
  /** Section path with the document's own numbering, e.g. `二/(三)/1`. */
  ref: string;
  title: string;
  text: string;
  lead: string[];
  participants: string[];
  deadlines: Deadline[];
  /** 地方落实: lower governments carry the task as well (`以下均需地方各级人民政府落实`). */
  localResponsibility: boolean;
  /** 1-based line of the source text (or row of the sheet) the task comes from. */
  line: number;
  /** The 序号 of a table row. */
  row?: number;
}

export type UnresolvedReason =
  'NO_LEAD' | 'UNCLOSED_CLAUSE' | 'UNKNOWN_ROLE' | 'UNPARSED_DEADLINE' | 'NO_PLAN_YEAR' | 'ORPHAN_ROW';

/** Something the parser saw but could not settle; the office decides. */
export interface UnresolvedItem {
  reason: UnresolvedReason;
  line: number;
  text: string;
  message: string;
}

export type PlanSource = 'auto' | 'prose' | 'table';

export interface ParsePlanOptions {
  /** The plan year; inferred from the title or date line when absent. */
  year?: number;
  source?: PlanSource;
}

export interface ParsePlanInput {
  text?: string;
  buffer?: Buffer;
  filename?: string;
}

export interface ParsedPlan {
  title?: string;
  /** null when neither given nor found in the document; month-only deadlines then have no date. */
  year: number | null;
  source: 'prose' | 'table';
  tasks: ParsedTask[];
  indicators: Indicator[];
  unresolved: UnresolvedItem[];
}
