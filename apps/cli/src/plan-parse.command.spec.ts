import { EXIT_BAD_INPUT, EXIT_OK } from './cli-io';
import { parsePlanParseArgs, runPlanParse } from './plan-parse.command';
import { memoryIo } from './testing-io';

const PLAN = [
  '2019年度某县土壤污染防治重点工作实施计划',
  '二、重点任务',
  '（一）推进调查',
  '1．完成详查。6月底前，完成样品入库。（县生态环境局牵头，县农业农村局、',
  '— 3 —',
  '自然资源局等参与）',
  '到2019年底，受污染耕地安全利用率达到90%左右。',
].join('\n');

describe(runPlanParse.name, () => {
  it('should print exactly the contract fields as JSON when the file parses', async () => {
    const io = memoryIo({ 'plan.txt': PLAN });
    await expect(runPlanParse(['plan.txt', '--format', 'json'], io)).resolves.toBe(EXIT_OK);
    expect(JSON.parse(io.out)).toEqual({
      tasks: [
        {
          ref: '二/(一)/1',
          title: '完成详查',
          lead: ['县生态环境局'],
          participants: ['县农业农村局', '自然资源局'],
          deadlines: [{ raw: '6月底前', date: '2019-06-30', kind: 'once', every: null }],
          localResponsibility: false,
        },
      ],
      indicators: [
        {
          name: '受污染耕地安全利用率',
          comparator: '=',
          target: 90,
          unit: '%',
          approximate: true,
          targetDate: '2019-12-31',
          raw: '受污染耕地安全利用率达到90%左右',
        },
      ],
      unresolved: [],
    });
    expect(io.err).toBe('');
  });

  it('should use --year for month-only deadlines when it is given', async () => {
    const io = memoryIo({ 'plan.txt': PLAN });
    await runPlanParse(['plan.txt', '--year=2021', '--source', 'prose', '--format', 'json'], io);
    expect((JSON.parse(io.out) as { tasks: { deadlines: { date: string }[] }[] }).tasks[0].deadlines[0].date).toBe(
      '2021-06-30',
    );
  });

  it.each([
    [['missing.txt', '--format', 'json'], '无法读取文件'],
    [['plan.txt', '--year', '19'], '--year'],
    [['plan.txt', '--source', 'pdf'], '--source'],
    [['plan.txt', '--format', 'csv'], '--format'],
    [['plan.txt', '--colour', 'red'], '--colour'],
    [[], 'Exactly one file'],
    [['empty.txt'], '[EMPTY]'],
    [['binary.txt'], '[BINARY]'],
    [['prose.txt', '--source', 'table'], '[MISSING_COLUMNS]'],
  ])('should exit 2 with a message on stderr when the input is bad (%j)', async (args, message) => {
    const io = memoryIo({ 'plan.txt': PLAN, 'prose.txt': PLAN, 'empty.txt': '', 'binary.txt': Buffer.from([0, 1, 2]) });
    await expect(runPlanParse(args, io)).resolves.toBe(EXIT_BAD_INPUT);
    expect(io.err).toContain(message);
    expect(io.out).toBe('');
  });
});

describe(parsePlanParseArgs.name, () => {
  it('should default to auto and json when only the file is given', () => {
    expect(parsePlanParseArgs(['plan.txt'])).toEqual({ file: 'plan.txt', source: 'auto', format: 'json' });
  });
});
