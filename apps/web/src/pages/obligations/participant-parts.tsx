import { Card, Empty, Space, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { ReportIndicator } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { DueCountdown } from '../../components/due-countdown';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { ObligationStatusTag } from '../../components/reporting-tags';
import { useNow } from '../../clock/server-clock';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { formatDateTime } from '../../time/format';
import { SubmissionContent } from './submission-content';

/**
 * 汇总: the lead unit's view of what its participants reported for the same task and month, to consolidate into its
 * own report to the office. Each part opens on its own page, where the lead accepts or returns it.
 */
export function ParticipantParts({
  obligationId,
  indicators,
}: {
  obligationId: number;
  indicators: ReportIndicator[];
}) {
  const t = useT();
  const now = useNow();
  const parts = useAsync(
    () => unwrap(api.GET('/api/obligations/{id}/participants', { params: { path: { id: obligationId } } })),
    [obligationId],
  );
  if (parts.error) {
    return <ErrorResult error={parts.error} onRetry={parts.reload} />;
  }
  if (!parts.data) {
    return <PageLoading />;
  }
  return (
    <section aria-labelledby="parts-title" className="page-section">
      <Typography.Title level={3} id="parts-title">
        {t('parts.title', { count: parts.data.length })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('parts.hint')}</Typography.Paragraph>
      {parts.data.length === 0 ? (
        <Empty description={t('parts.none')} />
      ) : (
        <ul className="card-list">
          {parts.data.map(({ obligation, current }) => {
            const waiting = obligation.status === 'open' || obligation.status === 'returned';
            return (
              <li key={obligation.id}>
                <Card size="small" className="participant-part" aria-label={obligation.unitName}>
                  <div className="inbox-item-head">
                    <Space wrap size={[8, 4]}>
                      <strong>{obligation.unitName}</strong>
                      <ObligationStatusTag
                        status={obligation.status}
                        overdue={waiting && Date.parse(obligation.dueAt) <= now.getTime()}
                      />
                    </Space>
                    <Link to={`/obligations/${obligation.id}`}>
                      {t(obligation.status === 'submitted' ? 'parts.review' : 'parts.open')}
                    </Link>
                  </div>
                  {current ? (
                    <>
                      <Typography.Text type="secondary">
                        {t('history.submittedBy', {
                          name: current.submittedByName,
                          time: formatDateTime(current.submittedAt),
                        })}
                      </Typography.Text>
                      <SubmissionContent submission={current} indicators={indicators} />
                    </>
                  ) : (
                    <DueCountdown dueAt={obligation.dueAt} prefix={t('parts.dueToLead')} />
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
