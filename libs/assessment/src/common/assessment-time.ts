/** How an instant reads to the office and the units: 2026年12月28日 18:00 (Asia/Shanghai). */
export function formatShanghai(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
  );
}
