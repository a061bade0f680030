import { formatChineseDateTime } from './chinese-date';
import { appLink, EmailContent, NoticeSender, renderNotice } from './notice-layout';

export interface AssessmentNoticeInput extends NoticeSender {
  unitName: string;
  planTitle: string;
  year: number;
  /** App path of the unit's own result. */
  path: string;
}

export interface AssessmentReleasedInput extends AssessmentNoticeInput {
  /** 申诉截止时间: the end of office hours of the window's last working day. */
  appealDeadline: Date;
}

/** 考核初评结果公示：the unit may see its draft score and appeal until the deadline. */
export function assessmentReleasedEmail(input: AssessmentReleasedInput): EmailContent {
  const plan = bookTitle(input.planTitle);
  return renderNotice({
    subject: `【考核公示】${plan}${input.year}年度考核初评结果已公示，申诉截止${formatChineseDateTime(input.appealDeadline)}`,
    salutation: input.unitName,
    blocks: [
      { kind: 'paragraph', text: `${plan}${input.year}年度考核初评结果已在系统中公示。` },
      {
        kind: 'paragraph',
        text: '请登录系统查看本单位的得分、扣分依据及相关记录。对初评结果有异议的，请在申诉截止时间前通过系统提出申诉，并附相关佐证材料；逾期未提出的，视为无异议。',
      },
      { kind: 'field', label: '申诉截止时间', value: formatChineseDateTime(input.appealDeadline) },
      { kind: 'link', label: '查看地址', url: appLink(input.publicUrl, input.path) },
    ],
    sender: input,
  });
}

/** 考核结果发布：the final results are published and frozen. */
export function assessmentPublishedEmail(input: AssessmentNoticeInput): EmailContent {
  const plan = bookTitle(input.planTitle);
  return renderNotice({
    subject: `【考核结果】${plan}${input.year}年度考核结果已发布`,
    salutation: input.unitName,
    blocks: [
      {
        kind: 'paragraph',
        text: `${plan}${input.year}年度考核结果已正式发布。请登录系统查看本单位的得分、等次和排名。`,
      },
      { kind: 'link', label: '查看地址', url: appLink(input.publicUrl, input.path) },
    ],
    sender: input,
  });
}

/** A plan as documents name it: 《…》, once, whatever brackets the title already carries. */
function bookTitle(title: string): string {
  return `《${title.trim().replace(/^《+|》+$/g, '')}》`;
}
