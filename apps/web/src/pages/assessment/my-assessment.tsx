import { Button, Card, Descriptions, Empty, Space, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { DueCountdown } from '../../components/due-countdown';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { useT } from '../../i18n/i18n';
import { useRouter } from '../../router/router';
import { formatDateTime } from '../../time/format';
import { GradeTag, RunStatusTag } from './assessment-tags';
import type { ResultDetail } from './assessment-types';
import { formatPoints } from './assessment-types';

/** 本单位考核: the unit's own results once released (appeal window) and published, each with its plan and deadline. */
export function MyAssessment() {
  const t = useT();
  const results = useAsync(async () => {
    const mine = await unwrap(api.GET('/api/assessment/results/mine'));
    return Promise.all(
      mine.map((row) => unwrap(api.GET('/api/assessment/results/{id}', { params: { path: { id: row.id } } }))),
    );
  }, []);
  return (
    <section aria-labelledby="my-assessment-title">
      <div className="page-heading">
        <Typography.Title level={2} id="my-assessment-title">
          {t('assessment.mineTitle')}
        </Typography.Title>
      </div>
      {results.error ? (
        <ErrorResult error={results.error} onRetry={results.reload} />
      ) : !results.data ? (
        <PageLoading />
      ) : results.data.length === 0 ? (
        <Empty description={t('assessment.mineNone')} />
      ) : (
        <div className="card-list">
          {results.data.map((detail) => (
            <MyResultCard key={detail.id} detail={detail} />
          ))}
        </div>
      )}
    </section>
  );
}

function MyResultCard({ detail }: { detail: ResultDetail }) {
  const t = useT();
  const { navigate } = useRouter();
  const run = detail.run;
  const open = run.status === 'released';
  return (
    <Card
      title={
        <Typography.Title level={3} className="card-title">
          {t('assessment.runTitle', { plan: run.planTitle, year: run.year })}
        </Typography.Title>
      }
      extra={<RunStatusTag status={run.status} />}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'total', label: t('assessment.total'), children: <strong>{formatPoints(detail.total)}</strong> },
          { key: 'grade', label: t('assessment.grade'), children: <GradeTag grade={detail.grade} /> },
          {
            key: 'rank',
            label: t('assessment.rank'),
            children:
              detail.rank === null
                ? (detail.note ?? '—')
                : t('assessment.rankOf', { rank: detail.rank, size: detail.groupSize, group: detail.groupLabel }),
          },
          {
            key: 'deadline',
            label: open ? t('assessment.appealDeadline') : t('assessment.publishedAt'),
            children:
              open && run.appealDeadline ? (
                <DueCountdown dueAt={run.appealDeadline} prefix="" />
              ) : (
                formatDateTime(run.publishedAt)
              ),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <Button type="primary" onClick={() => navigate(`/assessment/results/${detail.id}`)}>
          {t(open ? 'assessment.openBreakdownAndAppeal' : 'assessment.openBreakdown')}
        </Button>
      </Space>
    </Card>
  );
}
