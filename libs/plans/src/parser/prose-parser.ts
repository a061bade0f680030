import { findClauses, type ClauseSpan } from './clauses';
import { extractDeadlines } from './deadline';
import { readHeading, SectionStack, type Heading } from './sections';
import type { TextPiece } from './indicators';
import type { SourceLine } from './text-normalizer';
import type { Deadline, ParsedTask, UnresolvedItem } from './types';

/**
 * The prose form of a plan: numbered sections whose paragraphs end in responsibility clauses. Every clause is one
 * task; its text runs from the end of the previous clause (or the section heading) to the clause.
 */

export interface ProseResult {
  tasks: ParsedTask[];
  unresolved: UnresolvedItem[];
}

/** A section's text with the source line of each joined piece, so a task can point at its line. */
interface Section {
  ref: string;
  heading: Heading | null;
  headingLine: number;
  flow: string;
  pieces: { at: number; line: number }[];
}

/** Lines holding a cell separator between two values belong to a table, not to the prose. */
const TABLE_ROW = /\S\t+\S/;
/** A run-in title (`1．完成农用地土壤污染状况详查。按照…`) is the first sentence, if it is this short. */
const MAX_RUN_IN_TITLE = 60;
/** A later task in a section is titled by its own lead sentence (`防控企业污染。`) when it is this short. */
const MAX_LEAD_SENTENCE = 20;

function appendLine(section: Section, text: string, line: number): void {
  const separator = section.flow.endsWith('。') ? '\n' : '';
  section.flow += separator;
  section.pieces.push({ at: section.flow.length, line });
  section.flow += text;
}

/** Source line of a flow offset (binary search over the joined pieces). */
function lineAt(section: Section, offset: number): number {
  const { pieces } = section;
  let low = 0;
  let high = pieces.length - 1;
  let line = section.headingLine;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (pieces[mid].at <= offset) {
      line = pieces[mid].line;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return line;
}

/** Split lines into sections by their numbering; text before the first heading is a section with ref ''. */
export function splitSections(lines: SourceLine[]): Section[] {
  const stack = new SectionStack();
  const sections: Section[] = [];
  let current: Section = { ref: '', heading: null, headingLine: 1, flow: '', pieces: [] };
  for (const { text, line } of lines) {
    const trimmed = text.trim();
    if (trimmed === '' || TABLE_ROW.test(trimmed)) {
      continue;
    }
    const heading = readHeading(trimmed);
    if (heading !== null && stack.accepts(heading)) {
      sections.push(current);
      stack.push(heading);
      current = { ref: stack.ref(), heading, headingLine: line, flow: '', pieces: [] };
      appendLine(current, heading.rest, line);
      if (heading.style === 'chapter' || heading.style === 'section') {
        current.flow += '\n'; // a title line of its own; items are run-in and may wrap mid-title
      }
      continue;
    }
    appendLine(current, trimmed, line);
  }
  sections.push(current);
  return sections.filter((s) => s.flow.trim() !== '' || s.heading !== null);
}

/** The prose as sentences (split after 。 and at title lines), each with the line it starts on. */
export function proseSentences(lines: SourceLine[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const section of splitSections(lines)) {
    for (const match of section.flow.matchAll(/[^。\n]+。?/g)) {
      const text = match[0].trim();
      if (text !== '') {
        const lead = match[0].length - match[0].trimStart().length;
        pieces.push({ text, line: lineAt(section, match.index + lead) });
      }
    }
  }
  return pieces;
}

interface TitledBody {
  title: string;
  bodyStart: number;
}

const stripTitle = (title: string): string => title.replace(/[\s。；：，]+$/, '').trim();

/**
 * Chapter and section headings are titles on their own line; items (`1.`, `（1）`) are run-in, so their title is
 * the first sentence and stays part of the task text.
 */
function titleOf(section: Section, clauses: ClauseSpan[]): TitledBody {
  const heading = section.heading;
  if (heading === null) {
    return { title: '', bodyStart: 0 };
  }
  const firstClause = clauses.length > 0 ? clauses[0].start : section.flow.length;
  if (heading.style === 'item' || heading.style === 'subitem') {
    const stop = section.flow.indexOf('。');
    const end = stop >= 0 && stop <= MAX_RUN_IN_TITLE && stop < firstClause ? stop : heading.rest.length;
    return { title: stripTitle(section.flow.slice(0, Math.min(end, firstClause))), bodyStart: 0 };
  }
  const stop = heading.rest.indexOf('。');
  const end = Math.min(stop >= 0 ? stop : heading.rest.length, firstClause);
  return { title: stripTitle(section.flow.slice(0, end)), bodyStart: end };
}

/** The task's own lead sentence, when a section holds several tasks (`防控企业污染。严格控制…`). */
function leadSentence(text: string): string | null {
  const stop = text.indexOf('。');
  return stop > 1 && stop <= MAX_LEAD_SENTENCE ? text.slice(0, stop) : null;
}

/** Deadlines of the task text, then any written in the clause itself (`完成时限：2019年底前`). */
function deadlinesOf(text: string, clauseDeadline: string, year: number | null): Deadline[] {
  const own = extractDeadlines(text, year);
  if (clauseDeadline === '') {
    return own;
  }
  const stated = extractDeadlines(clauseDeadline, year).filter((d) => d.raw !== '');
  const kept = own.filter((d) => d.raw !== '');
  return kept.length + stated.length > 0 ? [...kept, ...stated] : own;
}

const cleanTaskText = (text: string): string => text.replace(/^[\s。；，、]+/, '').replace(/\s+$/, '');

export function parseProse(lines: SourceLine[], year: number | null): ProseResult {
  const tasks: ParsedTask[] = [];
  const unresolved: UnresolvedItem[] = [];
  let localNoteSeen = false;
  for (const section of splitSections(lines)) {
    const clauses = findClauses(section.flow);
    if (clauses.length === 0) {
      continue;
    }
    const { title, bodyStart } = titleOf(section, clauses);
    let cursor = bodyStart;
    clauses.forEach((clause, index) => {
      let text = cleanTaskText(section.flow.slice(Math.min(cursor, clause.start), clause.start));
      if (text === '') {
        // The clause comes first (`1．（县环保局牵头）开展…`): the task is the text after it.
        const next = index + 1 < clauses.length ? clauses[index + 1].start : section.flow.length;
        text = cleanTaskText(section.flow.slice(clause.end, next));
        cursor = next;
      } else {
        cursor = clause.end;
      }
      const line = lineAt(section, clause.start);
      const { assignment } = clause;
      localNoteSeen = localNoteSeen || assignment.localNote;
      const ownTitle = index > 0 ? leadSentence(text) : null;
      tasks.push({
        ref: section.ref,
        title: ownTitle ?? (title || (leadSentence(text) ?? text.slice(0, MAX_LEAD_SENTENCE))),
        text: text || title,
        lead: assignment.lead,
        participants: assignment.participants,
        deadlines: deadlinesOf(text, assignment.deadlineText, year),
        localResponsibility: assignment.local || localNoteSeen,
        line,
      });
      const excerpt = section.flow.slice(clause.start, clause.end).replace(/\s+/g, '');
      if (!clause.closed) {
        unresolved.push({
          reason: 'UNCLOSED_CLAUSE',
          line,
          text: excerpt,
          message: `第${line}行：责任分工括号未闭合，已截至最后一个“牵头/参与”。Line ${line}: responsibility clause is not closed; it was cut after its last role word.`,
        });
      }
      if (assignment.lead.length === 0) {
        unresolved.push({
          reason: 'NO_LEAD',
          line,
          text: excerpt,
          message: `第${line}行：责任分工没有牵头单位。Line ${line}: responsibility clause names no lead unit.`,
        });
      }
    });
  }
  return { tasks, unresolved };
}
