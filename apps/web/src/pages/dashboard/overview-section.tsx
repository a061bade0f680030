import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { PageLoading } from '../../components/page-loading';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { formatDateTime } from '../../time/format';
import { DashboardSection } from './dashboard-section';
import { formatRate, periodLabel } from './dashboard-format';
import { LIGHT_LOOK } from './dashboard-tags';
import type { Overview, PlanOverview, PlanSummary } from './dashboard-types';
import type { DashboardFilters } from './use-dashboard-filters';

/** 总览: one period's reports, the units' lights, the period's warnings and open cases, and each plan's progress. */
export function OverviewSection({ filters, plans }: { filters: DashboardFilters; plans: PlanSummary[] | undefined }) {
  const t = useT();
  const { planId, period } = filters;
  const overview = useAsync(
    () => unwrap(api.GET('/api/dashboard/overview', { params: { query: { planId, period } } })),
    [planId, period],
  );
  const data = overview.data;
  return (
    <DashboardSection
      id="dashboard-overview"
      title={
        data ? t('dashboard.overview.titleOf', { period: periodLabel(t, data.period) }) : t('dashboard.overview.title')
      }
      extra={
        data && (
          <Typography.Text type="secondary">{t('dashboard.asOf', { time: formatDateTime(data.asOf) })}</Typography.Text>
        )
      }
      error={overview.error}
      onRetry={overview.reload}
    >
      {data ? <OverviewFigures overview={data} plans={plans} /> : <PageLoading />}
    </DashboardSection>
  );
}

function OverviewFigures({ overview, plans }: { overview: Overview; plans: PlanSummary[] | undefined }) {
  const t = useT();
  const { totals, lights, warnings } = overview;
  return (
    <>
      <Row gutter={[16, 16]} className="dashboard-figures">
        <FigureCard title={t('dashboard.overview.reports')} span={12}>
          <Statistic title={t('dashboard.onTimeRate')} value={formatRate(totals.onTimeRate)} />
          <Statistic title={t('dashboard.overview.due')} value={totals.total} />
          <Statistic title={t('dashboard.state.on_time')} value={totals.counts.onTime} />
          <Statistic title={t('dashboard.state.late')} value={totals.counts.late} />
          <Statistic title={t('dashboard.state.missing')} value={totals.counts.missing} />
          <Statistic title={t('dashboard.state.nothing_to_report')} value={totals.counts.nothingToReport} />
          <Statistic title={t('dashboard.state.not_due')} value={totals.counts.notDue} />
        </FigureCard>
        <FigureCard title={t('dashboard.overview.lights')} span={6}>
          {(['red', 'yellow', 'green'] as const).map((light) => (
            <Statistic
              key={light}
              title={t(LIGHT_LOOK[light].label)}
              value={lights[light]}
              prefix={LIGHT_LOOK[light].icon}
              className={`figure-light-${light}`}
            />
          ))}
        </FigureCard>
        <FigureCard title={t('dashboard.overview.warnings')} span={6}>
          <Statistic title={t('warning.kind.yellow')} value={warnings.yellow} />
          <Statistic title={t('warning.kind.red')} value={warnings.red} />
          <Statistic title={t('warning.kind.progress_lag')} value={warnings.progressLag} />
          <Statistic title={t('dashboard.overview.openCases')} value={overview.openCases} />
        </FigureCard>
      </Row>
      <PlanTable rows={overview.plans} plans={plans} />
    </>
  );
}

function FigureCard({ title, span, children }: { title: string; span: number; children: ReactNode }) {
  return (
    <Col xs={24} xl={span}>
      <Card size="small" title={<h4 className="card-title">{title}</h4>} className="figure-card">
        <div className="figure-list">{children}</div>
      </Card>
    </Col>
  );
}

/** Each plan's period figures beside its task progress (from the plan summaries). */
function PlanTable({ rows, plans }: { rows: PlanOverview[]; plans: PlanSummary[] | undefined }) {
  const t = useT();
  const summaries = new Map((plans ?? []).map((plan) => [plan.planId, plan]));
  const columns: TableColumnsType<PlanOverview> = [
    {
      title: t('plan.title'),
      dataIndex: 'title',
      render: (title: string, row) => <Link to={`/plans/${row.planId}`}>{title}</Link>,
    },
    {
      title: t('dashboard.plan.tasksDone'),
      key: 'tasks',
      width: 110,
      render: (_, row) => `${row.completedTasks} / ${row.tasks}`,
    },
    {
      title: t('dashboard.plan.percent'),
      key: 'percent',
      width: 100,
      render: (_, row) => {
        const summary = summaries.get(row.planId);
        return summary ? `${summary.percent}%` : '—';
      },
    },
    {
      title: t('dashboard.plan.overdueTasks'),
      key: 'overdue',
      width: 100,
      render: (_, row) => summaries.get(row.planId)?.overdue ?? '—',
    },
    { title: t('dashboard.plan.units'), dataIndex: 'units', width: 90 },
    {
      title: t('dashboard.onTimeRate'),
      dataIndex: 'onTimeRate',
      width: 110,
      render: (rate: number | null) => formatRate(rate),
    },
    { title: t('dashboard.state.missing'), key: 'missing', width: 90, render: (_, row) => row.counts.missing },
  ];
  return (
    <Table<PlanOverview>
      rowKey="planId"
      size="small"
      className="dashboard-plan-table"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 800 }}
      pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
      caption={<span className="table-caption">{t('dashboard.plan.caption')}</span>}
      locale={{ emptyText: t('dashboard.plan.none') }}
    />
  );
}
