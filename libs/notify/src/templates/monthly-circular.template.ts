import { formatChineseDate, formatChineseDay } from './chinese-date';
import { appLink, EmailContent, NoticeBlock, NoticeSender, renderNotice } from './notice-layout';

export interface OverdueEntry {
  unitName: string;
  taskTitle: string;
  dueAt: Date;
  overdueWorkingDays: number;
  /** The highest step issued so far, shown in the list. */
  status: 'none' | 'yellow' | 'red' | 'supervision' | 'interview';
}

export interface MonthlyCircularInput extends NoticeSender {
  /** Addressee, e.g. 各成员单位. */
  recipientName: string;
  periodLabel: string;
  overdue: OverdueEntry[];
  path: string;
}

const STATUS_LABEL: Record<OverdueEntry['status'], string> = {
  none: '—',
  yellow: '黄色预警',
  red: '红色预警',
  supervision: '挂牌督办',
  interview: '约谈',
};

/** 通报：the periodic list of units whose reports are overdue. */
export function monthlyCircularEmail(input: MonthlyCircularInput): EmailContent {
  const units = new Set(input.overdue.map((entry) => entry.unitName)).size;
  const asOf = formatChineseDay(input.issuedAt);
  const blocks: NoticeBlock[] =
    input.overdue.length === 0
      ? [{ kind: 'paragraph', text: `截至${asOf}，${input.periodLabel}各责任单位均已按时报送工作进展情况。` }]
      : [
          {
            kind: 'paragraph',
            text: `截至${asOf}，${input.periodLabel}工作进展情况报送中，共有${units}个单位${input.overdue.length}项任务逾期报送或逾期未报送，现予以通报：`,
          },
          {
            kind: 'table',
            columns: ['单位', '任务', '截止日期', '逾期（工作日）', '当前措施'],
            rows: input.overdue.map((entry) => [
              entry.unitName,
              entry.taskTitle,
              formatChineseDate(entry.dueAt),
              String(entry.overdueWorkingDays),
              STATUS_LABEL[entry.status],
            ]),
          },
          {
            kind: 'paragraph',
            text: '请上述单位高度重视，尚未报送的立即补报，认真查找原因，切实加强工作调度。通报情况将纳入年度考核。',
          },
        ];
  blocks.push({ kind: 'link', label: '查看详情', url: appLink(input.publicUrl, input.path) });
  return renderNotice({
    subject:
      input.overdue.length === 0
        ? `【通报】关于${input.periodLabel}工作进展情况报送情况的通报`
        : `【通报】关于${input.periodLabel}工作进展情况报送逾期单位的通报`,
    salutation: input.recipientName,
    blocks,
    sender: input,
  });
}
