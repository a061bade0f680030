import { formatChineseDateTime, formatChineseDay, formatChineseTimeRange } from '@app/notify';
import type { OfficialDocument } from './official-document';
import { sentence } from './wording';

export interface InterviewNoticeData {
  issuer: string;
  unitName: string;
  /** 约谈对象, e.g. 陈某某（局长）. */
  principalHead: string;
  reason: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  attendees: string[];
  followUpDueAt: Date;
  /** The supervision case the interview follows, 督办〔2026〕3号, if any. */
  caseNumber: string | null;
  issuedAt: Date;
}

/**
 * 约谈通知. Interviews carry no number series of their own, so the 发文字号 line is left empty and the case the
 * interview follows is cited in the text.
 */
export function interviewNoticeDocument(data: InterviewNoticeData): OfficialDocument {
  const basis = data.caseNumber ? `鉴于你单位在挂牌督办（${data.caseNumber}）整改期限内未完成整改，` : '';
  return {
    issuer: data.issuer,
    title: `关于约谈${data.unitName}主要负责同志的通知`,
    addressee: data.unitName,
    body: [
      {
        kind: 'paragraph',
        text: `${sentence(data.reason)}${basis}经研究，决定约谈你单位主要负责同志。现将有关事项通知如下：`,
      },
      { kind: 'heading', text: '一、约谈时间' },
      { kind: 'paragraph', text: formatChineseTimeRange(data.startsAt, data.endsAt) },
      { kind: 'heading', text: '二、约谈地点' },
      { kind: 'paragraph', text: data.place },
      { kind: 'heading', text: '三、约谈对象' },
      { kind: 'paragraph', text: data.principalHead },
      { kind: 'heading', text: '四、参加人员' },
      { kind: 'paragraph', text: data.attendees.length > 0 ? data.attendees.join('、') : '另行通知' },
      { kind: 'heading', text: '五、有关要求' },
      {
        kind: 'paragraph',
        text: `请约谈对象准时参加，并就存在问题、原因分析和整改措施作书面说明；约谈后请于${formatChineseDateTime(data.followUpDueAt)}前将整改落实情况书面报送。`,
      },
      { kind: 'paragraph', text: '特此通知。' },
    ],
    signature: { issuer: data.issuer, date: formatChineseDay(data.issuedAt) },
  };
}
