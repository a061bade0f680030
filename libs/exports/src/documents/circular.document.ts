import { formatChineseDate, formatChineseDay } from '@app/notify';
import type { CircularBody, CircularItem } from '@app/supervision';
import type { OfficialDocument } from './official-document';

export interface CircularData {
  issuer: string;
  /** 通报〔2026〕1号. */
  number: string;
  periodLabel: string;
  body: CircularBody;
  publishedAt: Date;
  /** The day by which the units listed must report, three working days after publication. */
  makeUpBy: Date;
}

const STEP_LABELS: Record<CircularItem['status'], string> = {
  none: '—',
  yellow: '黄色预警',
  red: '红色预警',
  supervision: '挂牌督办',
  interview: '约谈',
};

/** 通报: the month's overdue units, with what has been done about each. */
export function circularDocument(data: CircularData): OfficialDocument {
  const asOf = formatChineseDay(data.publishedAt);
  const { units, itemCount } = data.body;
  const rows = units.flatMap((unit) =>
    unit.items.length === 0
      ? [[unit.unitName, `${unit.overdueCount}项`, '—', '—', '—']]
      : unit.items.map((item) => [
          unit.unitName,
          item.taskTitle,
          formatChineseDate(new Date(item.dueAt)),
          String(item.overdueWorkingDays),
          STEP_LABELS[item.status],
        ]),
  );
  return {
    issuer: data.issuer,
    number: data.number,
    title:
      units.length === 0
        ? `关于${data.periodLabel}工作进展情况报送情况的通报`
        : `关于${data.periodLabel}工作进展情况报送逾期单位的通报`,
    addressee: '各成员单位',
    body:
      units.length === 0
        ? [
            {
              kind: 'paragraph',
              text: `截至${asOf}，${data.periodLabel}各责任单位均已按时报送工作进展情况，特此通报。`,
            },
          ]
        : [
            {
              kind: 'paragraph',
              text: `截至${asOf}，${data.periodLabel}工作进展情况报送中，共有${units.length}个单位${itemCount}项任务逾期未报送，现予以通报：`,
            },
            {
              kind: 'table',
              columns: ['单位', '任务', '截止日期', '逾期（工作日）', '当前措施'],
              widths: [20, 34, 20, 12, 14],
              rows,
            },
            {
              kind: 'paragraph',
              text: `请上述单位高度重视，于${formatChineseDay(data.makeUpBy)}前补报，认真查找原因，切实加强工作调度。通报情况将纳入年度考核。`,
            },
          ],
    signature: { issuer: data.issuer, date: asOf },
  };
}
