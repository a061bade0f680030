import { formatChineseDay } from './chinese-date';
import { appLink, EmailContent, NoticeSender, quoted, renderNotice } from './notice-layout';

export interface ProgressLagWarningInput extends NoticeSender {
  unitName: string;
  taskTitle: string;
  /** The period of the report that carried the figure, e.g. 2026年11月. */
  periodLabel: string;
  /** When the task must be complete: the end of its deadline window. */
  taskDueAt: Date;
  reportedPercent: number;
  /** The share of the deadline window already elapsed, in percent. */
  expectedPercent: number;
  /** The plan's tolerance, in percentage points. */
  marginPoints: number;
  path: string;
}

/**
 * 进度滞后预警: the reported % complete trails the elapsed share of the task's deadline window by more than the
 * plan's tolerance. Counts in the year-end assessment like the other warnings.
 */
export function progressLagWarningEmail(input: ProgressLagWarningInput): EmailContent {
  const task = quoted(input.taskTitle);
  const reported = points(input.reportedPercent);
  const expected = points(input.expectedPercent);
  const lag = expected - reported;
  return renderNotice({
    subject: `【进度滞后预警】${input.unitName}${task}工作进度滞后`,
    salutation: input.unitName,
    blocks: [
      {
        kind: 'paragraph',
        text:
          `你单位承担的${task}任务应于${formatChineseDay(input.taskDueAt)}前完成。` +
          `你单位报送的${input.periodLabel}工作进展情况显示完成进度为${reported}%，` +
          `而任务期限已过去${expected}%，进度滞后约${lag}个百分点，超出允许偏差（${input.marginPoints}个百分点）。` +
          '根据工作规则，现予以进度滞后预警。',
      },
      { kind: 'field', label: '报送完成进度', value: `${reported}%` },
      { kind: 'field', label: '按期应达进度', value: `${expected}%` },
      {
        kind: 'paragraph',
        text: '请你单位认真分析滞后原因，制定赶进度措施，确保按期完成任务，并在下期报送中说明整改情况。预警情况将纳入年度考核。',
      },
      { kind: 'link', label: '查看报送', url: appLink(input.publicUrl, input.path) },
      { kind: 'paragraph', text: '特此通知。' },
    ],
    sender: input,
  });
}

/** Whole percentage points, as a notice states them. */
function points(value: number): number {
  return Math.round(value);
}
