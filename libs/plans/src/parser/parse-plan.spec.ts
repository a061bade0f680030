import { Document, Packer, Paragraph } from 'docx';
import { Workbook } from 'exceljs';

import { parsePlan, parsePlanText } from './parse-plan';
import { PlanParseError } from './plan-parse-error';
import { prosePlanText, tablePlanText, type ProsePlanSpec } from './testing/plan-text.factory';

const prose: ProsePlanSpec = {
  title: '某市土壤污染防治工作方案',
  dateLine: '二〇一八年三月',
  chapters: [
    {
      title: '开展土壤污染调查',
      sections: [
        {
          title: '深入开展土壤环境质量调查',
          paragraphs: [
            {
              text: '2018年底前查明农用地土壤污染的面积、分布；6月底前完成方案编制。',
              clause: {
                lead: ['市环保局', '市国土资源局'],
                participants: ['市财政局', '市农业局', '各镇街'],
                style: 'labels',
              },
            },
          ],
        },
      ],
    },
  ],
};

function errorOf(run: () => unknown): PlanParseError {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof PlanParseError) {
      return error;
    }
    throw error;
  }
  throw new Error('no error');
}

describe(parsePlanText.name, () => {
  it('should parse the prose and infer the year from the date line when the plan has no table', () => {
    const plan = parsePlanText(prosePlanText(prose));
    expect(plan).toMatchObject({ title: '某市土壤污染防治工作方案', year: 2018, source: 'prose', unresolved: [] });
    expect(plan.tasks[0]).toMatchObject({
      ref: '一/(一)',
      lead: ['市环保局', '市国土资源局'],
      participants: ['市财政局', '市农业局', '各镇街'],
      deadlines: [
        { raw: '2018年底前', date: '2018-12-31' },
        { raw: '6月底前', date: '2018-06-30' },
      ],
    });
  });

  it('should let the given year date month-only deadlines when --year is passed', () => {
    expect(parsePlanText(prosePlanText(prose), { year: 2020 }).tasks[0].deadlines[1].date).toBe('2020-06-30');
  });

  it('should take the table when source is auto and the document has both', () => {
    const text = `${prosePlanText(prose)}\n${tablePlanText({ rows: [{ chapter: '一、甲', clause: '（一）乙', text: '开展调查', lead: '市环保局', progress: '2018年底' }] })}`;
    expect(parsePlanText(text)).toMatchObject({ source: 'table', tasks: [{ ref: '一/(一)', lead: ['市环保局'] }] });
    expect(parsePlanText(text, { source: 'prose' })).toMatchObject({
      source: 'prose',
      tasks: [{ lead: ['市环保局', '市国土资源局'] }],
    });
  });

  it('should refuse with MISSING_COLUMNS and the header line when source is table and a column is missing', () => {
    const error = errorOf(() =>
      parsePlanText('说明\n序号\t任务措施\t参与单位\n1\t开展调查\t县财政局', { source: 'table' }),
    );
    expect(error).toMatchObject({ code: 'MISSING_COLUMNS', line: 2 });
    expect(error.message).toContain('第2行');
    expect(error.message).toContain('牵头单位');
  });

  it('should refuse with NO_TASKS when the text has neither clauses nor a table', () => {
    expect(errorOf(() => parsePlanText('一、总体要求\n全面贯彻落实。'))).toMatchObject({ code: 'NO_TASKS' });
  });

  it('should note the missing plan year when neither given nor found', () => {
    const plan = parsePlanText('（一）甲\n6月底前完成。（A局牵头）');
    expect(plan.year).toBeNull();
    expect(plan.tasks[0].deadlines[0].date).toBeNull();
    expect(plan.unresolved).toEqual([expect.objectContaining({ reason: 'NO_PLAN_YEAR' })]);
  });

  it('should read the national plan style when the clause hands the task to local governments', () => {
    const text = [
      '土壤污染防治行动计划',
      '二〇一六年五月',
      '一、开展土壤污染调查，掌握土壤环境质量状况',
      '（一）深入开展土壤环境质量调查。在现有相关调查基础上，以农用地和重点行业企业用地为重点，开展土壤污染状况详查，2018年底前查明农用地土壤污染的面积、分布及其对农产品质量的影响；2020年底前掌握重点行业企业用地中的污染地块分布及其环境风险情况。（环境保护部牵头，财政部、国土资源部、农业部、国家卫生计生委等参与，地方各级人民政府负责落实。以下均需地方各级人民政府落实，不再列出）',
      '（二）建设土壤环境质量监测网络。2017年底前，完成土壤环境质量国控监测点位设置。（环境保护部牵头，国家发展改革委等参与）',
    ].join('\n');
    const plan = parsePlanText(text);
    expect(plan.year).toBe(2016);
    expect(plan.tasks.map((t) => [t.ref, t.lead, t.localResponsibility])).toEqual([
      ['一/(一)', ['环境保护部'], true],
      ['一/(二)', ['环境保护部'], true],
    ]);
    expect(plan.tasks[0].participants).toEqual(['财政部', '国土资源部', '农业部', '国家卫生计生委']);
  });
});

describe(parsePlan.name, () => {
  it('should parse a 分工表 workbook through its header row when a title row comes first', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['2019年度某县土壤污染防治重点任务分工表']);
    sheet.addRow(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
    sheet.addRow(['1', '开展农用地详查', '县农业农村局', '县生态环境局、县自然资源局', '6月底前']);
    sheet.addRow(['2', '建立污染地块名录', '县生态环境局', '', '持续实施']);
    sheet.addRow(['备注：各乡镇人民政府负责落实。']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const plan = await parsePlan({ buffer, filename: '分工表.xlsx' }, { source: 'auto' });
    expect(plan).toMatchObject({ year: 2019, source: 'table' });
    expect(plan.tasks.map((t) => [t.ref, t.lead, t.participants, t.deadlines[0].date, t.line])).toEqual([
      ['1', ['县农业农村局'], ['县生态环境局', '县自然资源局'], '2019-06-30', 3],
      ['2', ['县生态环境局'], [], null, 4],
    ]);
  });

  it('should refuse a workbook with MISSING_COLUMNS naming the sheet and row when the lead column is absent', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('任务').addRows([['标题'], ['序号', '任务措施', '参与单位', '完成时限']]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(parsePlan({ buffer, filename: 'x.xlsx' })).rejects.toMatchObject({
      code: 'MISSING_COLUMNS',
      line: 2,
      message: expect.stringContaining('工作表“任务”第2行'),
    });
  });

  it('should parse a .docx through its raw text when given a Word file', async () => {
    const paragraphs = prosePlanText(prose)
      .split('\n')
      .filter((line) => line !== '');
    const document = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] });
    const buffer = await Packer.toBuffer(document);
    const plan = await parsePlan({ buffer, filename: 'plan.docx' });
    expect(plan.tasks.map((t) => t.ref)).toEqual(['一/(一)']);
  });

  it('should refuse empty text with EMPTY when no file is given', async () => {
    await expect(parsePlan({ text: '' })).rejects.toMatchObject({ code: 'EMPTY' });
  });
});
