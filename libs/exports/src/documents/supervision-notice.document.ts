import { formatChineseDateTime, formatChineseDay } from '@app/notify';
import type { OfficialDocument } from './official-document';
import { headingNumber, quoted, sentence } from './wording';

export interface SupervisionNoticeData {
  issuer: string;
  /** 督办〔2026〕3号. */
  number: string;
  unitName: string;
  reason: string;
  tasks: Array<{ ref: string; title: string }>;
  /** The overdue reports the case is about. */
  reports: Array<{ periodLabel: string; taskTitle: string; dueAt: Date }>;
  rectificationDueAt: Date;
  openedAt: Date;
}

/** 挂牌督办通知（督办单）. */
export function supervisionNoticeDocument(data: SupervisionNoticeData): OfficialDocument {
  const subject = data.tasks.length > 0 ? `承担的${data.tasks.map((t) => quoted(t.title)).join('、')}任务` : '有关工作';
  const matters = [
    ...data.tasks.map((t) => `${quoted(t.title)}任务（${t.ref}）落实滞后`),
    ...data.reports.map(
      (r) =>
        `${r.periodLabel}${quoted(r.taskTitle)}工作进展情况应于${formatChineseDateTime(r.dueAt)}前报送，逾期未报送`,
    ),
  ];
  const sections: Array<{ heading: string; paragraphs: string[] }> = [
    ...(matters.length > 0
      ? [{ heading: '督办事项', paragraphs: matters.map((text, i) => `（${i + 1}）${sentence(text)}`) }]
      : []),
    { heading: '整改期限', paragraphs: [`请于${formatChineseDateTime(data.rectificationDueAt)}前完成整改。`] },
    {
      heading: '工作要求',
      paragraphs: [
        '请你单位主要负责同志亲自部署，认真分析原因，制定整改措施，在整改期限内完成整改，并通过系统报送整改情况及佐证材料。整改到位、经核查后予以销号；逾期未完成整改的，将约谈你单位主要负责同志。',
      ],
    },
  ];
  return {
    issuer: data.issuer,
    number: data.number,
    title: `关于对${data.unitName}挂牌督办的通知`,
    addressee: data.unitName,
    body: [
      {
        kind: 'paragraph',
        text: `${sentence(data.reason)}经研究，决定对你单位${subject}予以挂牌督办。现将有关事项通知如下：`,
      },
      ...sections.flatMap((section, index) => [
        { kind: 'heading' as const, text: `${headingNumber(index)}、${section.heading}` },
        ...section.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
      ]),
      { kind: 'paragraph', text: '特此通知。' },
    ],
    signature: { issuer: data.issuer, date: formatChineseDay(data.openedAt) },
  };
}
