import fc from 'fast-check';

import { parseProse, proseSentences } from './prose-parser';
import { prosePlanText, withExtractionNoise, type ProsePlanSpec } from './testing/plan-text.factory';
import { toSourceLines } from './text-normalizer';
import type { ParsedTask } from './types';

const parse = (text: string, year: number | null = 2019) =>
  parseProse(toSourceLines(text, { dropBareNumbers: true }), year);

/** A county plan in the family's shape: chapters, sections numbered through the document, items, clauses. */
function countyPlan(): ProsePlanSpec {
  return {
    title: '2019年度某县土壤污染防治攻坚重点工作实施计划',
    chapters: [
      { title: '目标指标', sections: [] },
      {
        title: '重点任务',
        sections: [
          {
            title: '稳步推进土壤环境质量调查工作',
            paragraphs: [],
            items: [
              {
                title: '完成农用地土壤污染状况详查',
                paragraphs: [
                  {
                    text: '配合完成详查成果集成；6月底前，完成样品入库工作；8月底前，完成档案验收和移交工作。',
                    clause: { lead: ['县生态环境局'], participants: ['县农业农村局', '县自然资源局'] },
                  },
                ],
              },
              {
                title: '开展重点行业企业用地调查',
                paragraphs: [
                  {
                    text: '每年更新名单，自2019年起开展采样。',
                    clause: { lead: ['县生态环境局', '县工业和信息化局'], style: 'respectively' },
                  },
                ],
              },
            ],
          },
          {
            title: '逐步完善制度体系',
            paragraphs: [
              { text: '研究制定工作程序；', clause: { lead: ['县生态环境局'], participants: ['县住建局'] } },
              {
                text: '配合上级制定备案工作程序。',
                clause: { lead: ['县农业农村局'], participants: ['县财政局'], style: 'labels' },
              },
              { text: '建立信息沟通机制。', clause: { lead: ['县生态环境局', '县自然资源局'], style: 'responsible' } },
            ],
          },
        ],
      },
    ],
  };
}

const essentials = (tasks: ParsedTask[]) =>
  tasks.map(({ ref, lead, participants, deadlines, localResponsibility }) => ({
    ref,
    lead,
    participants,
    deadlines,
    localResponsibility,
  }));

describe(parseProse.name, () => {
  it('should give each clause a task with the section numbering as ref when the plan nests chapters, sections and items', () => {
    const { tasks, unresolved } = parse(prosePlanText(countyPlan()));
    expect(tasks.map((t) => t.ref)).toEqual(['二/(一)/1', '二/(一)/2', '二/(二)', '二/(二)', '二/(二)']);
    expect(tasks[0]).toMatchObject({
      title: '完成农用地土壤污染状况详查',
      lead: ['县生态环境局'],
      participants: ['县农业农村局', '县自然资源局'],
      deadlines: [
        { raw: '6月底前', date: '2019-06-30', kind: 'once', every: null },
        { raw: '8月底前', date: '2019-08-31', kind: 'once', every: null },
      ],
      localResponsibility: false,
    });
    expect(unresolved).toEqual([]);
  });

  it('should read every clause style when a section mixes them', () => {
    const tasks = parse(prosePlanText(countyPlan())).tasks;
    expect(tasks[1]).toMatchObject({ lead: ['县生态环境局', '县工业和信息化局'], participants: [] });
    expect(tasks[1].deadlines.map((d) => d.kind)).toEqual(['recurring', 'from']);
    expect(tasks[3]).toMatchObject({ lead: ['县农业农村局'], participants: ['县财政局'] });
    expect(tasks[4]).toMatchObject({ lead: ['县生态环境局', '县自然资源局'], participants: [] });
  });

  it('should split the text at each clause when one section has several', () => {
    const tasks = parse(prosePlanText(countyPlan())).tasks.filter((t) => t.ref === '二/(二)');
    expect(tasks.map((t) => t.text)).toEqual([
      '研究制定工作程序；',
      '配合上级制定备案工作程序。',
      '建立信息沟通机制。',
    ]);
  });

  it('should parse the same tasks when lines are wrapped, paged and written half-width', () => {
    const clean = essentials(parse(prosePlanText(countyPlan())).tasks);
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 60 }),
        fc.integer({ min: 2, max: 15 }),
        fc.constantFrom('em-dash' as const, 'hyphen' as const, 'bare' as const),
        fc.boolean(),
        fc.boolean(),
        (width, pageEvery, pageStyle, blankBetween, halfWidth) => {
          const noisy = withExtractionNoise(prosePlanText(countyPlan()), {
            width,
            pageEvery,
            pageStyle,
            blankBetween,
            halfWidth,
          });
          expect(essentials(parse(noisy).tasks)).toEqual(clean);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('should join a unit name broken by a page number when the clause spans two pages', () => {
    const text = '（一）开展调查\n完成详查。（融水生态环境局牵头，县农业农村局、自然规\n\n— 3 —\n\n划局等参与）';
    expect(parse(text).tasks[0].participants).toEqual(['县农业农村局', '自然规划局']);
  });

  it('should cascade local responsibility from the note on when the plan says 以下均需…落实', () => {
    const text = [
      '（一）甲',
      '甲工作。（A局牵头，B局参与）',
      '（二）乙',
      '乙工作。（C局牵头，D局参与，地方各级人民政府负责落实。以下均需地方各级人民政府落实，不再列出）',
      '（三）丙',
      '丙工作。（E局牵头）',
    ].join('\n');
    expect(parse(text).tasks.map((t) => t.localResponsibility)).toEqual([false, true, true]);
  });

  it('should report an unclosed clause when its bracket never closes', () => {
    const { tasks, unresolved } = parse('（一）甲\n甲工作。（A局牵头，B局参与\n（二）乙\n乙工作。');
    expect(tasks[0].lead).toEqual(['A局']);
    expect(unresolved).toEqual([expect.objectContaining({ reason: 'UNCLOSED_CLAUSE', line: 2 })]);
  });

  it('should take the text after the clause when the clause comes first', () => {
    const [task] = parse('1．（县环保局牵头）开展土壤污染状况调查，6月底前完成。').tasks;
    expect(task.text).toBe('开展土壤污染状况调查，6月底前完成。');
    expect(task.deadlines[0].date).toBe('2019-06-30');
  });

  it('should add the deadline written in a labelled clause when it has a 完成时限', () => {
    const [task] = parse('（一）开展调查\n开展调查工作。（责任单位：县环保局；完成时限：2019年底前）').tasks;
    expect(task.deadlines).toEqual([{ raw: '2019年底前', date: '2019-12-31', kind: 'once', every: null }]);
  });

  it('should point each task at the line of its clause when the text has many lines', () => {
    const text = '（一）甲\n\n甲工作第一段。\n\n甲工作第二段。（A局牵头）';
    expect(parse(text).tasks[0].line).toBe(5);
  });

  it('should find no tasks when the text has no responsibility clause', () => {
    expect(parse('一、总体要求\n全面贯彻落实。（以下简称“土十条”）').tasks).toEqual([]);
  });
});

describe(proseSentences.name, () => {
  it('should split the flow after 。 and keep the starting line when sentences wrap', () => {
    expect(proseSentences(toSourceLines('一、目标\n到2020年，受污染耕地安全利用率达\n到90%左右。下一句。'))).toEqual([
      { text: '目标', line: 1 },
      { text: '到2020年，受污染耕地安全利用率达到90%左右。', line: 2 },
      { text: '下一句。', line: 3 },
    ]);
  });
});
