import { Empty } from 'antd';
import { lazy, Suspense } from 'react';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { PageLoading } from '../../components/page-loading';
import { useT } from '../../i18n/i18n';
import { DashboardSection } from './dashboard-section';
import { formatRate, periodLabel } from './dashboard-format';
import type { TrendPoint } from './dashboard-types';
import type { DashboardFilters } from './use-dashboard-filters';

const TrendChart = lazy(() => import('./trend-chart'));

/** 月度趋势: the chart, and the same figures as a table for screen readers. */
export function TrendSection({ filters }: { filters: DashboardFilters }) {
  const t = useT();
  const { planId, from, to } = filters;
  const trends = useAsync(
    () => unwrap(api.GET('/api/dashboard/trends', { params: { query: { planId, from, to } } })),
    [planId, from, to],
  );
  const points = trends.data;
  return (
    <DashboardSection
      id="dashboard-trend"
      title={t('dashboard.trend.title')}
      error={trends.error}
      onRetry={trends.reload}
    >
      {!points ? (
        <PageLoading />
      ) : points.length === 0 ? (
        <Empty description={t('dashboard.trend.none')} />
      ) : (
        <>
          <Suspense fallback={<PageLoading />}>
            <TrendChart points={points} label={t('dashboard.trend.chartLabel')} />
          </Suspense>
          <TrendTable points={points} />
        </>
      )}
    </DashboardSection>
  );
}

function TrendTable({ points }: { points: TrendPoint[] }) {
  const t = useT();
  return (
    <table className="visually-hidden">
      <caption>{t('dashboard.trend.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('obligation.period')}</th>
          <th scope="col">{t('dashboard.state.on_time')}</th>
          <th scope="col">{t('dashboard.state.late')}</th>
          <th scope="col">{t('dashboard.state.missing')}</th>
          <th scope="col">{t('dashboard.onTimeRate')}</th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.period}>
            <th scope="row">{periodLabel(t, point.period)}</th>
            <td>{point.counts.onTime}</td>
            <td>{point.counts.late}</td>
            <td>{point.counts.missing}</td>
            <td>{formatRate(point.onTimeRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
