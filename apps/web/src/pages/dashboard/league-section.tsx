import { Col, Row, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { PageLoading } from '../../components/page-loading';
import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { DashboardSection } from './dashboard-section';
import { formatRate, periodLabel } from './dashboard-format';
import type { LeagueEntry } from './dashboard-types';
import type { DashboardFilters } from './use-dashboard-filters';

/** 红黄榜: the units without any warning, case or interview (红榜), and those most warned and supervised (黄榜). */
export function LeagueSection({ filters }: { filters: DashboardFilters }) {
  const t = useT();
  const { planId, from, to } = filters;
  const league = useAsync(
    () => unwrap(api.GET('/api/dashboard/league-table', { params: { query: { planId, from, to } } })),
    [planId, from, to],
  );
  const data = league.data;
  return (
    <DashboardSection
      id="dashboard-league"
      title={t('dashboard.league.title')}
      extra={
        data && (
          <Typography.Text type="secondary">
            {t('dashboard.league.range', { from: periodLabel(t, data.from), to: periodLabel(t, data.to) })}
          </Typography.Text>
        )
      }
      error={league.error}
      onRetry={league.reload}
    >
      {!data ? (
        <PageLoading />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={9}>
            <HonourTable rows={data.honour} />
          </Col>
          <Col xs={24} xl={15}>
            <WarnedTable rows={data.warned} />
          </Col>
        </Row>
      )}
    </DashboardSection>
  );
}

function unitColumns(t: Translate): TableColumnsType<LeagueEntry> {
  return [
    { title: t('dashboard.rank'), dataIndex: 'rank', width: 64 },
    {
      title: t('obligation.unit'),
      dataIndex: 'unitName',
      rowScope: 'row',
      render: (name: string, row) => <Link to={`/units/${row.unitId}`}>{name}</Link>,
    },
  ];
}

function HonourTable({ rows }: { rows: LeagueEntry[] }) {
  const t = useT();
  const columns: TableColumnsType<LeagueEntry> = [
    ...unitColumns(t),
    { title: t('dashboard.onTimeRate'), dataIndex: 'onTimeRate', width: 110, render: formatRate },
    { title: t('dashboard.state.on_time'), key: 'onTime', width: 90, render: (_, row) => row.counts.onTime },
  ];
  return (
    <Table<LeagueEntry>
      rowKey="unitId"
      size="small"
      className="league-honour"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 420 }}
      caption={<span className="table-caption league-caption-honour">{t('dashboard.league.honour')}</span>}
      locale={{ emptyText: t('dashboard.league.noHonour') }}
    />
  );
}

function WarnedTable({ rows }: { rows: LeagueEntry[] }) {
  const t = useT();
  const columns: TableColumnsType<LeagueEntry> = [
    ...unitColumns(t),
    { title: t('dashboard.league.cases'), dataIndex: 'cases', width: 72 },
    { title: t('warning.kind.red'), dataIndex: 'redWarnings', width: 72 },
    { title: t('dashboard.league.interviews'), dataIndex: 'interviews', width: 56 },
    { title: t('warning.kind.yellow'), dataIndex: 'yellowWarnings', width: 72 },
    { title: t('warning.kind.progress_lag'), dataIndex: 'progressLagWarnings', width: 96 },
    { title: t('dashboard.state.missing'), key: 'missing', width: 72, render: (_, row) => row.counts.missing },
  ];
  return (
    <Table<LeagueEntry>
      rowKey="unitId"
      size="small"
      className="league-warned"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 640 }}
      caption={<span className="table-caption league-caption-warned">{t('dashboard.league.warned')}</span>}
      locale={{ emptyText: t('dashboard.league.noWarned') }}
    />
  );
}
