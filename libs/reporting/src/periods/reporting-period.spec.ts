import { DomainError } from '@app/core';
import {
  parsePeriod,
  periodContaining,
  periodEndDate,
  periodLabel,
  periodsOpenedBy,
  periodStartDate,
  previousPeriod,
} from './reporting-period';

describe('parsePeriod', () => {
  it('should read months and quarters', () => {
    expect(parsePeriod('2026-05')).toEqual({ cycle: 'monthly', year: 2026, index: 5 });
    expect(parsePeriod('2026-Q3')).toEqual({ cycle: 'quarterly', year: 2026, index: 3 });
  });

  it('should refuse anything else, naming the field', () => {
    for (const bad of ['2026-13', '2026-5', '2026-Q5', '202605', '']) {
      expect(() => parsePeriod(bad)).toThrow(DomainError);
    }
  });
});

describe('periodContaining', () => {
  it('should find the month and the quarter of a date', () => {
    expect(periodContaining('2026-05-20', 'monthly')).toBe('2026-05');
    expect(periodContaining('2026-05-20', 'quarterly')).toBe('2026-Q2');
    expect(periodContaining('2026-12-31', 'quarterly')).toBe('2026-Q4');
  });
});

describe('previousPeriod', () => {
  it('should step back across a year', () => {
    expect(previousPeriod('2026-05')).toBe('2026-04');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-Q3')).toBe('2026-Q2');
  });
});

describe('periodStartDate', () => {
  it('should give the first and last day of months and quarters', () => {
    expect([periodStartDate('2026-02'), periodEndDate('2026-02')]).toEqual(['2026-02-01', '2026-02-28']);
    expect([periodStartDate('2028-02'), periodEndDate('2028-02')]).toEqual(['2028-02-01', '2028-02-29']);
    expect([periodStartDate('2026-Q4'), periodEndDate('2026-Q4')]).toEqual(['2026-10-01', '2026-12-31']);
  });
});

describe('periodsOpenedBy', () => {
  it('should open a month and, for quarterly tasks, the quarter containing it', () => {
    expect(periodsOpenedBy('2026-05')).toEqual({ monthly: '2026-05', quarterly: '2026-Q2' });
    expect(periodsOpenedBy('2026-Q2')).toEqual({ monthly: null, quarterly: '2026-Q2' });
  });
});

describe('periodLabel', () => {
  it('should read the way notices write periods', () => {
    expect(periodLabel('2026-05')).toBe('2026年5月');
    expect(periodLabel('2026-Q2')).toBe('2026年第二季度');
  });
});
