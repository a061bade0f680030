import { matchesOf } from './regex';
import { cleanUnitName, isLocalGovernment, looksLikeUnit, splitUnitList } from './units';

/**
 * Responsibility clauses (责任分工): `（X牵头，Y、Z等参与）`, `（牵头单位：…，协办单位：…）`, `（X、Y分别牵头，Z参与）`,
 * `X牵头负责农用地，Y牵头负责企业用地`, `（X负责）`, and the 地方落实 note `以下均需地方各级人民政府落实`.
 */

export type Role = 'lead' | 'participant';

export interface Assignment {
  lead: string[];
  participants: string[];
  /** A deadline written inside the clause (`完成时限：2019年底前`), for the task's deadlines. */
  deadlineText: string;
  /** Lower governments carry this task (`各县（市、区）级人民政府负责落实`). */
  local: boolean;
  /** `以下均需…落实，不再列出`: every later task is carried by lower governments too. */
  localNote: boolean;
}

export interface ClauseSpan {
  /** Index of the opening bracket. */
  start: number;
  /** Index just after the closing bracket (or the end of the clause when the bracket is never closed). */
  end: number;
  body: string;
  closed: boolean;
  assignment: Assignment;
}

/** The note runs to the end of its sentence: `以下均需各县（市、区）级人民政府、管委会负责落实，不再列出`. */
const LOCAL_NOTE = /以下均[需由要应][^。]*?(?:落实|负责)[^。]*/g;

/** Any `名称：` label; unit labels give roles, time labels give deadlines, other labels end the list before them. */
const LABEL = /([\u4e00-\u9fa5]{2,6})[：:]/g;
const UNIT_LABEL =
  /^(牵头单位|牵头部门|责任单位|责任部门|主责单位|主办单位|负责单位|协办单位|协办部门|配合单位|配合部门|参与单位|参与部门|协作单位)$/;
const TIME_LABEL = /^(完成时限|完成时间|时间要求|时限要求|时限|期限|完成期限|进度安排|时间节点)$/;

/**
 * Role words. `牵头负责农用地` is a lead with a scope; `负责落实` hands the task to lower governments when the units
 * are governments, and is a lead otherwise.
 */
const MARKER =
  /(分别牵头|共同牵头|牵头负责[^，、；。）]*|牵头|负责落实|具体落实|负责实施|负责|参与|配合|协办|协助|参加)/g;

function roleOfLabel(label: string): Role {
  return /^(协办|配合|参与|协作)/.test(label) ? 'participant' : 'lead';
}

function roleOfMarker(marker: string): Role | 'local' {
  if (/^(参与|配合|协办|协助|参加)$/.test(marker)) {
    return 'participant';
  }
  return /落实$/.test(marker) ? 'local' : 'lead';
}

function emptyAssignment(localNote: boolean): Assignment {
  return { lead: [], participants: [], deadlineText: '', local: false, localNote };
}

function add(target: Assignment, role: Role | 'local', names: string[]): void {
  if (role === 'local') {
    const departments = names.filter((name) => !isLocalGovernment(name));
    if (departments.length === names.length && names.length > 0) {
      target.lead.push(...names); // `县农业农村局负责落实`: a department, so a lead
    } else {
      target.local = target.local || names.length > 0;
    }
    return;
  }
  (role === 'lead' ? target.lead : target.participants).push(...names);
}

/**
 * Read the units and roles of a clause body (the text inside the brackets) or of a 牵头/参与 table cell. Units
 * written before a role word take that role; units with no role word take `defaultRole` (the column's role).
 */
export function parseAssignment(body: string, defaultRole?: Role): Assignment {
  const localNote = body.includes('以下均') && body.search(LOCAL_NOTE) >= 0;
  const text = (localNote ? body.replace(LOCAL_NOTE, '') : body).replace(/\s+/g, '');
  const result = emptyAssignment(localNote);

  const labels = text.includes('：') || text.includes(':') ? matchesOf(LABEL, text) : [];
  if (labels.some((label) => UNIT_LABEL.test(label[1]))) {
    labels.forEach((label, i) => {
      const from = label.index + label[0].length;
      const to = i + 1 < labels.length ? labels[i + 1].index : text.length;
      if (UNIT_LABEL.test(label[1])) {
        add(result, roleOfLabel(label[1]), splitUnitList(text.slice(from, to)));
      } else if (TIME_LABEL.test(label[1])) {
        result.deadlineText += text.slice(from, to);
      }
    });
    return deduplicated(result);
  }

  let from = 0;
  for (const marker of matchesOf(MARKER, text)) {
    add(result, roleOfMarker(marker[1]), splitUnitList(text.slice(from, marker.index)));
    from = marker.index + marker[0].length;
  }
  const rest = splitUnitList(text.slice(from));
  if (rest.length > 0 && defaultRole !== undefined) {
    add(result, defaultRole, rest);
  } else if (rest.some(looksLikeUnit) && from > 0) {
    add(result, result.lead.length > 0 ? 'participant' : 'lead', rest.filter(looksLikeUnit));
  }
  return deduplicated(result);
}

function deduplicated(assignment: Assignment): Assignment {
  const unique = (names: string[]): string[] => [...new Set(names.map(cleanUnitName).filter((name) => name !== ''))];
  return { ...assignment, lead: unique(assignment.lead), participants: unique(assignment.participants) };
}

const OPEN = new Set(['（', '〈']);
const CLOSE = new Set(['）', '〉']);
/** A clause is short; an unclosed bracket is cut at the end of its last role word within this many characters. */
const MAX_CLAUSE_LENGTH = 400;

/** Could this bracketed text be a responsibility clause? Cheap test before parsing. */
function mentionsRole(body: string): boolean {
  return /牵头|参与|负责|协办|配合|协助|参加|责任单位/.test(body);
}

/**
 * Does the parsed bracket read as a clause: mostly unit names (all of them when the bracket was never closed,
 * since then the text after it is a guess)?
 */
function isClause(assignment: Assignment, closed: boolean): boolean {
  const units = [...assignment.lead, ...assignment.participants];
  const named = units.filter(looksLikeUnit).length;
  return units.length > 0 && (closed ? named > 0 && named * 2 >= units.length : named === units.length);
}

const ROLE_WORD = /(参与|牵头|负责|配合|协办|协助|参加)[等。]?/g;

/**
 * Where an unclosed clause ends: after its last role word before a sentence ends (`。`, other than the
 * `。以下均需…` note), so the clause does not swallow the next paragraph or the next clause.
 */
function unclosedEnd(text: string, open: number): number | null {
  const window = text.slice(open + 1, open + 1 + MAX_CLAUSE_LENGTH);
  const stop = window.search(/（[一二三四五六七八九十]+）/);
  const reach = stop >= 0 ? window.slice(0, stop) : window;
  let last: number | null = null;
  let from = 0;
  for (const marker of matchesOf(ROLE_WORD, reach)) {
    if (last !== null && /。(?!以下均)/.test(reach.slice(from, marker.index))) {
      break;
    }
    from = marker.index + marker[1].length; // the 。 a role word may end with still counts as a sentence end
    last = open + 1 + marker.index + marker[0].length;
  }
  return last;
}

/**
 * Find the responsibility clauses in a section's text. Brackets may be full- or half-width (the text is
 * canonical), may nest (`各县（市、区）`), and may close with a stray `〉`; an unclosed clause ends after its last
 * role word.
 */
export function findClauses(text: string): ClauseSpan[] {
  const spans: ClauseSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('（', i);
    if (open < 0) {
      break;
    }
    let depth = 0;
    let close = -1;
    for (let j = open; j < text.length && j - open <= MAX_CLAUSE_LENGTH; j++) {
      if (OPEN.has(text[j])) {
        depth++;
      } else if (CLOSE.has(text[j])) {
        depth--;
        if (depth === 0) {
          close = j;
          break;
        }
      }
    }
    const closed = close >= 0;
    const end = closed ? close + 1 : unclosedEnd(text, open);
    if (end === null) {
      i = open + 1;
      continue;
    }
    const body = text.slice(open + 1, closed ? close : end);
    if (mentionsRole(body)) {
      const assignment = parseAssignment(body);
      if (isClause(assignment, closed)) {
        spans.push({ start: open, end, body, closed, assignment });
        i = end;
        continue;
      }
    }
    i = open + 1;
  }
  return spans;
}
