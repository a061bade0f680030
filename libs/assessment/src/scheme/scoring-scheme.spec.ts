import { DomainError } from '@app/core';
import { checkScheme, DEFAULT_SCHEME, gradeOf, ScoringScheme } from './scoring-scheme';

const scheme = (patch: (s: ScoringScheme) => void): ScoringScheme => {
  const copy = structuredClone(DEFAULT_SCHEME);
  patch(copy);
  return copy;
};

function fieldsOf(input: ScoringScheme): Record<string, string[]> {
  try {
    checkScheme(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION');
    return (error as DomainError).fields ?? {};
  }
  throw new Error('expected a validation error');
}

describe('checkScheme', () => {
  it('should accept the defaults, whose weights sum to 100', () => {
    expect(checkScheme(DEFAULT_SCHEME)).toEqual(DEFAULT_SCHEME);
  });

  it('should name the weights when they do not sum to 100', () => {
    const fields = fieldsOf(scheme((s) => (s.weights.indicators = 15)));
    expect(fields.weights).toEqual(['各项权重之和须为 100（当前为 95）']);
  });

  it('should accept weights with two decimals summing to 100', () => {
    expect(() =>
      checkScheme(
        scheme((s) => (s.weights = { timeliness: 33.33, completion: 33.33, reviewQuality: 33.34, indicators: 0 })),
      ),
    ).not.toThrow();
  });

  it('should refuse negative caps and deductions, naming each field', () => {
    const fields = fieldsOf(
      scheme((s) => {
        s.bonusCap = -1;
        s.deductions.cap = -5;
        s.deductions.redWarning = -2;
      }),
    );
    expect(Object.keys(fields).sort()).toEqual(['bonusCap', 'deductions.cap', 'deductions.redWarning']);
    expect(fields['deductions.cap']).toEqual(['不能为负数']);
  });

  it('should refuse grade thresholds out of order', () => {
    expect(fieldsOf(scheme((s) => (s.grades = { excellent: 80, good: 90, pass: 60 }))).grades).toEqual([
      '等级分数线须满足 合格 < 良好 < 优秀',
    ]);
  });

  it('should refuse an appeal window outside 1–60 working days', () => {
    expect(fieldsOf(scheme((s) => (s.appealWorkingDays = 0))).appealWorkingDays).toBeDefined();
  });

  it('should refuse a missing weight as not a number rather than crash', () => {
    const broken = scheme((s) => delete (s.weights as Partial<ScoringScheme['weights']>).completion);
    expect(fieldsOf(broken)['weights.completion']).toEqual(['必须是数字']);
  });
});

describe('gradeOf', () => {
  it.each([
    [95, 'excellent'],
    [90, 'excellent'],
    [89.99, 'good'],
    [80, 'good'],
    [60, 'pass'],
    [59.99, 'fail'],
  ])('should grade %d as %s', (total, grade) => {
    expect(gradeOf(total, DEFAULT_SCHEME.grades)).toBe(grade);
  });
});
