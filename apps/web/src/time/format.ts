import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every date is shown in the offices' time zone, whatever the browser's own zone is. */
export const TIME_ZONE = 'Asia/Shanghai';

const WALL_CLOCK = 'YYYY-MM-DDTHH:mm:ss';

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DD') : '—';
}

/** Whole calendar days from now until `iso` in Shanghai; negative once it has passed. */
export function daysUntil(iso: string, now: Date = new Date()): number {
  const due = dayjs(iso).tz(TIME_ZONE).startOf('day');
  const today = dayjs(now).tz(TIME_ZONE).startOf('day');
  return due.diff(today, 'day');
}

/**
 * Date pickers work in the browser's zone; the people using them mean Shanghai time. A picked value's wall clock
 * is read as Shanghai time (`2026-12-04 09:30` → `2026-12-04T09:30:00+08:00`), and shown back the same way.
 */
export function shanghaiIso(picked: Dayjs): string {
  return dayjs.tz(picked.format(WALL_CLOCK), TIME_ZONE).format();
}

export function shanghaiWallClock(iso: string): Dayjs {
  return dayjs(dayjs(iso).tz(TIME_ZONE).format(WALL_CLOCK));
}

export function setDateLocale(language: 'zh' | 'en'): void {
  dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
}
