import { chineseNumeralValue, readHeading, SectionStack } from './sections';

describe(readHeading.name, () => {
  it.each([
    ['一、目标指标', 'chapter', '一'],
    ['（三）持续加强土壤污染源头控制', 'section', '(三)'],
    ['（二十六）探索土壤污染防治市场机制', 'section', '(二十六)'],
    ['1.完成农用地土壤污染状况详查。', 'item', '1'],
    ['2、开展调查', 'item', '2'],
    ['（4）不断强化工业固体废物处理处置。', 'subitem', '(4)'],
  ])('should read %s as a %s heading when it starts with numbering', (line, style, segment) => {
    expect(readHeading(line)).toMatchObject({ style, segment });
  });

  it.each(['2019年底前完成', '1.5万亩耕地', '（县农业农村局牵头）', '一是加快建设项目储备库。'])(
    'should not read %s as a heading when the number is part of the text',
    (line) => expect(readHeading(line)).toBeNull(),
  );
});

describe(chineseNumeralValue.name, () => {
  it.each([
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['三十六', 36],
    ['一百零五', 105],
  ])('should read %s as %d', (numeral, value) => expect(chineseNumeralValue(numeral)).toBe(value));
});

describe(SectionStack.name, () => {
  it('should build refs from the open headings when headings nest', () => {
    const stack = new SectionStack();
    for (const line of ['二、重点任务', '（三）持续加强', '1．着力加强', '（1）强力抓好', '（2）深化落实']) {
      const heading = readHeading(line);
      if (heading === null || !stack.accepts(heading)) {
        throw new Error(line);
      }
      stack.push(heading);
    }
    expect(stack.ref()).toBe('二/(三)/1/(2)');
  });

  it('should refuse a number that does not run on when a wrapped line starts with one', () => {
    const stack = new SectionStack();
    stack.push(readHeading('1．第一项') ?? fail('heading'));
    expect(stack.accepts(readHeading('7．不是标题') ?? fail('heading'))).toBe(false);
    expect(stack.accepts(readHeading('2．第二项') ?? fail('heading'))).toBe(true);
  });
});

function fail(what: string): never {
  throw new Error(`no ${what}`);
}
