import { ProgressRowBuilder, TaskReports, UnitReport } from './progress-rows';

const NOW = new Date('2026-12-10T02:00:00Z');
const report = (patch: Partial<UnitReport>): UnitReport => ({
  unitName: '阳江市农业农村局',
  status: 'accepted',
  late: false,
  dueAt: new Date('2026-12-03T10:00:00Z'),
  kind: 'progress',
  progressText: '完成采样。',
  percent: 60,
  ...patch,
});
const task = (patch: Partial<TaskReports>): TaskReports => ({
  ref: '一/(一)',
  title: '开展详查',
  responsible: ['阳江市农业农村局'],
  reports: [report({})],
  ...patch,
});

describe(ProgressRowBuilder.name, () => {
  const titles = new Map([['一', '农用地']]);

  it('should number items within their section and fill the progress from the accepted report', () => {
    const builder = new ProgressRowBuilder(titles, NOW);
    expect(builder.row(task({}))).toEqual({
      section: '一、农用地',
      item: '1．开展详查',
      units: '阳江市农业农村局',
      progress: '完成采样。',
      remark: '完成进度60%',
    });
    expect(builder.row(task({ ref: '一/(二)', title: '第二项' })).item).toBe('2．第二项');
    expect(builder.row(task({ ref: '二/(三)', title: '第三项' }))).toMatchObject({
      section: '第二部分',
      item: '1．第三项',
    });
    expect(builder.row(task({ ref: '7', title: '无编号' })).section).toBe('其他');
  });

  it('should show 无此项任务, name the units when several reported, and note what is missing or late', () => {
    const row = new ProgressRowBuilder(titles, NOW).row(
      task({
        responsible: ['阳江市农业农村局', '阳江市生态环境局'],
        reports: [
          report({ late: true }),
          report({ unitName: '阳江市生态环境局', kind: 'no_task', progressText: null, percent: null }),
          report({ unitName: '阳西县人民政府', status: 'open', kind: null }),
          report({ unitName: '阳春市人民政府', status: 'submitted' }),
        ],
      }),
    );
    expect(row.units).toBe('阳江市农业农村局、阳江市生态环境局');
    expect(row.progress).toBe('阳江市农业农村局：完成采样。\n阳江市生态环境局：无此项任务');
    expect(row.remark).toBe(
      '阳江市农业农村局：完成进度60%，逾期报送\n阳西县人民政府：逾期未报送\n阳春市人民政府：已报送，待审核',
    );
  });

  it('should tell a report not yet due from a missing one', () => {
    const row = new ProgressRowBuilder(titles, new Date('2026-12-01T00:00:00Z')).row(
      task({ reports: [report({ status: 'open', kind: null })] }),
    );
    expect(row).toMatchObject({ progress: '', remark: '未到报送期限' });
  });
});
