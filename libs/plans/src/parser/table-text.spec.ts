import { findTextTables } from './table-text';
import { DEFAULT_TABLE_HEADER, tablePlanText } from './testing/plan-text.factory';
import { toSourceLines } from './text-normalizer';

const tablesOf = (text: string) => findTextTables(toSourceLines(text, { dropBareNumbers: true }));

describe(findTextTables.name, () => {
  it('should find the header by its column names when synonyms are used', () => {
    const text = tablePlanText({
      header: ['序号', '任务', '牵头单位', '协办单位', '完成时限'],
      rows: [{ text: '开展调查', lead: '县环保局' }],
    });
    const { tables } = tablesOf(text);
    expect(tables[0].header.columns).toEqual(['seq', 'text', 'lead', 'participants', 'progress']);
  });

  it('should skip the header when it is repeated on a new page', () => {
    const rows = Array.from({ length: 4 }, (_, i) => ({
      text: `任务${i + 1}`,
      lead: '市农业局',
      progress: '持续实施',
    }));
    const lines = tablePlanText({ rows }).split('\n');
    lines.splice(5, 0, '', '— 2 —', '', DEFAULT_TABLE_HEADER.join('\t'));
    const { tables } = tablesOf(lines.join('\n'));
    expect(tables).toHaveLength(1);
    expect(tables[0].rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
  });

  it('should join a row broken over two lines when the extraction wrapped it', () => {
    const text = [
      DEFAULT_TABLE_HEADER.join('\t'),
      '1\t一、开展调查\t（一）详查\t掌握重点行业企业用地中的污染地块分布及其环境',
      '风险情况。\t市环保局\t市财政局\t2020年底',
      '2\t\t\t建立制度。\t\t\t持续实施',
    ].join('\n');
    const { tables } = tablesOf(text);
    expect(tables[0].rows).toHaveLength(2);
    expect(tables[0].rows[0].cells).toEqual([
      '1',
      '一、开展调查',
      '（一）详查',
      '掌握重点行业企业用地中的污染地块分布及其环境风险情况。',
      '市环保局',
      '市财政局',
      '2020年底',
    ]);
  });

  it('should join cell by cell when each column wrapped under itself', () => {
    const text = [
      DEFAULT_TABLE_HEADER.join('\t'),
      '1\t\t\t开展\t市环保局\t市财政局、住房和\t2020年底',
      '\t\t\t调查。\t\t城乡建设局\t',
    ].join('\n');
    expect(tablesOf(text).tables[0].rows[0].cells[5]).toBe('市财政局、住房和城乡建设局');
  });

  it('should end the table at a note when the document goes on', () => {
    const text = `${tablePlanText({ rows: [{ text: '开展调查', lead: '县环保局' }] })}\n备注：本表由县生态环境局负责解释。\n3\t其他\t表格`;
    expect(tablesOf(text).tables[0].rows).toHaveLength(1);
  });

  it('should report the most header-like line when no task header is complete', () => {
    const text = '序号\t任务措施\t参与部门\t实施进度\n1\t开展调查\t县财政局\t持续实施';
    expect(tablesOf(text)).toEqual({ tables: [], nearMiss: { line: 1, missing: ['lead'] } });
  });

  it('should not take a table of contents or another table for a task table', () => {
    const text = '一、开展土壤环境详查.....\t2\n序号\t县（市、区）\t作物种类\n1\t阳春市\t稻谷';
    expect(tablesOf(text).tables).toEqual([]);
  });
});
