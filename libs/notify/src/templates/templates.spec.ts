import { assignmentPublishedEmail } from './assignment-published.template';
import { interviewNoticeEmail } from './interview-notice.template';
import { monthlyCircularEmail, OverdueEntry } from './monthly-circular.template';
import { appLink, EmailContent, escapeHtml, NoticeSender } from './notice-layout';
import { reportReminderEmail } from './report-reminder.template';
import { reportReturnedEmail } from './report-returned.template';
import { supervisionCaseNumber, supervisionNoticeEmail } from './supervision-notice.template';
import { redWarningEmail, yellowWarningEmail } from './warning.template';

const OFFICE = '阳江市土壤污染防治工作领导小组办公室';
/** Every kind of character that must be escaped in HTML. */
const HOSTILE = `<script>alert("x")</script> & 'q'`;

function sender(overrides: Partial<NoticeSender> = {}): NoticeSender {
  return {
    officeName: OFFICE,
    issuedAt: new Date('2026-11-20T02:00:00Z'),
    publicUrl: 'https://soil.example.gov.cn/',
    ...overrides,
  };
}

function overdueEntry(overrides: Partial<OverdueEntry> = {}): OverdueEntry {
  return {
    unitName: '市农业农村局',
    taskTitle: '开展受污染耕地安全利用',
    dueAt: new Date('2026-12-03T10:00:00Z'),
    overdueWorkingDays: 3,
    status: 'yellow',
    ...overrides,
  };
}

/** Each template with inputs whose every free-text field is `value`. */
function everyTemplate(value: string): Array<[string, EmailContent]> {
  const base = sender({ officeName: value });
  return [
    [
      'assignmentPublishedEmail',
      assignmentPublishedEmail({
        ...base,
        unitName: value,
        role: 'lead',
        planTitle: value,
        taskRef: value,
        taskTitle: value,
        acknowledgeDueAt: new Date('2026-12-03T01:00:00Z'),
        path: '/assignments/12',
      }),
    ],
    [
      'reportReminderEmail',
      reportReminderEmail({
        ...base,
        unitName: value,
        when: 'before_due',
        taskTitle: value,
        periodLabel: value,
        dueAt: new Date('2026-12-03T10:00:00Z'),
        path: '/obligations/5',
      }),
    ],
    [
      'yellowWarningEmail',
      yellowWarningEmail({
        ...base,
        unitName: value,
        taskTitle: value,
        periodLabel: value,
        dueAt: new Date('2026-12-03T10:00:00Z'),
        overdueWorkingDays: 1,
        path: '/obligations/5',
      }),
    ],
    [
      'redWarningEmail',
      redWarningEmail({
        ...base,
        unitName: value,
        taskTitle: value,
        periodLabel: value,
        dueAt: new Date('2026-12-03T10:00:00Z'),
        overdueWorkingDays: 5,
        path: '/obligations/5',
      }),
    ],
    [
      'supervisionNoticeEmail',
      supervisionNoticeEmail({
        ...base,
        unitName: value,
        caseYear: 2026,
        caseNumber: 3,
        taskTitle: value,
        reason: value,
        rectificationDueAt: new Date('2026-12-17T10:00:00Z'),
        path: '/supervision/3',
      }),
    ],
    [
      'interviewNoticeEmail',
      interviewNoticeEmail({
        ...base,
        unitName: value,
        intervieweeName: value,
        startsAt: new Date('2026-12-21T06:30:00Z'),
        endsAt: new Date('2026-12-21T08:00:00Z'),
        place: value,
        attendees: [value, value],
        reason: value,
        inviteAttached: true,
        path: '/interviews/1',
      }),
    ],
    [
      'reportReturnedEmail',
      reportReturnedEmail({
        ...base,
        unitName: value,
        taskTitle: value,
        periodLabel: value,
        comment: value,
        newDueAt: new Date('2026-12-08T10:00:00Z'),
        path: '/obligations/5',
      }),
    ],
    [
      'monthlyCircularEmail',
      monthlyCircularEmail({
        ...base,
        recipientName: value,
        periodLabel: value,
        overdue: [overdueEntry({ unitName: value, taskTitle: value })],
        path: '/circulars/2026-11',
      }),
    ],
  ];
}

describe('notification templates', () => {
  describe('every template', () => {
    it.each(everyTemplate(HOSTILE))('should escape every interpolated value in html when %s gets markup', (_, mail) => {
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain(`"x"`);
      expect(mail.html).toContain(escapeHtml(HOSTILE));
      // The plain-text part and the subject carry the value as typed.
      expect(mail.text).toContain(HOSTILE);
      expect(mail.subject.length).toBeGreaterThan(0);
    });

    it.each(everyTemplate('市农业农村局'))(
      'should end with the office and the issue date when %s is rendered',
      (_, mail) => {
        expect(mail.text).toMatch(/市农业农村局\n2026年11月20日\n/);
        expect(mail.html).toContain('市农业农村局<br>2026年11月20日');
        expect(mail.html.startsWith('<!DOCTYPE html>')).toBe(true);
      },
    );

    it.each(everyTemplate('单位'))('should keep the subject on one line when %s is rendered', (_, mail) => {
      expect(mail.subject).not.toMatch(/[\r\n]/);
    });
  });

  describe(assignmentPublishedEmail.name, () => {
    it('should ask for acknowledgement by the due date and link to the assignment when a task is published', () => {
      const mail = assignmentPublishedEmail({
        ...sender(),
        unitName: '市农业农村局',
        role: 'participant',
        planTitle: '《阳江市土壤污染防治行动计划》',
        taskRef: '二/(三)/1',
        taskTitle: '开展受污染耕地安全利用',
        acknowledgeDueAt: new Date('2026-12-03T01:00:00Z'),
        path: 'assignments/12',
      });
      expect(mail.subject).toBe('【任务下达】“开展受污染耕地安全利用”任务已下达，请于2026年12月3日（星期四）前签收');
      expect(mail.text).toContain('市农业农村局：\n');
      expect(mail.text).toContain('《阳江市土壤污染防治行动计划》已印发实施');
      expect(mail.text).toContain('由你单位参与（协办）');
      expect(mail.text).toContain('https://soil.example.gov.cn/assignments/12');
      expect(mail.html).toContain('<a href="https://soil.example.gov.cn/assignments/12">');
    });
  });

  describe(reportReminderEmail.name, () => {
    it('should say the report is due today when the reminder is sent on the due date', () => {
      const mail = reportReminderEmail({
        ...sender(),
        unitName: '阳西县人民政府',
        when: 'due_today',
        taskTitle: '土壤污染状况详查',
        periodLabel: '2026年11月',
        dueAt: new Date('2026-12-03T10:00:00Z'),
        path: '/obligations/5',
      });
      expect(mail.subject).toBe('【报送提醒】今日截止：“土壤污染状况详查”2026年11月工作进展情况');
      expect(mail.text).toContain('截止时间：2026年12月3日（星期四）18:00');
    });
  });

  describe(yellowWarningEmail.name, () => {
    it('should state the working days overdue when the report is late', () => {
      const mail = yellowWarningEmail({
        ...sender(),
        unitName: '市自然资源局',
        taskTitle: '建设用地土壤环境调查',
        periodLabel: '2026年11月',
        dueAt: new Date('2026-12-03T10:00:00Z'),
        overdueWorkingDays: 1,
        path: '/obligations/5',
      });
      expect(mail.subject).toContain('【黄色预警】市自然资源局');
      expect(mail.text).toContain('应于2026年12月3日（星期四）前报送，截至目前已逾期1个工作日');
      expect(mail.text).toContain('现予以黄色预警');
    });
  });

  describe(redWarningEmail.name, () => {
    it('should announce supervision as the next step when the warning is red', () => {
      const mail = redWarningEmail({
        ...sender(),
        unitName: '市自然资源局',
        taskTitle: '建设用地土壤环境调查',
        periodLabel: '2026年11月',
        dueAt: new Date('2026-12-03T10:00:00Z'),
        overdueWorkingDays: 5,
        path: '/obligations/5',
      });
      expect(mail.subject).toContain('【红色预警】');
      expect(mail.text).toContain('将按规定挂牌督办');
    });
  });

  describe(supervisionNoticeEmail.name, () => {
    it('should carry the notice number and the rectification deadline when a case is opened', () => {
      const mail = supervisionNoticeEmail({
        ...sender(),
        unitName: '市农业农村局',
        caseYear: 2026,
        caseNumber: 7,
        taskTitle: '开展受污染耕地安全利用',
        reason: '你单位2026年11月工作进展情况逾期10个工作日未报送。',
        rectificationDueAt: new Date('2026-12-31T10:00:00Z'),
        path: '/supervision/7',
      });
      expect(supervisionCaseNumber(2026, 7)).toBe('督办〔2026〕7号');
      expect(mail.subject).toContain('督办〔2026〕7号');
      expect(mail.text.startsWith('督办〔2026〕7号\n\n市农业农村局：')).toBe(true);
      expect(mail.text).toContain('逾期10个工作日未报送。经研究');
      expect(mail.text).toContain('整改期限：2026年12月31日（星期四）18:00前');
    });
  });

  describe(interviewNoticeEmail.name, () => {
    it('should list time, place, attendees and reason when an interview is scheduled', () => {
      const mail = interviewNoticeEmail({
        ...sender(),
        unitName: '市农业农村局',
        startsAt: new Date('2027-01-05T06:30:00Z'),
        endsAt: new Date('2027-01-05T08:00:00Z'),
        place: '市政府第三会议室',
        attendees: ['市政府分管副秘书长', '领导小组办公室主任', '市农业农村局局长'],
        reason: '督办〔2026〕7号督办事项逾期未完成整改',
        inviteAttached: true,
        path: '/interviews/1',
      });
      expect(mail.subject).toBe('【约谈通知】关于约谈市农业农村局主要负责同志的通知');
      expect(mail.text).toContain('决定约谈你单位主要负责同志');
      expect(mail.text).toContain('一、约谈时间：2027年1月5日（星期二）14:30—16:00');
      expect(mail.text).toContain('二、约谈地点：市政府第三会议室');
      expect(mail.text).toContain('三、参加人员：市政府分管副秘书长、领导小组办公室主任、市农业农村局局长');
      expect(mail.text).toContain('四、约谈事由：督办〔2026〕7号督办事项逾期未完成整改。');
      expect(mail.text).toContain('invite.ics');
    });
  });

  describe(reportReturnedEmail.name, () => {
    it('should quote the office comment line by line and give the new due date when a report is returned', () => {
      const mail = reportReturnedEmail({
        ...sender(),
        unitName: '阳春市人民政府',
        taskTitle: '土壤污染状况详查',
        periodLabel: '2026年11月',
        comment: '1.补充佐证材料；\n2.核实完成比例<60%的原因。',
        newDueAt: new Date('2026-12-08T10:00:00Z'),
        path: '/obligations/5',
      });
      expect(mail.subject).toBe(
        '【退回修改】“土壤污染状况详查”2026年11月工作进展情况已退回，请于2026年12月8日（星期二）前重新报送',
      );
      expect(mail.text).toContain('审核意见：1.补充佐证材料；\n\u3000\u30002.核实完成比例<60%的原因。');
      expect(mail.html).toContain('审核意见：1.补充佐证材料；<br>2.核实完成比例&lt;60%的原因。');
      expect(mail.text).toContain('于2026年12月8日（星期二）18:00前重新报送');
    });
  });

  describe(monthlyCircularEmail.name, () => {
    it('should count units and list every overdue task when several reports are late', () => {
      const mail = monthlyCircularEmail({
        ...sender(),
        recipientName: '各成员单位',
        periodLabel: '2026年11月',
        overdue: [
          overdueEntry(),
          overdueEntry({ taskTitle: '农药化肥减量', status: 'red', overdueWorkingDays: 6 }),
          overdueEntry({ unitName: '阳西县人民政府', status: 'supervision', overdueWorkingDays: 11 }),
        ],
        path: '/circulars/2026-11',
      });
      expect(mail.subject).toBe('【通报】关于2026年11月工作进展情况报送逾期单位的通报');
      expect(mail.text).toContain('共有2个单位3项任务逾期报送或逾期未报送');
      expect(mail.text).toContain(
        '（2）单位：市农业农村局；任务：农药化肥减量；截止日期：2026年12月3日（星期四）；逾期（工作日）：6；当前措施：红色预警',
      );
      expect(mail.html.match(/<tr>/g)).toHaveLength(4);
    });

    it('should say every unit reported on time when nothing is overdue', () => {
      const mail = monthlyCircularEmail({
        ...sender(),
        recipientName: '各成员单位',
        periodLabel: '2026年11月',
        overdue: [],
        path: '/circulars/2026-11',
      });
      expect(mail.text).toContain('各责任单位均已按时报送');
      expect(mail.html).not.toContain('<table');
    });
  });

  describe(appLink.name, () => {
    it('should join with exactly one slash when both sides carry one', () => {
      expect(appLink('https://a.example/', '/x/1')).toBe('https://a.example/x/1');
      expect(appLink('https://a.example', 'x/1')).toBe('https://a.example/x/1');
    });
  });
});
