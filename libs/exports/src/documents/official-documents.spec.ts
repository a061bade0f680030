import mammoth from 'mammoth';
import { circularDocument } from './circular.document';
import { interviewNoticeDocument } from './interview-notice.document';
import { packDocument } from './official-document';
import { supervisionNoticeDocument } from './supervision-notice.document';

const ISSUER = '阳江市土壤污染防治工作领导小组办公室';
const textOf = async (buffer: Buffer) => (await mammoth.extractRawText({ buffer })).value;

describe('official documents', () => {
  it('should lay out a supervision notice with its number, addressee, matters and deadline', async () => {
    const text = await textOf(
      await packDocument(
        supervisionNoticeDocument({
          issuer: ISSUER,
          number: '督办〔2026〕3号',
          unitName: '阳江市自然资源局',
          reason: '你单位2026年10月工作进展情况逾期 10 个工作日未报送',
          tasks: [],
          reports: [{ periodLabel: '2026年10月', taskTitle: '建立监管清单', dueAt: new Date('2026-11-02T10:00:00Z') }],
          rectificationDueAt: new Date('2026-12-15T10:00:00Z'),
          openedAt: new Date('2026-12-01T04:00:00Z'),
        }),
      ),
    );
    const order = [
      ISSUER,
      '督办〔2026〕3号',
      '关于对阳江市自然资源局挂牌督办的通知',
      '阳江市自然资源局：',
      '一、督办事项',
    ];
    expect(order.map((part) => text.indexOf(part))).toEqual(
      [...order.map((part) => text.indexOf(part))].sort((a, b) => a - b),
    );
    expect(text).toContain(
      '（1）2026年10月“建立监管清单”工作进展情况应于2026年11月2日（星期一）18:00前报送，逾期未报送。',
    );
    expect(text).toContain('请于2026年12月15日（星期二）18:00前完成整改。');
    expect(text).toMatch(/特此通知。\s+阳江市土壤污染防治工作领导小组办公室\s+2026年12月1日/);
  });

  it('should give an interview notice its time, place, interviewee and follow-up deadline', async () => {
    const text = await textOf(
      await packDocument(
        interviewNoticeDocument({
          issuer: ISSUER,
          unitName: '阳江市自然资源局',
          principalHead: '赵某某（局长）',
          reason: '督办事项逾期未整改',
          startsAt: new Date('2026-12-18T07:00:00Z'),
          endsAt: new Date('2026-12-18T08:00:00Z'),
          place: '市政府3号会议室',
          attendees: ['市政府督查室', '市土壤办'],
          followUpDueAt: new Date('2027-01-08T10:00:00Z'),
          caseNumber: '督办〔2026〕3号',
          issuedAt: new Date('2026-12-16T02:00:00Z'),
        }),
      ),
    );
    expect(text).toContain('关于约谈阳江市自然资源局主要负责同志的通知');
    expect(text).toContain('挂牌督办（督办〔2026〕3号）');
    expect(text).toContain('2026年12月18日（星期五）15:00—16:00');
    expect(text).toContain('市政府3号会议室');
    expect(text).toContain('赵某某（局长）');
    expect(text).toContain('2027年1月8日（星期五）18:00前将整改落实情况书面报送');
  });

  it('should table the overdue units of a circular', async () => {
    const text = await textOf(
      await packDocument(
        circularDocument({
          issuer: ISSUER,
          number: '通报〔2026〕1号',
          periodLabel: '2026年11月',
          body: {
            period: '2026-11',
            unitCount: 1,
            itemCount: 1,
            units: [
              {
                unitId: 8,
                unitName: '阳江市自然资源局',
                overdueCount: 1,
                items: [
                  {
                    taskTitle: '建立监管清单',
                    dueAt: '2026-12-01T10:00:00.000Z',
                    overdueWorkingDays: 4,
                    status: 'red',
                  },
                ],
              },
            ],
          },
          publishedAt: new Date('2026-12-07T02:00:00Z'),
          makeUpBy: new Date('2026-12-10T04:00:00Z'),
        }),
      ),
    );
    expect(text).toContain('关于2026年11月工作进展情况报送逾期单位的通报');
    expect(text).toContain('各成员单位：');
    expect(text).toContain('共有1个单位1项任务逾期未报送');
    expect(text).toMatch(/阳江市自然资源局\s+建立监管清单\s+2026年12月1日（星期二）\s+4\s+红色预警/);
    expect(text).toContain('于2026年12月10日前补报');
  });
});
