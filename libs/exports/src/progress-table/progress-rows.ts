import type { ObligationStatus, SubmissionKind } from '@app/reporting';
import { chapterOf } from '../common/chapter-titles';

/** One row of the monthly progress table (重点工作进展): the columns of the attachment to seed 004. */
export interface ProgressRow {
  /** 重点内容: the plan's top-level section. Consecutive rows with the same section are merged. */
  section: string;
  /** 重点工作事项: `1．title`, numbered within the section. */
  item: string;
  /** 责任单位. */
  units: string;
  /** 进展情况: from the period's accepted reports. */
  progress: string;
  /** 备注: % complete, late reports, and what is still missing or waiting for review. */
  remark: string;
}

/** What one unit reported (or did not) on a task for the period. */
export interface UnitReport {
  unitName: string;
  status: ObligationStatus;
  late: boolean;
  dueAt: Date;
  kind: SubmissionKind | null;
  progressText: string | null;
  percent: number | null;
}

export interface TaskReports {
  ref: string;
  title: string;
  /** 牵头 (and 地方落实) units, in the plan's order. */
  responsible: string[];
  reports: UnitReport[];
}

export const OTHER_SECTION = '其他';

/** Builds the rows task by task, numbering the items within each section as the table does. */
export class ProgressRowBuilder {
  private readonly numbers = new Map<string, number>();

  constructor(
    private readonly sectionTitles: ReadonlyMap<string, string>,
    private readonly now: Date,
  ) {}

  row(task: TaskReports): ProgressRow {
    const section = this.sectionOf(task.ref);
    const number = (this.numbers.get(section) ?? 0) + 1;
    this.numbers.set(section, number);
    const many = task.reports.length > 1;
    const labelled = (report: UnitReport, text: string) => (many ? `${report.unitName}：${text}` : text);
    return {
      section,
      item: `${number}．${task.title}`,
      units: task.responsible.join('、'),
      progress: task.reports
        .flatMap((report) => {
          const text = acceptedText(report);
          return text === null ? [] : [labelled(report, text)];
        })
        .join('\n'),
      remark: task.reports
        .flatMap((report) => {
          const note = this.remarkOf(report);
          return note === null ? [] : [labelled(report, note)];
        })
        .join('\n'),
    };
  }

  private sectionOf(ref: string): string {
    const chapter = chapterOf(ref);
    if (chapter === null) {
      return OTHER_SECTION;
    }
    const title = this.sectionTitles.get(chapter);
    return title ? `${chapter}、${title}` : `第${chapter}部分`;
  }

  private remarkOf(report: UnitReport): string | null {
    switch (report.status) {
      case 'accepted': {
        const notes = [
          ...(report.kind === 'progress' && report.percent !== null ? [`完成进度${report.percent}%`] : []),
          ...(report.late ? ['逾期报送'] : []),
        ];
        return notes.length === 0 ? null : notes.join('，');
      }
      case 'submitted':
        return '已报送，待审核';
      case 'returned':
        return '已退回，待重新报送';
      case 'waived':
        return '免报';
      case 'cancelled':
        return '任务已撤销';
      case 'open':
        return report.dueAt.getTime() <= this.now.getTime() ? '逾期未报送' : '未到报送期限';
    }
  }
}

/** The text an accepted report puts in 进展情况; null for a report not (yet) accepted. */
function acceptedText(report: UnitReport): string | null {
  if (report.status !== 'accepted') {
    return null;
  }
  switch (report.kind) {
    case 'no_task':
      return '无此项任务';
    case 'no_progress':
      return report.progressText?.trim() ? `本期无新进展。${report.progressText.trim()}` : '本期无新进展';
    case 'progress':
      return report.progressText?.trim() ?? '';
    case null:
      return '';
  }
}
