import { extractIndicators } from './indicators';

const of = (text: string, year: number | null = 2017) => extractIndicators([{ text, line: 7 }], year);

describe(extractIndicators.name, () => {
  it('should read an approximate target with its date when the sentence says 达到90%左右', () => {
    expect(of('到2020年，全市受污染耕地安全利用率达到90%左右，污染地块安全利用率达到 90%以上。')).toEqual([
      {
        name: '受污染耕地安全利用率',
        comparator: '=',
        target: 90,
        unit: '%',
        approximate: true,
        targetDate: '2020-12-31',
        raw: '全市受污染耕地安全利用率达到90%左右',
        line: 7,
      },
      {
        name: '污染地块安全利用率',
        comparator: '>=',
        target: 90,
        unit: '%',
        approximate: false,
        targetDate: '2020-12-31',
        raw: '污染地块安全利用率达到 90%以上',
        line: 7,
      },
    ]);
  });

  it.each([
    ['综合利用率提高到40%以上', '>=', 40],
    ['化肥使用量控制在5万吨以内', '<=', 5],
    ['达标率不低于95%', '>=', 95],
    ['超标比例不超过5%', '<=', 5],
    ['覆盖率保持在80%', '=', 80],
  ])('should read %s as %s %d when the verb or modifier says so', (text, comparator, target) => {
    expect(of(text)[0]).toMatchObject({ comparator, target });
  });

  it('should keep the change verb in the name when the target is a reduction', () => {
    expect(of('到2019年底，重点行业重点重金属污染物排放量比2013年排放基数下降9%。', 2019)[0]).toMatchObject({
      name: '重点行业重点重金属污染物排放量比2013年排放基数下降',
      comparator: '>=',
      target: 9,
      targetDate: '2019-12-31',
    });
  });

  it('should read 零增长 as at most zero growth when it ends the clause', () => {
    expect(of('至2020年底，全市主要农作物化肥、农药使用量实现零增长。')[0]).toMatchObject({
      name: '主要农作物化肥、农药使用量增长',
      comparator: '<=',
      target: 0,
    });
  });

  it('should find nothing when a percentage is not a target', () => {
    expect(of('推广到全市30%的产粮大县，制定化肥农药使用量零增长年度工作方案。')).toEqual([]);
  });

  it('should list a target once when the document repeats it', () => {
    expect(
      extractIndicators(
        [
          { text: '到2020年，污染地块安全利用率达到90%以上。', line: 1 },
          { text: '到2020年，污染地块安全利用率达到90%以上。', line: 9 },
        ],
        2017,
      ),
    ).toHaveLength(1);
  });
});
