import { Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { GradeTag } from './assessment-tags';
import type { ResultRow } from './assessment-types';
import { formatPoints } from './assessment-types';

/** 排名: within each group (departments, lower governments), ties sharing a rank; units without a score left out. */
export function RankingsPanel({ runId, generation }: { runId: number; generation: number }) {
  const t = useT();
  const rankings = useAsync(
    () => unwrap(api.GET('/api/assessment/runs/{id}/rankings', { params: { path: { id: runId } } })),
    [runId, generation],
  );
  if (rankings.error) {
    return <ErrorResult error={rankings.error} onRetry={rankings.reload} />;
  }
  if (!rankings.data) {
    return <PageLoading />;
  }
  const columns: TableColumnsType<ResultRow> = [
    { title: t('assessment.rank'), dataIndex: 'rank', width: 80, align: 'right' },
    {
      title: t('assessment.unit'),
      dataIndex: 'unitName',
      render: (name: string, row) => <Link to={`/assessment/results/${row.id}`}>{name}</Link>,
    },
    {
      title: t('assessment.total'),
      dataIndex: 'total',
      width: 110,
      align: 'right',
      render: (total: number | null) => <strong>{formatPoints(total)}</strong>,
    },
    {
      title: t('assessment.grade'),
      dataIndex: 'grade',
      width: 100,
      render: (grade: ResultRow['grade']) => <GradeTag grade={grade} />,
    },
  ];
  const groups = rankings.data
    .map((group) => ({ ...group, ranked: group.rows.filter((row) => row.scored) }))
    .filter((group) => group.ranked.length > 0);
  if (groups.length === 0) {
    return <Typography.Paragraph>{t('assessment.noResults')}</Typography.Paragraph>;
  }
  return (
    <>
      {groups.map(({ ranked, ...group }) => {
        return (
          <Card
            key={group.group}
            className="page-section"
            title={
              <Typography.Title level={3} className="card-title" id={`ranking-${group.group}`}>
                {t('assessment.rankingOf', { group: group.label, count: ranked.length })}
              </Typography.Title>
            }
          >
            <Table<ResultRow>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={ranked}
              aria-labelledby={`ranking-${group.group}`}
              locale={{ emptyText: t('assessment.noResults') }}
              pagination={false}
            />
          </Card>
        );
      })}
    </>
  );
}
