import fc from 'fast-check';

import { extractDeadlines, NO_DEADLINE, normalizeDeadline } from './deadline';
import type { Deadline } from './types';

const once = (raw: string, date: string | null): Deadline => ({ raw, date, kind: 'once', every: null });
const recurring = (raw: string, every: string | null, date: string | null = null): Deadline => ({
  raw,
  date,
  kind: 'recurring',
  every,
});
const from = (raw: string, date: string): Deadline => ({ raw, date, kind: 'from', every: null });

describe(extractDeadlines.name, () => {
  describe('once', () => {
    it.each([
      ['2018年底前', '2018-12-31'],
      ['2018 年底', '2018-12-31'],
      ['2018年年底前', '2018-12-31'],
      ['2017年11月底前', '2017-11-30'],
      ['2017 年 4 月底', '2017-04-30'],
      ['2020 年底 前', '2020-12-31'],
      ['2016年', '2016-12-31'],
      ['到2020年', '2020-12-31'],
      ['到 2020 年底', '2020-12-31'],
      ['至2020年底', '2020-12-31'],
      ['2017年9月', '2017-09-30'],
      ['2016年2月底前', '2016-02-29'],
      ['2019年上半年', '2019-06-30'],
      ['2019年三季度', '2019-09-30'],
      ['二〇一八年底前', '2018-12-31'],
      ['2019年6月15日前', '2019-06-15'],
    ])('should date %s as %s when the phrase names its year', (phrase, date) => {
      expect(extractDeadlines(phrase, 2019)).toEqual([once(phrase, date)]);
    });

    it.each([
      ['6月底前', '2019-06-30'],
      ['12月底前', '2019-12-31'],
      ['8月31日前', '2019-08-31'],
      ['上半年', '2019-06-30'],
      ['下半年', '2019-12-31'],
      ['年底前', '2019-12-31'],
      ['第一季度', '2019-03-31'],
    ])('should take the plan year for %s when the phrase has no year', (phrase, date) => {
      expect(extractDeadlines(phrase, 2019)).toEqual([once(phrase, date)]);
    });

    it('should leave the date empty when a month-only phrase has no plan year', () => {
      expect(extractDeadlines('6月底前', null)).toEqual([once('6月底前', null)]);
    });

    it('should read full-width digits and keep the raw phrase width-normalised when the text is full-width', () => {
      expect(extractDeadlines('２０１８年底前完成', 2017)).toEqual([once('2018年底前', '2018-12-31')]);
    });

    it('should keep every milestone in order when one clause has several', () => {
      expect(
        extractDeadlines('6月底前，完成样品入库；8月底前，完成档案验收；12月底前，启动；12月底前，完成。', 2019),
      ).toEqual([
        once('6月底前', '2019-06-30'),
        once('8月底前', '2019-08-31'),
        once('12月底前', '2019-12-31'),
        once('12月底前', '2019-12-31'),
      ]);
    });

    it('should keep the line break out of raw when a phrase is broken over two lines', () => {
      expect(extractDeadlines('2018\n年底前，查明面积', 2017)).toEqual([once('2018年底前', '2018-12-31')]);
    });
  });

  describe('recurring', () => {
    it.each([
      ['每年', 'P1Y', null],
      ['每 10 年开展 1 次', 'P10Y', null],
      ['每10年开展1次', 'P10Y', null],
      ['每3年开展1轮', 'P3Y', null],
      ['每季度', 'P3M', null],
      ['每半年', 'P6M', null],
      ['每年开展2次', 'P6M', null],
      ['每年2月底前', 'P1Y', '2019-02-28'],
      ['每月3日前', 'P1M', '2019-01-03'],
    ])('should read %s as every %s when the phrase states a period', (phrase, every, date) => {
      expect(extractDeadlines(phrase, 2019)).toEqual([recurring(phrase, every, date)]);
    });

    it('should stop at the period when 至少 follows it', () => {
      expect(extractDeadlines('每年至少开展1次培训', 2017)).toEqual([recurring('每年', 'P1Y')]);
    });

    it('should read 定期 and 分年度 as recurring when they are adverbs', () => {
      expect(extractDeadlines('定期开展巡查，分年度对各地进行评估', 2017)).toEqual([
        recurring('定期', null),
        recurring('分年度', 'P1Y'),
      ]);
    });

    it('should ignore 定期 and 分年度 when they name a system or a plan', () => {
      expect(extractDeadlines('建立定期调查制度和分年度实施计划', 2017)).toEqual([{ ...NO_DEADLINE }]);
    });
  });

  describe('from and ongoing', () => {
    it.each([
      ['2017年起', '2017-01-01'],
      ['自 2017 年起', '2017-01-01'],
      ['自2018年起', '2018-01-01'],
      ['自2018年7月起', '2018-07-01'],
    ])('should start %s on %s when it says 起', (phrase, date) => {
      expect(extractDeadlines(phrase, 2017)).toEqual([from(phrase, date)]);
    });

    it('should read 持续实施 as ongoing when it is written', () => {
      expect(extractDeadlines('持续实施', 2017)).toEqual([
        { raw: '持续实施', date: null, kind: 'ongoing', every: null },
      ]);
    });

    it('should give one ongoing entry with an empty raw when the text has no phrase', () => {
      expect(extractDeadlines('加强监督管理，适时更新名录。', 2017)).toEqual([{ ...NO_DEADLINE }]);
    });
  });

  describe('what is not a deadline', () => {
    it.each([
      ['比2013年排放基数下降9%'],
      ['更新公布2019\n年度土壤污染重点监管单位名单'],
      ['动态更新2019年加油站防渗改造信息'],
      ['落实《2019年度广西土壤污染防治重点工作实施计划》'],
      ['《土壤污染防治攻坚三年作战方案（2018-2020年）》'],
      ['3年内完成'],
      ['每县（市、区）开展1项以上'],
      ['19年4月报送'],
    ])('should find nothing in %s when the year is part of a noun, a title or a range', (text) => {
      expect(extractDeadlines(text, 2019)).toEqual([{ ...NO_DEADLINE }]);
    });

    it('should find nothing in any text without digits or period words when fuzzed', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^[甲乙丙丁戊己庚辛，。、]{0,40}$/), (text) => {
          expect(extractDeadlines(text, 2019)).toEqual([{ ...NO_DEADLINE }]);
        }),
      );
    });
  });

  it('should date every once phrase on the last day of its month when fuzzed over years and months', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const [deadline] = extractDeadlines(`${year}年${month}月底前`, null);
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(deadline.date).toBe(`${year}-${String(month).padStart(2, '0')}-${last}`);
      }),
    );
  });
});

describe(normalizeDeadline.name, () => {
  it.each([
    ['2018年底', once('2018年底', '2018-12-31')],
    ['2017 年 6 月底', once('2017 年 6 月底', '2017-06-30')],
    ['2020 年底 前', once('2020 年底 前', '2020-12-31')],
    ['2017年起', from('2017年起', '2017-01-01')],
    ['持续实施', { raw: '持续实施', date: null, kind: 'ongoing', every: null }],
    ['长期坚持', { raw: '长期坚持', date: null, kind: 'ongoing', every: null }],
    ['每年', recurring('每年', 'P1Y')],
  ])('should read the cell %s when it holds one phrase', (cell, expected) => {
    expect(normalizeDeadline(cell, 2017)).toEqual(expected);
  });

  it('should give the ongoing entry when the cell is blank', () => {
    expect(normalizeDeadline('  ', 2017)).toEqual({ ...NO_DEADLINE });
  });

  it('should give null when the cell is not a deadline', () => {
    expect(normalizeDeadline('视情况而定', 2017)).toBeNull();
  });
});
