import { Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { pageQuery } from '../../api/page-query';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { DashboardSection } from './dashboard-section';
import { periodLabel } from './dashboard-format';
import { ReportStateTag, STATE_LOOK } from './dashboard-tags';
import type { MatrixCell, MatrixRow, ReportState, StateCounts } from './dashboard-types';
import type { DashboardFilters } from './use-dashboard-filters';

const PAGE_SIZE = 20;
const STATES: ReportState[] = ['on_time', 'late', 'missing', 'nothing_to_report', 'not_due'];
const COUNT_OF: Record<ReportState, keyof StateCounts> = {
  on_time: 'onTime',
  late: 'late',
  missing: 'missing',
  nothing_to_report: 'nothingToReport',
  not_due: 'notDue',
};

/** 报送情况矩阵: a row per unit (paged by the API), a column per period, each cell the unit's worst report. */
export function SubmissionMatrixSection({ filters }: { filters: DashboardFilters }) {
  const t = useT();
  const { planId, from, to } = filters;
  return (
    <DashboardSection id="dashboard-matrix" title={t('dashboard.matrix.title')}>
      <MatrixLegend />
      {/* Keyed by the filters: another plan or span starts again on the first page. */}
      <MatrixTable key={`${planId}-${from}-${to}`} planId={planId} from={from} to={to} />
    </DashboardSection>
  );
}

function MatrixLegend() {
  const t = useT();
  return (
    <div className="matrix-legend" aria-label={t('dashboard.matrix.legend')} role="group">
      <Typography.Text type="secondary">{t('dashboard.matrix.legend')}</Typography.Text>
      <Space wrap size={[4, 4]}>
        {STATES.map((state) => (
          <ReportStateTag key={state} state={state} />
        ))}
        <span className="matrix-empty-cell">— {t('dashboard.matrix.noObligation')}</span>
      </Space>
    </div>
  );
}

function MatrixTable({ planId, from, to }: Pick<DashboardFilters, 'planId' | 'from' | 'to'>) {
  const t = useT();
  const [page, setPage] = useState(1);
  const matrix = useAsync(
    () =>
      unwrap(
        api.GET('/api/dashboard/submission-matrix', {
          params: { query: { planId, from, to, ...pageQuery(PAGE_SIZE, (page - 1) * PAGE_SIZE) } },
        }),
      ),
    [planId, from, to, page],
  );
  if (matrix.error) {
    return <ErrorResult error={matrix.error} onRetry={matrix.reload} />;
  }
  const periods = matrix.data?.periods ?? [];
  const columns: TableColumnsType<MatrixRow> = [
    {
      title: t('obligation.unit'),
      dataIndex: 'unitName',
      fixed: 'left',
      width: 180,
      rowScope: 'row',
      render: (name: string, row) => <Link to={`/units/${row.unitId}`}>{name}</Link>,
    },
    ...periods.map((period) => ({
      title: periodLabel(t, period),
      key: period,
      width: 130,
      render: (_: unknown, row: MatrixRow) => (
        <MatrixCellView t={t} cell={row.cells.find((c) => c.period === period)} />
      ),
    })),
  ];
  return (
    <Table<MatrixRow>
      rowKey="unitId"
      size="small"
      bordered
      className="submission-matrix"
      columns={columns}
      dataSource={matrix.data?.rows}
      loading={matrix.loading}
      scroll={{ x: 180 + 130 * Math.max(periods.length, 1) }}
      caption={
        <span className="table-caption">{t('dashboard.matrix.caption', { count: matrix.data?.total ?? 0 })}</span>
      }
      locale={{ emptyText: t('dashboard.matrix.none') }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: matrix.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
        hideOnSinglePage: true,
      }}
    />
  );
}

/** The cell's worst state as a tag; when it holds several reports, their tally too (hover, and for screen readers). */
function MatrixCellView({ t, cell }: { t: Translate; cell: MatrixCell | undefined }) {
  if (!cell) {
    return (
      <span className="matrix-empty-cell" title={t('dashboard.matrix.noObligation')}>
        —<span className="visually-hidden">{t('dashboard.matrix.noObligation')}</span>
      </span>
    );
  }
  const parts = STATES.filter((state) => cell.counts[COUNT_OF[state]] > 0).map(
    (state) => `${t(STATE_LOOK[state].label)} ${cell.counts[COUNT_OF[state]]}`,
  );
  const reports = STATES.reduce((sum, state) => sum + cell.counts[COUNT_OF[state]], 0);
  if (reports <= 1) {
    return <ReportStateTag state={cell.state} />;
  }
  const tally = parts.join('，');
  return (
    <Tooltip title={tally} trigger={['hover', 'focus']}>
      {/* Focusable, so keyboard users can open the tally too. */}
      <span className="matrix-cell" tabIndex={0}>
        <ReportStateTag state={cell.state} />
        <span className="matrix-cell-count" aria-hidden>
          {t('dashboard.matrix.reportCount', { count: reports })}
        </span>
        <span className="visually-hidden">（{tally}）</span>
      </span>
    </Tooltip>
  );
}
