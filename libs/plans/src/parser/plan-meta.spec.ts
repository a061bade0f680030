import { inferPlanYear, inferTitle } from './plan-meta';
import { toSourceLines } from './text-normalizer';

const lines = (text: string) => toSourceLines(text, { dropBareNumbers: true });

describe(inferTitle.name, () => {
  it('should join a title broken over two lines when it ends in 计划', () => {
    const head = lines(
      '某县人民政府办公室\n\n关于印发《2019年度某县土壤污染\n防治攻坚实施计划》的通知\n\n2019年6月15日\n2019年度某县土壤污染防治\n攻坚重点工作实施计划\n\n为打好攻坚战，特制订本计划。',
    );
    expect(inferTitle(head)).toBe('2019年度某县土壤污染防治攻坚重点工作实施计划');
  });

  it('should strip markup when the title is a markdown heading', () => {
    expect(inferTitle(lines('# 阳江市土壤污染防治行动计划实施方案\n\n（征求意见稿）'))).toBe(
      '阳江市土壤污染防治行动计划实施方案',
    );
  });

  it('should give undefined when no line looks like a plan title', () => {
    expect(inferTitle(lines('各位领导：\n现将有关情况报告如下。'))).toBeUndefined();
  });
});

describe(inferPlanYear.name, () => {
  it('should take the year of the title when it has one', () => {
    expect(inferPlanYear(lines('2018年3月1日'), '2019年度某县实施计划')).toBe(2019);
  });

  it('should read the date line when it is written in Chinese numerals', () => {
    expect(inferPlanYear(lines('某市实施方案\n\n二〇一七年五月\n\n目录'), '某市实施方案')).toBe(2017);
  });

  it('should fall back to the document number when there is no date line', () => {
    expect(inferPlanYear(lines('融政办发〔2019〕84号\n关于印发的通知'), undefined)).toBe(2019);
  });

  it('should give null when the head of the document has no year', () => {
    expect(inferPlanYear(lines('某市实施方案\n一、总体要求'), '某市实施方案')).toBeNull();
  });
});
