import { DomainError } from '@app/core';
import { principalHeadOf } from './interviews.service';
import { nextInterviewStatus } from './interview-transitions';

describe('nextInterviewStatus', () => {
  it('should mark the interview held when minutes are recorded, then closed', () => {
    expect(nextInterviewStatus('scheduled', 'record_minutes')).toBe('held');
    expect(nextInterviewStatus('held', 'close')).toBe('closed');
  });

  it('should accept follow-up reports after the interview and close from there', () => {
    expect(nextInterviewStatus('held', 'report_follow_up')).toBe('followed_up');
    expect(nextInterviewStatus('followed_up', 'report_follow_up')).toBe('followed_up');
    expect(nextInterviewStatus('followed_up', 'close')).toBe('closed');
  });

  it('should refuse closing an interview that has not taken place', () => {
    expect(() => nextInterviewStatus('scheduled', 'close')).toThrow(DomainError);
  });

  it('should move only an interview that has not taken place', () => {
    expect(nextInterviewStatus('scheduled', 'reschedule')).toBe('scheduled');
    expect(() => nextInterviewStatus('held', 'reschedule')).toThrow(/已约谈/);
  });

  it('should cancel only a scheduled interview', () => {
    expect(nextInterviewStatus('scheduled', 'cancel')).toBe('cancelled');
    expect(() => nextInterviewStatus('held', 'cancel')).toThrow(/已约谈/);
  });

  it('should refuse everything once closed or cancelled', () => {
    for (const status of ['closed', 'cancelled'] as const) {
      for (const action of ['reschedule', 'record_minutes', 'report_follow_up', 'close', 'cancel'] as const) {
        expect(() => nextInterviewStatus(status, action)).toThrow(DomainError);
      }
    }
  });
});

describe('principalHeadOf', () => {
  it('should name the head with the unit and title when the unit records a name', () => {
    expect(principalHeadOf({ shortName: '市农业农村局', headName: '陈某', headTitle: '局长' })).toBe(
      '陈某（市农业农村局局长）',
    );
  });

  it('should fall back to the title when the name is a placeholder in parentheses or missing', () => {
    expect(principalHeadOf({ shortName: '市农业农村局', headName: '（农业农村局局长）', headTitle: '局长' })).toBe(
      '市农业农村局局长',
    );
    expect(principalHeadOf({ shortName: '阳西县政府', headName: null, headTitle: null })).toBe('阳西县政府主要负责人');
  });
});
