import { ResolvableUnit, UnitResolver } from './unit-resolver';

function unit(id: number, name: string, extra: Partial<ResolvableUnit> = {}): ResolvableUnit {
  return { id, name, shortName: name, kind: 'department', level: 'city', aliases: [], governmentId: 1, ...extra };
}

const CITY = 1;
const COUNTY_A = 20;
const COUNTY_B = 30;
const units: ResolvableUnit[] = [
  unit(CITY, '阳江市人民政府', { kind: 'government', governmentId: CITY }),
  unit(2, '阳江市生态环境局', { shortName: '市生态环境局' }),
  unit(3, '阳江市自然资源局'),
  unit(4, '阳江市农业农村局'),
  unit(5, '阳江市发展和改革局'),
  unit(6, '阳江市卫生健康局'),
  unit(7, '阳江市应急管理局'),
  unit(8, '阳江市供销合作社', { aliases: ['供销社'] }),
  unit(COUNTY_A, '阳西县人民政府', { kind: 'government', level: 'county', governmentId: COUNTY_A }),
  unit(21, '阳西县农业农村局', { level: 'county', governmentId: COUNTY_A }),
  unit(22, '阳西县发展和改革局', { level: 'county', governmentId: COUNTY_A }),
  unit(COUNTY_B, '阳春市人民政府', { kind: 'government', level: 'county', governmentId: COUNTY_B }),
  unit(31, '阳春市农业农村局', { level: 'county', governmentId: COUNTY_B }),
];

describe(UnitResolver.name, () => {
  const resolver = new UnitResolver(units);

  describe('resolve', () => {
    it.each([
      ['市环境保护局', 2],
      ['市环保局', 2],
      ['环境保护局', 2],
      ['阳江市环境保护局', 2],
      ['市国土资源局', 3],
      ['国土局', 3],
      ['市农业局', 4],
      ['市发展和改革委员会', 5],
      ['发改委', 5],
      ['市卫计局', 6],
      ['卫生和计划生育委员会', 6],
      ['安监局', 7],
      ['供销社', 8],
      ['市供销合作社等', 8],
      ['阳西县人民政府', COUNTY_A],
      ['阳西县政府', COUNTY_A],
      ['阳西县农业局', 21],
      ['阳春市农业局', 31],
    ])('should resolve %s through aliases and renames when the city plan names it', (name, expected) => {
      const result = resolver.resolve(name, { scopeGovernmentId: CITY });
      expect(result).toMatchObject({ status: 'resolved', unitId: expected });
    });

    it('should resolve full-width and line-broken names when the document was extracted from PDF', () => {
      expect(resolver.resolve('市环境保\n护局', { scopeGovernmentId: CITY })).toMatchObject({ unitId: 2 });
    });

    it('should prefer the county department when the name carries the county prefix', () => {
      const result = resolver.resolve('县发改局', { scopeGovernmentId: COUNTY_A });
      expect(result).toMatchObject({ status: 'resolved', unitId: 22 });
    });

    it('should report candidates instead of guessing when two counties have the same department', () => {
      const result = resolver.resolve('县农业局', { scopeGovernmentId: CITY });
      expect(result.status).toBe('ambiguous');
      if (result.status === 'ambiguous') {
        expect(result.candidates.map((c) => c.id).sort()).toEqual([21, 31]);
      }
    });

    it('should list similar units when a name does not resolve', () => {
      const result = resolver.resolve('市粮食局', { scopeGovernmentId: CITY });
      expect(result.status).toBe('unresolved');
    });

    it('should offer the closest units as candidates when a name is misspelt', () => {
      const result = resolver.resolve('市生态环境保护厅局');
      expect(result.status).toBe('unresolved');
      if (result.status === 'unresolved') {
        expect(result.candidates[0]?.id).toBe(2);
      }
    });
  });
});
