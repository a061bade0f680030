import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { pageQuery } from '../../api/page-query';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { AssignmentRoleTag } from '../../components/status-tags';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { formatDateTime } from '../../time/format';
import { DashboardSection } from './dashboard-section';
import { periodLabel } from './dashboard-format';
import { OverdueStepTag } from './dashboard-tags';
import type { OverdueReport, OverdueStep, OverdueTask } from './dashboard-types';
import type { DashboardFilters } from './use-dashboard-filters';

const PAGE_SIZE = 20;

/** 逾期清单: reports past their deadline (oldest first, paged by the API) and tasks past their last deadline. */
export function OverdueSection({ filters }: { filters: DashboardFilters }) {
  const t = useT();
  return (
    <DashboardSection id="dashboard-overdue" title={t('dashboard.overdue.title')}>
      {/* Keyed by plan: another plan starts again on the first page. */}
      <OverdueReports key={filters.planId ?? 'all'} planId={filters.planId} />
      <OverdueTasks planId={filters.planId} />
    </DashboardSection>
  );
}

function OverdueReports({ planId }: { planId: number | undefined }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const reports = useAsync(
    () =>
      unwrap(
        api.GET('/api/dashboard/overdue/reports', {
          params: { query: { planId, ...pageQuery(PAGE_SIZE, (page - 1) * PAGE_SIZE) } },
        }),
      ),
    [planId, page],
  );
  const columns: TableColumnsType<OverdueReport> = [
    {
      title: t('obligation.unit'),
      dataIndex: 'unitName',
      width: 170,
      render: (name: string, row) => <Link to={`/units/${row.unitId}`}>{name}</Link>,
    },
    {
      title: t('dashboard.task'),
      key: 'task',
      render: (_, row) => (
        <Link to={`/obligations/${row.obligationId}`}>
          <span className="task-ref">{row.taskRef}</span> {row.taskTitle}
        </Link>
      ),
    },
    {
      title: t('obligation.role'),
      dataIndex: 'role',
      width: 90,
      render: (role: string) => <AssignmentRoleTag role={role} />,
    },
    {
      title: t('obligation.period'),
      dataIndex: 'period',
      width: 110,
      render: (period: string) => periodLabel(t, period),
    },
    { title: t('obligation.dueAt'), dataIndex: 'dueAt', width: 140, render: formatDateTime },
    {
      title: t('dashboard.overdue.workingDays'),
      dataIndex: 'overdueWorkingDays',
      width: 110,
      render: (days: number) => t('dashboard.overdue.days', { days }),
    },
    {
      title: t('dashboard.overdue.step'),
      dataIndex: 'step',
      width: 120,
      render: (step: OverdueStep) => <OverdueStepTag step={step} />,
    },
  ];
  if (reports.error) {
    return <ErrorResult error={reports.error} onRetry={reports.reload} />;
  }
  return (
    <Table<OverdueReport>
      rowKey="obligationId"
      size="small"
      className="dashboard-overdue-reports"
      columns={columns}
      dataSource={reports.data?.items}
      loading={reports.loading}
      scroll={{ x: 1000 }}
      caption={
        <span className="table-caption">{t('dashboard.overdue.reports', { count: reports.data?.total ?? 0 })}</span>
      }
      locale={{ emptyText: t('dashboard.overdue.noReports') }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: reports.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
        hideOnSinglePage: true,
      }}
    />
  );
}

function OverdueTasks({ planId }: { planId: number | undefined }) {
  const t = useT();
  const tasks = useAsync(
    () => unwrap(api.GET('/api/dashboard/overdue/tasks', { params: { query: { planId } } })),
    [planId],
  );
  const columns: TableColumnsType<OverdueTask> = [
    {
      title: t('dashboard.task'),
      key: 'task',
      render: (_, row) => (
        <Link to={`/plans/${row.planId}`}>
          <span className="task-ref">{row.ref}</span> {row.title}
        </Link>
      ),
    },
    {
      title: t('dashboard.overdue.leadUnits'),
      dataIndex: 'leadUnits',
      width: 220,
      render: (units: string[]) => units.join('、'),
    },
    { title: t('dashboard.overdue.deadline'), dataIndex: 'deadline', width: 120 },
    {
      title: t('dashboard.overdue.overdueDays'),
      dataIndex: 'overdueDays',
      width: 110,
      render: (days: number) => t('dashboard.overdue.calendarDays', { days }),
    },
  ];
  if (tasks.error) {
    return <ErrorResult error={tasks.error} onRetry={tasks.reload} />;
  }
  return (
    <Table<OverdueTask>
      rowKey="taskId"
      size="small"
      className="dashboard-overdue-tasks"
      columns={columns}
      dataSource={tasks.data}
      loading={tasks.loading}
      scroll={{ x: 760 }}
      caption={
        <span className="table-caption">{t('dashboard.overdue.tasks', { count: tasks.data?.length ?? 0 })}</span>
      }
      locale={{ emptyText: t('dashboard.overdue.noTasks') }}
      pagination={{ defaultPageSize: PAGE_SIZE, hideOnSinglePage: true, showSizeChanger: false }}
    />
  );
}
