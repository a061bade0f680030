import { DomainError } from '@app/core';
import { checkSubmissionInput, submissionFingerprint, SubmissionInput } from './submission-input';

const aProgressReport = (overrides: Partial<SubmissionInput> = {}): SubmissionInput => ({
  kind: 'progress',
  progressText: '完成受污染耕地详查点位布设。',
  percentComplete: 60,
  indicatorValues: [],
  ...overrides,
});

function fieldsOf(action: () => void): Record<string, string[]> {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).fields ?? {};
  }
  throw new Error('expected a DomainError');
}

describe('checkSubmissionInput', () => {
  it('should accept a progress report with text and percent', () => {
    expect(() => checkSubmissionInput(aProgressReport(), 1)).not.toThrow();
  });

  it('should name the missing fields of a progress report', () => {
    const fields = fieldsOf(() =>
      checkSubmissionInput(aProgressReport({ progressText: '  ', percentComplete: null }), 0),
    );
    expect(Object.keys(fields).sort()).toEqual(['percentComplete', 'progressText']);
  });

  it('should refuse a percent outside 0–100', () => {
    expect(Object.keys(fieldsOf(() => checkSubmissionInput(aProgressReport({ percentComplete: 120 }), 0)))).toEqual([
      'percentComplete',
    ]);
  });

  it('should accept a bare 无此项任务 declaration and refuse one carrying progress', () => {
    expect(() => checkSubmissionInput({ kind: 'no_task' }, 0)).not.toThrow();
    const fields = fieldsOf(() =>
      checkSubmissionInput(
        { kind: 'no_task', percentComplete: 10, indicatorValues: [{ indicatorId: 1, value: 2 }] },
        1,
      ),
    );
    expect(Object.keys(fields).sort()).toEqual(['files', 'indicatorValues', 'percentComplete']);
  });

  it('should accept a no-progress declaration without text', () => {
    expect(() => checkSubmissionInput({ kind: 'no_progress' }, 0)).not.toThrow();
  });

  it('should refuse the same indicator twice', () => {
    const fields = fieldsOf(() =>
      checkSubmissionInput(
        aProgressReport({
          indicatorValues: [
            { indicatorId: 3, value: 1 },
            { indicatorId: 3, value: 2 },
          ],
        }),
        0,
      ),
    );
    expect(fields).toHaveProperty(['indicatorValues[1].indicatorId']);
  });
});

describe('submissionFingerprint', () => {
  const files = [{ originalName: 'a.pdf', sha256: 'ab' }];

  it('should not depend on the order of indicator values or surrounding spaces', () => {
    const one = aProgressReport({
      indicatorValues: [
        { indicatorId: 1, value: 5 },
        { indicatorId: 2, value: 6 },
      ],
    });
    const two = aProgressReport({
      progressText: ` ${one.progressText} `,
      indicatorValues: [
        { indicatorId: 2, value: 6 },
        { indicatorId: 1, value: 5 },
      ],
    });
    expect(submissionFingerprint(7, one, files)).toBe(submissionFingerprint(7, two, files));
  });

  it('should differ when a field, a file or the obligation differs', () => {
    const base = submissionFingerprint(7, aProgressReport(), files);
    expect(submissionFingerprint(7, aProgressReport({ percentComplete: 61 }), files)).not.toBe(base);
    expect(submissionFingerprint(7, aProgressReport(), [{ originalName: 'a.pdf', sha256: 'cd' }])).not.toBe(base);
    expect(submissionFingerprint(8, aProgressReport(), files)).not.toBe(base);
  });
});
