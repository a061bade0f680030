import { formatChineseDateTime } from './chinese-date';
import { appLink, EmailContent, NoticeSender, quoted, renderNotice, sentence } from './notice-layout';

export interface SupervisionNoticeInput extends NoticeSender {
  unitName: string;
  /** Year and sequence of the notice number: 督办〔year〕number号. */
  caseYear: number;
  caseNumber: number;
  taskTitle: string;
  /** Why the case was opened, as a clause, e.g. `你单位2026年11月工作进展情况逾期10个工作日未报送`. */
  reason: string;
  rectificationDueAt: Date;
  path: string;
}

/** `督办〔2026〕3号`: the number of a supervision notice (督办单). */
export function supervisionCaseNumber(year: number, number: number): string {
  return `督办〔${year}〕${number}号`;
}

/** 挂牌督办通知：a numbered supervision notice with a rectification deadline; closed only after verification (销号). */
export function supervisionNoticeEmail(input: SupervisionNoticeInput): EmailContent {
  const caseNumber = supervisionCaseNumber(input.caseYear, input.caseNumber);
  const task = quoted(input.taskTitle);
  return renderNotice({
    subject: `【挂牌督办】${caseNumber} 关于对${input.unitName}${task}任务挂牌督办的通知`,
    documentNumber: caseNumber,
    salutation: input.unitName,
    blocks: [
      { kind: 'paragraph', text: `${sentence(input.reason)}经研究，决定对你单位承担的${task}任务予以挂牌督办。` },
      { kind: 'field', label: '整改期限', value: `${formatChineseDateTime(input.rectificationDueAt)}前` },
      {
        kind: 'paragraph',
        text: '请你单位主要负责同志亲自部署，认真分析原因，制定整改措施，在整改期限内完成整改，并通过系统报送整改情况及佐证材料。整改到位、经核查后予以销号；逾期未完成整改的，将约谈你单位主要负责同志。',
      },
      { kind: 'link', label: '督办单', url: appLink(input.publicUrl, input.path) },
      { kind: 'paragraph', text: '特此通知。' },
    ],
    sender: input,
  });
}
