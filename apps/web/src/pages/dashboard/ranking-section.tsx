import { Col, Empty, Row, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { formatDateTime } from '../../time/format';
import { DashboardSection } from './dashboard-section';
import type { AssessmentRun, RankingGroup, RankingRow } from './dashboard-types';

/**
 * 考核排名: the latest published assessment of the chosen plan (or of any plan in view), ranked within each group
 * (市直部门, 下级政府). Read-only; drafts and the appeal window stay on the assessment pages.
 */
export function RankingSection({ planId }: { planId: number | undefined }) {
  const t = useT();
  const runs = useAsync(() => unwrap(api.GET('/api/assessment/runs', { params: { query: { planId } } })), [planId]);
  // Newest year first; leaders only ever receive published runs, the office also its drafts.
  const run = runs.data?.find((r) => r.status === 'published');
  return (
    <DashboardSection
      id="dashboard-ranking"
      title={run ? t('dashboard.ranking.titleOf', { year: run.year }) : t('dashboard.ranking.title')}
      extra={
        run && (
          <Typography.Text type="secondary">
            {t('dashboard.ranking.published', { plan: run.planTitle, time: formatDateTime(run.publishedAt) })}
          </Typography.Text>
        )
      }
      error={runs.error}
      onRetry={runs.reload}
    >
      {!runs.data ? (
        <PageLoading />
      ) : run ? (
        <RunRanking run={run} />
      ) : (
        <Empty description={t('dashboard.ranking.none')} />
      )}
    </DashboardSection>
  );
}

function RunRanking({ run }: { run: AssessmentRun }) {
  const rankings = useAsync(
    () => unwrap(api.GET('/api/assessment/runs/{id}/rankings', { params: { path: { id: run.id } } })),
    [run.id],
  );
  if (rankings.error) {
    return <ErrorResult error={rankings.error} onRetry={rankings.reload} />;
  }
  if (!rankings.data) {
    return <PageLoading />;
  }
  return (
    <Row gutter={[16, 16]}>
      {rankings.data.map((group) => (
        <Col xs={24} xl={12} key={group.group}>
          <GroupTable group={group} />
        </Col>
      ))}
    </Row>
  );
}

/** The group's scored units in rank order; units without tasks (不计分) are only counted, to keep the list short. */
function GroupTable({ group }: { group: RankingGroup }) {
  const t = useT();
  const scored = group.rows.filter((row) => row.scored);
  const unscored = group.rows.length - scored.length;
  const columns: TableColumnsType<RankingRow> = [
    { title: t('dashboard.rank'), dataIndex: 'rank', width: 64, render: (rank: number | null) => rank ?? '—' },
    {
      title: t('obligation.unit'),
      dataIndex: 'unitName',
      rowScope: 'row',
      render: (name: string, row) => <Link to={`/units/${row.unitId}`}>{name}</Link>,
    },
    {
      title: t('dashboard.ranking.total'),
      dataIndex: 'total',
      width: 90,
      render: (total: number | null) => total ?? '—',
    },
    {
      title: t('dashboard.ranking.grade'),
      dataIndex: 'gradeLabel',
      width: 80,
      render: (grade: string | null) => grade ?? '—',
    },
  ];
  return (
    <Table<RankingRow>
      rowKey="id"
      size="small"
      className="ranking-group"
      columns={columns}
      dataSource={scored}
      pagination={false}
      scroll={{ x: 420 }}
      caption={
        <span className="table-caption">
          {group.label}
          {unscored > 0 && (
            <span className="ranking-unscored">{t('dashboard.ranking.unscored', { count: unscored })}</span>
          )}
        </span>
      }
      locale={{ emptyText: t('dashboard.ranking.emptyGroup') }}
    />
  );
}
