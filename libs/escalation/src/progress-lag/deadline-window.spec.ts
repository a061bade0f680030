import { deadlineWindowOf } from './deadline-window';

const published = new Date('2026-10-09T02:00:00Z');
const shanghai = (local: string) => Date.parse(`${local}+08:00`);

describe(deadlineWindowOf.name, () => {
  it('should run from publication to the end of the once-deadline when the task has one', () => {
    expect(deadlineWindowOf([{ kind: 'once', date: '2026-12-31' }], published)).toEqual({
      start: published.getTime(),
      end: shanghai('2027-01-01T00:00:00'),
    });
  });

  it('should end at the last milestone and start at the from date when the task names both', () => {
    const window = deadlineWindowOf(
      [
        { kind: 'once', date: '2027-12-31' },
        { kind: 'from', date: '2026-01-01' },
        { kind: 'once', date: '2026-06-30' },
      ],
      published,
    );
    expect(window).toEqual({ start: shanghai('2026-01-01T00:00:00'), end: shanghai('2028-01-01T00:00:00') });
  });

  it('should give no window when the task has no end date', () => {
    expect(deadlineWindowOf([{ kind: 'ongoing', date: null }], published)).toBeNull();
    expect(deadlineWindowOf([{ kind: 'recurring', date: '2026-12-31' }], published)).toBeNull();
    expect(deadlineWindowOf([{ kind: 'once', date: null }], published)).toBeNull();
    expect(deadlineWindowOf([], published)).toBeNull();
  });

  it('should give no window when it would be empty or has no start', () => {
    expect(deadlineWindowOf([{ kind: 'once', date: '2026-10-01' }], published)).toBeNull();
    const later = [
      { kind: 'from', date: '2027-01-01' },
      { kind: 'once', date: '2026-12-31' },
    ] as const;
    expect(deadlineWindowOf(later, published)).toBeNull();
    expect(deadlineWindowOf([{ kind: 'once', date: '2026-12-31' }], null)).toBeNull();
  });
});
