import { formatChineseDate, formatChineseDateTime } from './chinese-date';
import { appLink, EmailContent, NoticeSender, quoted, renderNotice } from './notice-layout';

export interface ReportReminderInput extends NoticeSender {
  unitName: string;
  /** `before_due`: a few working days ahead; `due_today`: on the due date. */
  when: 'before_due' | 'due_today';
  taskTitle: string;
  /** The reporting period as people say it, e.g. `2026年11月`. */
  periodLabel: string;
  dueAt: Date;
  /** App path of the obligation's report form. */
  path: string;
}

/** 报送提醒：the monthly progress report is due soon, or today. */
export function reportReminderEmail(input: ReportReminderInput): EmailContent {
  const task = quoted(input.taskTitle);
  const today = input.when === 'due_today';
  return renderNotice({
    subject: today
      ? `【报送提醒】今日截止：${task}${input.periodLabel}工作进展情况`
      : `【报送提醒】${task}${input.periodLabel}工作进展情况请于${formatChineseDate(input.dueAt)}前报送`,
    salutation: input.unitName,
    blocks: [
      {
        kind: 'paragraph',
        text: `你单位承担的${task}任务${input.periodLabel}工作进展情况${
          today ? '今日截止报送，目前尚未收到你单位报送材料' : '即将到报送截止时间'
        }。`,
      },
      { kind: 'field', label: '截止时间', value: formatChineseDateTime(input.dueAt) },
      {
        kind: 'paragraph',
        text: `请${today ? '于今日截止时间前' : '在截止时间前'}登录系统报送工作进展、完成比例及佐证材料；本期无此项任务的，请选择“无此项任务”并说明情况。逾期未报送的，将按规定予以预警。`,
      },
      { kind: 'link', label: '报送地址', url: appLink(input.publicUrl, input.path) },
    ],
    sender: input,
  });
}
