import { escapeHtml } from './notice-layout';
import { progressLagWarningEmail, ProgressLagWarningInput } from './progress-lag-warning.template';

const HOSTILE = `<script>alert("x")</script> & 'q'`;

function lagInput(overrides: Partial<ProgressLagWarningInput> = {}): ProgressLagWarningInput {
  return {
    officeName: '阳江市土壤污染防治工作领导小组办公室',
    issuedAt: new Date('2026-12-01T01:00:00Z'),
    publicUrl: 'https://soil.example.gov.cn/',
    unitName: '阳江市农业农村局',
    taskTitle: '开展农用地土壤污染状况详查',
    periodLabel: '2026年11月',
    taskDueAt: new Date('2026-12-31T15:59:59Z'),
    reportedPercent: 5,
    expectedPercent: 66.3,
    marginPoints: 20,
    path: '/obligations/7',
    ...overrides,
  };
}

describe(progressLagWarningEmail.name, () => {
  it('should state the reported and the expected progress, the lag and the tolerance when progress lags', () => {
    const mail = progressLagWarningEmail(lagInput());
    expect(mail.subject).toBe('【进度滞后预警】阳江市农业农村局“开展农用地土壤污染状况详查”工作进度滞后');
    expect(mail.text).toContain('应于2026年12月31日前完成');
    expect(mail.text).toContain('2026年11月工作进展情况显示完成进度为5%');
    expect(mail.text).toContain('任务期限已过去66%，进度滞后约61个百分点，超出允许偏差（20个百分点）');
    expect(mail.text).toContain('报送完成进度：5%');
    expect(mail.text).toContain('https://soil.example.gov.cn/obligations/7');
    expect(mail.text).toContain('纳入年度考核');
  });

  it('should escape every interpolated value in html when the names carry markup', () => {
    const mail = progressLagWarningEmail(
      lagInput({ officeName: HOSTILE, unitName: HOSTILE, taskTitle: HOSTILE, periodLabel: HOSTILE }),
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain(escapeHtml(HOSTILE));
    expect(mail.text).toContain(HOSTILE);
  });
});
