import { alignRow, parseTableRows } from './table-parser';
import type { RawTable } from './table-text';
import { DEFAULT_TABLE_HEADER } from './testing/plan-text.factory';
import { readHeader } from './table-header';

const header = readHeader(DEFAULT_TABLE_HEADER).header;
const table = (rows: string[][]): RawTable => ({
  header,
  headerLine: 1,
  rows: rows.map((cells, i) => ({ cells, line: i + 2, seq: Number(cells[0]) })),
});
const parse = (rows: string[][]) => parseTableRows(table(rows), 2017);

describe(alignRow.name, () => {
  it('should keep positions when the row has every cell', () => {
    expect(
      alignRow(['1', '一、甲', '（一）乙', '开展调查工作。', '市环保局', '市财政局', '2018年底'], header.columns),
    ).toEqual({
      seq: '1',
      chapter: '一、甲',
      clause: '（一）乙',
      text: '开展调查工作。',
      lead: '市环保局',
      participants: '市财政局',
      progress: '2018年底',
    });
  });

  it('should realign by content when the empty 条/款 cells were lost', () => {
    expect(alignRow(['21', '完成省下达的安全利用任务。', '', '2020年'], header.columns)).toEqual({
      seq: '21',
      text: '完成省下达的安全利用任务。',
      progress: '2020年',
    });
    expect(
      alignRow(['47', '推进废弃农膜回收利用。', '', '市农业局', '市发展改革委、公安局', '持续实施'], header.columns),
    ).toEqual({
      seq: '47',
      text: '推进废弃农膜回收利用。',
      lead: '市农业局',
      participants: '市发展改革委、公安局',
      progress: '持续实施',
    });
  });

  it('should realign by content when the row has an extra empty cell', () => {
    expect(
      alignRow(['13', '', '', '加强监测培训', '市环境保护局', '', '市国土资源局、农业局', '持续实施'], header.columns),
    ).toEqual({
      seq: '13',
      text: '加强监测培训',
      lead: '市环境保护局',
      participants: '市国土资源局、农业局',
      progress: '持续实施',
    });
  });

  it('should not take a sentence for a unit list when it ends like a unit name', () => {
    expect(alignRow(['11', '', '', '完成全市监测网络建设并投入运行。', '', '', '2018 年底'], header.columns).text).toBe(
      '完成全市监测网络建设并投入运行。',
    );
  });
});

describe(parseTableRows.name, () => {
  it('should fill 条, 款, 牵头 and 参与 down when the cells are blank', () => {
    const { tasks } = parse([
      ['1', '一、开展详查', '（一）农用地调查', '编制方案。', '市农业局', '市财政局、林业局', '2016年'],
      ['2', '', '', '完成详查。', '', '', '2018年底'],
    ]);
    expect(tasks[1]).toMatchObject({
      ref: '一/(一)',
      title: '农用地调查',
      lead: ['市农业局'],
      participants: ['市财政局', '林业局'],
      deadlines: [{ raw: '2018年底', date: '2018-12-31', kind: 'once', every: null }],
      row: 2,
    });
  });

  it('should leave participants empty when 牵头 is filled and 参与 is blank', () => {
    const { tasks } = parse([
      ['1', '一、甲', '（一）乙', '甲工作。', '市农业局', '市财政局', '持续实施'],
      ['2', '', '', '乙工作。', '市环境保护局、经济和信息化局负责', '', '持续实施'],
    ]);
    expect(tasks[1]).toMatchObject({ lead: ['市环境保护局', '经济和信息化局'], participants: [] });
  });

  it('should copy only 牵头 when 参与 is filled and 牵头 is blank', () => {
    const { tasks } = parse([
      ['1', '一、甲', '（一）乙', '甲工作。', '市环境保护局', '市财政局', '持续实施'],
      ['2', '', '（二）丙', '乙工作。', '', '市教育局、科技局', '2017 年 4 月底'],
    ]);
    expect(tasks[1]).toMatchObject({ ref: '一/(二)', lead: ['市环境保护局'], participants: ['市教育局', '科技局'] });
  });

  it('should join a unit name cut by a page break and give both rows the whole list', () => {
    const { tasks } = parse([
      ['1', '六、甲', '（二十四）乙', '严格控制二次污染。', '市环境保护局', '市国土资源局、住房和', '持续实施'],
      ['2', '', '', '开展效果评估', '', '城乡建设局、农业局', '持续实施'],
    ]);
    const whole = ['市国土资源局', '住房和城乡建设局', '农业局'];
    expect(tasks.map((t) => t.participants)).toEqual([whole, whole]);
  });

  it('should continue the 条 cell when a page break cut it', () => {
    const { tasks } = parse([
      ['1', '三、严格建设用地准入管理，防', '（十一）建立调查评估制度', '甲。', '市环境保护局', '', '2017年起'],
      ['2', '范人居环境风险', '', '乙。', '', '', '2018年起'],
    ]);
    expect(tasks.map((t) => t.ref)).toEqual(['三/(十一)', '三/(十一)']);
  });

  it('should apply the 以下均需…不再列出 note to that row and every later one', () => {
    const { tasks } = parse([
      [
        '1',
        '一、甲',
        '（一）乙',
        '甲。',
        '市农业局',
        '市财政局参与，各县（市、区）级政府负责落实。以下均需各县（市、区）级政府落实，不再列出',
        '2016年',
      ],
      ['2', '', '（二）丙', '乙。', '市环保局', '市财政局', '持续实施'],
    ]);
    expect(tasks.map((t) => [t.participants, t.localResponsibility])).toEqual([
      [['市财政局'], true],
      [['市财政局'], true],
    ]);
  });

  it('should take deadlines from 实施进度 only when the task text names one too', () => {
    const { tasks } = parse([['1', '一、甲', '（一）乙', '建立制度，每10年开展1次。', '市农业局', '', '持续实施']]);
    expect(tasks[0].deadlines).toEqual([{ raw: '持续实施', date: null, kind: 'ongoing', every: null }]);
  });

  it('should report a progress cell it cannot read when it is outside the family', () => {
    const { tasks, unresolved } = parse([['1', '一、甲', '（一）乙', '甲。', '市农业局', '', '视情况']]);
    expect(tasks[0].deadlines).toEqual([{ raw: '', date: null, kind: 'ongoing', every: null }]);
    expect(unresolved).toEqual([expect.objectContaining({ reason: 'UNPARSED_DEADLINE', line: 2 })]);
  });

  it('should report a row without a lead when nothing above it has one', () => {
    const { unresolved } = parse([['1', '一、甲', '（一）乙', '甲。', '', '市财政局', '持续实施']]);
    expect(unresolved).toEqual([expect.objectContaining({ reason: 'NO_LEAD', line: 2 })]);
  });
});
