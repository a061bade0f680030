const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** An instant as the office reads it: `2026年12月9日 09:00`, Asia/Shanghai whatever the server's zone. */
export function formatShanghai(date: Date): string {
  const local = new Date(date.getTime() + SHANGHAI_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
  );
}
