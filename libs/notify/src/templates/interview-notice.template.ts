import { formatChineseTimeRange } from './chinese-date';
import { appLink, EmailContent, NoticeBlock, NoticeSender, renderNotice, sentence } from './notice-layout';

export interface InterviewNoticeInput extends NoticeSender {
  unitName: string;
  /** The person called in, e.g. `张三同志（市农业农村局局长）`. Defaults to 你单位主要负责同志. */
  intervieweeName?: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  /** Who attends, e.g. [`市政府分管副秘书长`, `领导小组办公室主任`, `市农业农村局局长`]. */
  attendees: string[];
  /** 约谈事由, e.g. `督办〔2026〕3号督办事项逾期未完成整改`. */
  reason: string;
  /** Mentions the attached invite.ics when true. */
  inviteAttached: boolean;
  path: string;
}

/** 约谈通知：the unit head is called in; time, place, attendees and reason. Sent with an invite.ics. */
export function interviewNoticeEmail(input: InterviewNoticeInput): EmailContent {
  const who = input.intervieweeName?.trim() || '你单位主要负责同志';
  const blocks: NoticeBlock[] = [
    { kind: 'paragraph', text: `根据工作规则，经研究，决定约谈${who}。现将有关事项通知如下：` },
    { kind: 'field', label: '一、约谈时间', value: formatChineseTimeRange(input.startsAt, input.endsAt) },
    { kind: 'field', label: '二、约谈地点', value: input.place },
    { kind: 'field', label: '三、参加人员', value: input.attendees.join('、') },
    { kind: 'field', label: '四、约谈事由', value: sentence(input.reason) },
    {
      kind: 'field',
      label: '五、有关要求',
      value:
        '请被约谈人按时参加，原则上不得委托他人代为参加；请提前准备整改情况书面汇报材料。如有特殊情况，请提前与领导小组办公室联系。',
    },
  ];
  if (input.inviteAttached) {
    blocks.push({ kind: 'paragraph', text: '本邮件附有日程邀请（invite.ics），可直接添加到日历。' });
  }
  blocks.push(
    { kind: 'link', label: '约谈详情', url: appLink(input.publicUrl, input.path) },
    { kind: 'paragraph', text: '特此通知。' },
  );
  return renderNotice({
    subject: `【约谈通知】关于约谈${input.unitName}主要负责同志的通知`,
    salutation: input.unitName,
    blocks,
    sender: input,
  });
}
