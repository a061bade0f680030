import { cleanUnitName, isLocalGovernment, isUnitList, looksLikeUnit, splitUnitList } from './units';

describe(splitUnitList.name, () => {
  it('should keep （市、区） inside a name when splitting on 、', () => {
    expect(splitUnitList('各县（市、区）级人民政府、管委会')).toEqual(['各县（市、区）级人民政府', '管委会']);
  });

  it('should split on 、，； and drop a trailing 等 when the list mixes separators', () => {
    expect(splitUnitList('县财政局、自然规划局，融水生态环境局；水利局等')).toEqual([
      '县财政局',
      '自然规划局',
      '融水生态环境局',
      '水利局',
    ]);
  });
});

describe(cleanUnitName.name, () => {
  it.each([
    ['农业局等', '农业局'],
    ['市环境保护局、经济和信息化局负责', '市环境保护局、经济和信息化局'],
    ['由市农业局', '市农业局'],
    ['卫计局等部门', '卫计局'],
    ['住房\n和城乡建设局', '住房和城乡建设局'],
  ])('should clean %s to %s when it carries noise', (name, clean) => {
    expect(cleanUnitName(name)).toBe(clean);
  });
});

describe(looksLikeUnit.name, () => {
  it.each(['市生态环境局', '市发展和改革委员会', '人民银行阳江支行', '各县（市、区）级人民政府', '市科协', '供销社'])(
    'should accept %s when it ends like a unit',
    (name) => expect(looksLikeUnit(name)).toBe(true),
  );

  it.each(['住房和', '完成全市土壤环境监测网络建设并投入运行', '严格控制二次污染'])(
    'should reject %s when it is a fragment or a sentence',
    (name) => expect(looksLikeUnit(name)).toBe(false),
  );
});

describe(isUnitList.name, () => {
  it('should accept a list whose last name a page break cut when the rest are units', () => {
    expect(isUnitList('市国土资源局、住房和')).toBe(true);
  });

  it('should reject a sentence when it ends with 。', () => {
    expect(isUnitList('完成全市土壤环境监测网络建设并投入运行。')).toBe(false);
  });
});

describe(isLocalGovernment.name, () => {
  it('should tell governments from departments when given both', () => {
    expect(['各县（市、区）级人民政府', '管委会', '各乡镇'].every(isLocalGovernment)).toBe(true);
    expect(isLocalGovernment('县农业农村局')).toBe(false);
  });
});
