import { formatChineseTimeRange } from './chinese-date';
import { appLink, EmailContent, NoticeSender, renderNotice } from './notice-layout';

export interface InterviewReminderInput extends NoticeSender {
  unitName: string;
  /** The person called in, e.g. `张三同志（市农业农村局局长）`. Defaults to 你单位主要负责同志. */
  intervieweeName?: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  path: string;
}

/** 约谈提醒：sent at the office opening of the working day before the interview. */
export function interviewReminderEmail(input: InterviewReminderInput): EmailContent {
  const who = input.intervieweeName?.trim() || '你单位主要负责同志';
  return renderNotice({
    subject: `【约谈提醒】${input.unitName}主要负责同志约谈将于下一工作日举行`,
    salutation: input.unitName,
    blocks: [
      { kind: 'paragraph', text: `约谈${who}的有关安排提醒如下，请按时参加。` },
      { kind: 'field', label: '约谈时间', value: formatChineseTimeRange(input.startsAt, input.endsAt) },
      { kind: 'field', label: '约谈地点', value: input.place },
      {
        kind: 'paragraph',
        text: '请提前准备整改情况书面汇报材料。如有特殊情况，请及时与领导小组办公室联系。',
      },
      { kind: 'link', label: '约谈详情', url: appLink(input.publicUrl, input.path) },
    ],
    sender: input,
  });
}
