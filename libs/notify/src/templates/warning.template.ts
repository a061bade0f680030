import { formatChineseDate } from './chinese-date';
import { appLink, EmailContent, NoticeSender, quoted, renderNotice } from './notice-layout';

export interface WarningInput extends NoticeSender {
  unitName: string;
  taskTitle: string;
  periodLabel: string;
  dueAt: Date;
  /** Working days overdue, counted by the escalation policy. */
  overdueWorkingDays: number;
  path: string;
}

/** 黄色预警：the report is overdue (first step of the ladder). Counts in the year-end assessment. */
export function yellowWarningEmail(input: WarningInput): EmailContent {
  return warningEmail(input, 'yellow');
}

/** 红色预警：still overdue after the yellow warning; addressed to the unit head as well. */
export function redWarningEmail(input: WarningInput): EmailContent {
  return warningEmail(input, 'red');
}

function warningEmail(input: WarningInput, level: 'yellow' | 'red'): EmailContent {
  const task = quoted(input.taskTitle);
  const name = level === 'yellow' ? '黄色预警' : '红色预警';
  const requirement =
    level === 'yellow'
      ? '请你单位立即组织报送，并说明逾期原因。仍未报送的，将予以红色预警。'
      : '请你单位主要负责同志高度重视，督促立即报送，并书面说明逾期原因。仍未报送的，将按规定挂牌督办。';
  return renderNotice({
    subject: `【${name}】${input.unitName}${task}${input.periodLabel}工作进展情况逾期未报送`,
    salutation: input.unitName,
    blocks: [
      {
        kind: 'paragraph',
        text: `你单位承担的${task}任务${input.periodLabel}工作进展情况应于${formatChineseDate(
          input.dueAt,
        )}前报送，截至目前已逾期${input.overdueWorkingDays}个工作日，仍未报送。根据工作规则，现予以${name}。`,
      },
      { kind: 'paragraph', text: `${requirement}预警情况将纳入年度考核。` },
      { kind: 'link', label: '报送地址', url: appLink(input.publicUrl, input.path) },
      { kind: 'paragraph', text: '特此通知。' },
    ],
    sender: input,
  });
}
