import { canonicalizeText, cleanLine, joinBroken, toSourceLines } from './text-normalizer';

describe(canonicalizeText.name, () => {
  it('should make digits half-width and brackets full-width when the text mixes widths', () => {
    expect(canonicalizeText('２０１８年(市环保局牵头,市农业局参与)；1,000吨；１．')).toBe(
      '2018年（市环保局牵头，市农业局参与）；1,000吨；1.',
    );
  });

  it('should keep the number of lines when line ends are CR LF', () => {
    expect(canonicalizeText('a\r\nb\r\nc').split('\n')).toHaveLength(3);
  });
});

describe(cleanLine.name, () => {
  it.each(['— 3 —', '- 3 -', '－ 12 －', '第 3 页 共 20 页', '一、开展土壤环境详查.....\t2'])(
    'should blank %s when it is a page number or a contents entry',
    (line) => expect(cleanLine(canonicalizeText(line))).toBe(''),
  );

  it('should strip markdown and HTML markup when a converter left it', () => {
    expect(cleanLine('### **（六）划定<b>类别</b>**')).toBe('（六）划定类别');
  });

  it('should drop bare numbers only when asked', () => {
    expect(cleanLine('3')).toBe('3');
    expect(cleanLine('3', { dropBareNumbers: true })).toBe('');
  });
});

describe(toSourceLines.name, () => {
  it('should keep input line numbers when noise lines are blanked', () => {
    expect(toSourceLines('甲\n— 1 —\n乙')).toEqual([
      { text: '甲', line: 1 },
      { text: '', line: 2 },
      { text: '乙', line: 3 },
    ]);
  });
});

describe(joinBroken.name, () => {
  it('should join Chinese without a space and Latin words with one', () => {
    expect(joinBroken('住房和', '城乡建设局')).toBe('住房和城乡建设局');
    expect(joinBroken('public', 'private')).toBe('public private');
  });
});
