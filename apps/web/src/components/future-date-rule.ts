import type { Dayjs } from 'dayjs';
import { shanghaiIso } from '../time/format';

/**
 * A date picker's rule: empty, or later than the server's now (the demo clock's, when it was moved). The API
 * checks the same; this only saves a round trip.
 */
export function futureDateRule(now: () => Date, message: string) {
  return {
    validator: (_: unknown, value: Dayjs | null | undefined) =>
      !value || Date.parse(shanghaiIso(value)) > now().getTime()
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  };
}

/** The date pickers' format for a deadline: date and time, to the minute, in Shanghai wall-clock time. */
export const DEADLINE_PICKER = { showTime: { format: 'HH:mm' }, format: 'YYYY-MM-DD HH:mm' } as const;
