import { formatChineseDate, formatChineseDateTime } from './chinese-date';
import { appLink, EmailContent, NoticeSender, quoted, renderNotice } from './notice-layout';

export interface ReportReturnedInput extends NoticeSender {
  unitName: string;
  taskTitle: string;
  periodLabel: string;
  /** The office's review comment (审核意见), may span several lines. */
  comment: string;
  newDueAt: Date;
  path: string;
}

/** 退回修改：the office returned a report with its comment; the obligation reopens with a new due date. */
export function reportReturnedEmail(input: ReportReturnedInput): EmailContent {
  const task = quoted(input.taskTitle);
  return renderNotice({
    subject: `【退回修改】${task}${input.periodLabel}工作进展情况已退回，请于${formatChineseDate(input.newDueAt)}前重新报送`,
    salutation: input.unitName,
    blocks: [
      {
        kind: 'paragraph',
        text: `你单位报送的${task}任务${input.periodLabel}工作进展情况，经审核，尚需修改完善，现予退回。`,
      },
      { kind: 'field', label: '审核意见', value: input.comment.trim() },
      {
        kind: 'paragraph',
        text: `请根据审核意见认真修改完善，于${formatChineseDateTime(input.newDueAt)}前重新报送。逾期未重新报送的，按逾期未报送处理。`,
      },
      { kind: 'link', label: '报送地址', url: appLink(input.publicUrl, input.path) },
    ],
    sender: input,
  });
}
