/**
 * Dates as the office writes them, in Asia/Shanghai whatever the process TZ: China Standard Time is UTC+8 with no
 * daylight saving (none since 1991), so the offset is applied by hand rather than through the process time zone.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const;

interface ShanghaiParts {
  year: number;
  month: number;
  day: number;
  weekday: (typeof WEEKDAYS)[number];
  hour: number;
  minute: number;
}

function shanghaiParts(instant: Date): ShanghaiParts {
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError('invalid date');
  }
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: WEEKDAYS[shifted.getUTCDay()],
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** `2026年12月3日`: the date line under the office's name (成文日期, Arabic numerals per GB/T 9704-2012). */
export function formatChineseDay(instant: Date): string {
  const p = shanghaiParts(instant);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** `2026年12月3日（星期四）`. */
export function formatChineseDate(instant: Date): string {
  return `${formatChineseDay(instant)}（星期${shanghaiParts(instant).weekday}）`;
}

/** `14:30` in Asia/Shanghai. */
export function formatChineseTime(instant: Date): string {
  const p = shanghaiParts(instant);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** `2026年12月3日（星期四）14:30`. */
export function formatChineseDateTime(instant: Date): string {
  return `${formatChineseDate(instant)}${formatChineseTime(instant)}`;
}

/** `2026年12月3日（星期四）14:30—16:00`, or both full date-times when the range spans two days. */
export function formatChineseTimeRange(start: Date, end: Date): string {
  const sameDay = formatChineseDay(start) === formatChineseDay(end);
  return `${formatChineseDateTime(start)}—${sameDay ? formatChineseTime(end) : formatChineseDateTime(end)}`;
}
