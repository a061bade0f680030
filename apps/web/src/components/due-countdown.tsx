import { ClockCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useNow } from '../clock/server-clock';
import { useT } from '../i18n/i18n';
import { daysUntil, formatDateTime, TIME_ZONE } from '../time/format';

/**
 * "截止 2026-12-03 18:00（还剩 3 天）": counted in Shanghai calendar days against the server's clock, amber from two
 * days before, red once passed.
 */
export function DueCountdown({ dueAt, prefix }: { dueAt: string; prefix?: string }) {
  const t = useT();
  const now = useNow();
  const days = daysUntil(dueAt, now);
  const passed = Date.parse(dueAt) <= now.getTime();
  const time = dayjs(dueAt).tz(TIME_ZONE).format('HH:mm');
  let rest: string;
  if (passed) {
    rest = days < 0 ? t('due.daysOverdue', { days: -days }) : t('due.passedToday');
  } else if (days === 0) {
    rest = t('due.today', { time });
  } else if (days === 1) {
    rest = t('due.tomorrow', { time });
  } else {
    rest = t('due.daysLeft', { days });
  }
  return (
    <Typography.Text type={passed ? 'danger' : days <= 2 ? 'warning' : undefined} className="due-countdown">
      <ClockCircleOutlined aria-hidden /> {prefix ?? t('due.by')} {formatDateTime(dueAt)}
      <strong>（{rest}）</strong>
    </Typography.Text>
  );
}
