import { chapterOf } from '../common/chapter-titles';

/** One row of a 任务分工表: the columns of 附表7 of seed 002, which the plan importer reads back. */
export interface TaskTableRow {
  seq: number;
  /** 条: `一、title of the chapter`. */
  chapter: string;
  /** 款: `（三）title of the task`. */
  clause: string;
  text: string;
  leads: string;
  participants: string;
  deadlines: string;
}

export interface TaskTableInput {
  ref: string;
  title: string;
  text: string;
  leads: string[];
  participants: string[];
  localResponsibility: boolean;
  /** The deadline phrases as written (`2017年底前`, `持续实施`). */
  deadlines: string[];
}

/** How a 地方落实 task reads in the 参与部门 cell; the importer turns it back into the flag. */
export const LOCAL_RESPONSIBILITY = '各县（市、区）人民政府负责落实';

const CLAUSE = /^\(([一二三四五六七八九十百]+)\)$/;

/**
 * Task → row, written so that importing the sheet gives the task back: the ref's first two levels as 条 and 款
 * (deeper levels are not columns of the table, so `二/(三)/1` comes back as `二/(三)`), units by their full names,
 * and a 款 on every row, since the importer fills a blank one down from the row above.
 */
export function taskTableRow(
  seq: number,
  task: TaskTableInput,
  chapterTitles: ReadonlyMap<string, string>,
): TaskTableRow {
  const segments = task.ref.split('/');
  const chapter = chapterOf(task.ref);
  const clause = segments.length > 1 ? CLAUSE.exec(segments[1]) : null;
  const chapterCell =
    chapter === null
      ? ''
      : segments.length === 1
        ? `${chapter}、${task.title}`
        : `${chapter}、${chapterTitles.get(chapter) ?? ''}`;
  const participants = task.participants.join('、');
  return {
    seq,
    chapter: chapterCell,
    clause: clause ? `（${clause[1]}）${task.title}` : '',
    text: task.text.replace(/\s*\n\s*/g, ''),
    leads: task.leads.join('、'),
    participants: task.localResponsibility
      ? participants
        ? `${participants}参与，${LOCAL_RESPONSIBILITY}`
        : LOCAL_RESPONSIBILITY
      : participants,
    deadlines: task.deadlines.filter((d) => d !== '').join('；'),
  };
}
