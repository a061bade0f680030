import { chapterOf, chapterTitles } from './chapter-titles';

describe('chapter titles', () => {
  it('should read prose headings and prefer them to table cells', () => {
    const text = [
      '<b>一、开展土壤环境详查，查清土壤环境质量状况.....</b>\t<b>2</b>',
      '### 一、开展土壤环境详查，查清土壤环境质量状况',
      '## **二、实施农用地分类管理，保障农产品质量安全**',
      '1\t三、严格建设用地准入管理，防\t(十一)建立调查评估制度\t…',
      '三、严格建设用地准入管理，防范人居环境风险',
      '4\t四、强化未污染土壤保护\t(十四)…',
    ].join('\n');
    expect(Object.fromEntries(chapterTitles(text))).toEqual({
      一: '开展土壤环境详查，查清土壤环境质量状况',
      二: '实施农用地分类管理，保障农产品质量安全',
      三: '严格建设用地准入管理，防范人居环境风险',
      四: '强化未污染土壤保护',
    });
  });

  it('should give nothing for a plan without source text', () => {
    expect(chapterTitles(null).size).toBe(0);
  });

  it('should read the chapter of a ref', () => {
    expect(chapterOf('二/(三)/1')).toBe('二');
    expect(chapterOf('(一)')).toBeNull();
    expect(chapterOf('12')).toBeNull();
  });
});
