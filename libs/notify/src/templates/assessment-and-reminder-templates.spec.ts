import { assessmentPublishedEmail, assessmentReleasedEmail } from './assessment-notice.template';
import { interviewReminderEmail } from './interview-reminder.template';
import { escapeHtml, NoticeSender } from './notice-layout';

const HOSTILE = `<script>alert("x")</script> & 'q'`;

function sender(officeName = '阳江市土壤污染防治工作领导小组办公室'): NoticeSender {
  return { officeName, issuedAt: new Date('2027-01-13T02:00:00Z'), publicUrl: 'https://soil.example.gov.cn/' };
}

describe('assessment and interview reminder templates', () => {
  const released = (value: string) =>
    assessmentReleasedEmail({
      ...sender(value),
      unitName: value,
      planTitle: value,
      year: 2026,
      appealDeadline: new Date('2027-01-20T10:00:00Z'),
      path: '/assessment/results/mine?runId=3',
    });
  const published = (value: string) =>
    assessmentPublishedEmail({
      ...sender(value),
      unitName: value,
      planTitle: value,
      year: 2026,
      path: '/assessment/results/mine?runId=3',
    });
  const reminder = (value: string) =>
    interviewReminderEmail({
      ...sender(value),
      unitName: value,
      intervieweeName: value,
      startsAt: new Date('2026-10-15T02:00:00Z'),
      endsAt: new Date('2026-10-15T03:00:00Z'),
      place: value,
      path: '/interviews/4',
    });

  it.each([
    ['assessmentReleasedEmail', released],
    ['assessmentPublishedEmail', published],
    ['interviewReminderEmail', reminder],
  ])('should escape every interpolated value in html when %s gets markup', (_, render) => {
    const mail = render(HOSTILE);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain(escapeHtml(HOSTILE));
    expect(mail.text).toContain(HOSTILE);
  });

  it('should give the appeal deadline in Beijing time and link to the unit result when the draft is released', () => {
    const mail = released('阳江市2026年土壤污染防治工作要点');
    expect(mail.subject).toBe(
      '【考核公示】《阳江市2026年土壤污染防治工作要点》2026年度考核初评结果已公示，申诉截止2027年1月20日（星期三）18:00',
    );
    expect(mail.text).toContain('申诉截止时间：2027年1月20日（星期三）18:00');
    expect(mail.text).toContain('https://soil.example.gov.cn/assessment/results/mine?runId=3');
    expect(mail.text).toContain('逾期未提出的，视为无异议');
  });

  it('should announce the final results when the assessment is published', () => {
    const mail = published('《阳江市2026年土壤污染防治工作要点》');
    expect(mail.subject).toBe('【考核结果】《阳江市2026年土壤污染防治工作要点》2026年度考核结果已发布');
    expect(mail.text).toContain('得分、等次和排名');
  });

  it('should give time and place when the interview is the next working day', () => {
    const mail = reminder('市生态环境局三楼会议室');
    expect(mail.subject).toBe('【约谈提醒】市生态环境局三楼会议室主要负责同志约谈将于下一工作日举行');
    expect(mail.text).toContain('约谈时间：2026年10月15日（星期四）10:00—11:00');
    expect(mail.text).toContain('约谈地点：市生态环境局三楼会议室');
  });
});
