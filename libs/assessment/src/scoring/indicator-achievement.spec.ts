import { indicatorAchievement, IndicatorMeasure } from './indicator-achievement';

const measure = (overrides: Partial<IndicatorMeasure>): IndicatorMeasure => ({
  comparator: '>=',
  target: 90,
  approximate: false,
  actual: 90,
  ...overrides,
});

describe('indicatorAchievement', () => {
  it.each([
    ['>= met', measure({ actual: 95 }), 1],
    ['>= short', measure({ actual: 72 }), 0.8],
    ['<= met', measure({ comparator: '<=', target: 10, actual: 8 }), 1],
    ['<= exceeded', measure({ comparator: '<=', target: 10, actual: 12.5 }), 0.8],
    ['<= zero growth exceeded', measure({ comparator: '<=', target: 0, actual: 1 }), 0],
    ['<= zero growth met', measure({ comparator: '<=', target: 0, actual: -2 }), 1],
    ['= exact', measure({ comparator: '=', target: 50, actual: 50 }), 1],
    ['= off by 10 %', measure({ comparator: '=', target: 50, actual: 55 }), 0.9],
    ['= approximately (左右) within 5 %', measure({ comparator: '=', target: 90, actual: 87, approximate: true }), 1],
    ['>= negative actual', measure({ actual: -5 }), 0],
  ])('should score %s', (_label, input, expected) => {
    expect(indicatorAchievement(input)).toBeCloseTo(expected, 10);
  });

  it('should leave out an indicator without target or without actual (null, not 0)', () => {
    expect(indicatorAchievement(measure({ target: null }))).toBeNull();
    expect(indicatorAchievement(measure({ actual: null }))).toBeNull();
    expect(indicatorAchievement(measure({ target: Number.NaN }))).toBeNull();
  });

  it('should cap the achievement at 100 %', () => {
    expect(indicatorAchievement(measure({ actual: 900 }))).toBe(1);
  });
});
