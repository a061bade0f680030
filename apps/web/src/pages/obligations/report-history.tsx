import { Empty, Rate, Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ReportIndicator, ObligationDetail, Review } from '../../api/types';
import { LateTag } from '../../components/reporting-tags';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { formatDateTime } from '../../time/format';
import { SubmissionContent } from './submission-content';

const DECISION: Record<Review['decision'], { color: string; label: MessageKey }> = {
  accepted: { color: 'green', label: 'review.decision.accepted' },
  returned: { color: 'red', label: 'review.decision.returned' },
  waived: { color: 'gray', label: 'review.decision.waived' },
};

interface Entry {
  at: string;
  color: string;
  content: ReactNode;
}

/** Every version the unit sent and every decision on it, oldest first: the full story of one period's report. */
export function ReportHistory({ detail, indicators }: { detail: ObligationDetail; indicators: ReportIndicator[] }) {
  const t = useT();
  const entries: Entry[] = [
    ...detail.versions.map((version) => ({
      at: version.submittedAt,
      color: 'blue',
      content: (
        <article className="history-entry" aria-label={t('history.version', { round: version.round + 1 })}>
          <Space wrap size={[8, 4]} className="history-head">
            <strong>{t('history.version', { round: version.round + 1 })}</strong>
            <Typography.Text type="secondary">
              {t('history.submittedBy', { name: version.submittedByName, time: formatDateTime(version.submittedAt) })}
            </Typography.Text>
            <LateTag late={version.late} />
          </Space>
          <SubmissionContent submission={version} indicators={indicators} />
        </article>
      ),
    })),
    ...detail.reviews.map((review) => ({
      at: review.reviewedAt,
      color: DECISION[review.decision].color,
      content: (
        <article className="history-entry review-entry" aria-label={t(DECISION[review.decision].label)}>
          <Space wrap size={[8, 4]} className="history-head">
            <Tag color={DECISION[review.decision].color}>{t(DECISION[review.decision].label)}</Tag>
            <Typography.Text type="secondary">
              {t('history.reviewedBy', {
                name: review.reviewerName,
                unit: review.reviewerUnitName,
                time: formatDateTime(review.reviewedAt),
              })}
            </Typography.Text>
          </Space>
          {review.rating !== null && (
            <div>
              <Rate disabled value={review.rating} aria-label={t('review.ratingValue', { rating: review.rating })} />
            </div>
          )}
          {review.comment && (
            <Typography.Paragraph className="review-comment">
              {t('history.comment')}
              {review.comment}
            </Typography.Paragraph>
          )}
          {review.newDueAt && (
            <Typography.Text type="secondary">
              {t('history.newDue', { time: formatDateTime(review.newDueAt) })}
            </Typography.Text>
          )}
        </article>
      ),
    })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  return (
    <section aria-labelledby="history-title" className="page-section">
      <Typography.Title level={3} id="history-title">
        {t('history.title')}
      </Typography.Title>
      {entries.length ? (
        <Timeline items={entries.map((entry) => ({ color: entry.color, content: entry.content }))} />
      ) : (
        <Empty description={t('history.none')} />
      )}
    </section>
  );
}
