import { Col, Row, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { DashboardSection } from './dashboard-section';
import { LIGHT_SEVERITY, LightTag } from './dashboard-tags';
import type { Light, PlanProgress, TaskLight, UnitLight } from './dashboard-types';
import type { DashboardFilters } from './use-dashboard-filters';

const PAGE_SIZE = 10;

const bySeverity = <T extends { light: Light }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => LIGHT_SEVERITY[a.light] - LIGHT_SEVERITY[b.light]);

/**
 * 红黄绿灯 by unit and by task, red first. With a plan chosen, each row also shows its latest reported progress.
 */
export function LightsSection({ filters }: { filters: DashboardFilters }) {
  const t = useT();
  const { planId } = filters;
  const lights = useAsync(() => unwrap(api.GET('/api/dashboard/lights', { params: { query: { planId } } })), [planId]);
  const progress = useAsync(
    () =>
      planId === undefined
        ? Promise.resolve(undefined)
        : unwrap(api.GET('/api/dashboard/plans/{id}/progress', { params: { path: { id: planId } } })),
    [planId],
  );
  return (
    <DashboardSection
      id="dashboard-lights"
      title={t('dashboard.lights.title')}
      error={lights.error ?? progress.error}
      onRetry={() => {
        lights.reload();
        progress.reload();
      }}
    >
      <p className="section-hint">{t('dashboard.lights.hint')}</p>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <UnitLightTable rows={lights.data?.units} loading={lights.loading} progress={progress.data} />
        </Col>
        <Col xs={24} xl={12}>
          <TaskLightTable rows={lights.data?.tasks} loading={lights.loading} progress={progress.data} />
        </Col>
      </Row>
    </DashboardSection>
  );
}

function lightColumn<T extends { light: Light }>(t: Translate): TableColumnsType<T>[number] {
  return {
    title: t('dashboard.lights.light'),
    dataIndex: 'light',
    width: 120,
    render: (light: Light) => <LightTag light={light} />,
  };
}

function UnitLightTable({
  rows,
  loading,
  progress,
}: {
  rows: UnitLight[] | undefined;
  loading: boolean;
  progress: PlanProgress | undefined;
}) {
  const t = useT();
  const percent = new Map((progress?.units ?? []).map((unit) => [unit.unitId, unit.percent]));
  const columns: TableColumnsType<UnitLight> = [
    {
      title: t('obligation.unit'),
      dataIndex: 'unitName',
      render: (name: string, row) => <Link to={`/units/${row.unitId}`}>{name}</Link>,
    },
    lightColumn<UnitLight>(t),
    {
      title: t('dashboard.lights.warnings'),
      key: 'warnings',
      width: 120,
      render: (_, row) =>
        row.redWarnings > 0
          ? t('dashboard.lights.warningsWithRed', { count: row.warnings, red: row.redWarnings })
          : row.warnings,
    },
    { title: t('dashboard.lights.openCases'), dataIndex: 'openCases', width: 100 },
  ];
  if (progress) {
    columns.push({
      title: t('dashboard.progress'),
      key: 'percent',
      width: 90,
      render: (_, row) => (percent.has(row.unitId) ? `${percent.get(row.unitId)}%` : '—'),
    });
  }
  return (
    <Table<UnitLight>
      rowKey="unitId"
      size="small"
      className="dashboard-unit-lights"
      columns={columns}
      dataSource={rows && bySeverity(rows)}
      loading={loading}
      scroll={{ x: 560 }}
      pagination={{ defaultPageSize: PAGE_SIZE, hideOnSinglePage: true, showSizeChanger: false }}
      caption={<span className="table-caption">{t('dashboard.lights.byUnit')}</span>}
      locale={{ emptyText: t('dashboard.lights.noUnits') }}
    />
  );
}

function TaskLightTable({
  rows,
  loading,
  progress,
}: {
  rows: TaskLight[] | undefined;
  loading: boolean;
  progress: PlanProgress | undefined;
}) {
  const t = useT();
  const percent = new Map((progress?.taskRows ?? []).map((task) => [task.taskId, task.percent]));
  const columns: TableColumnsType<TaskLight> = [
    {
      title: t('dashboard.task'),
      key: 'task',
      render: (_, row) => (
        <Link to={`/plans/${row.planId}`}>
          <span className="task-ref">{row.ref}</span> {row.title}
        </Link>
      ),
    },
    lightColumn<TaskLight>(t),
  ];
  if (progress) {
    columns.push({
      title: t('dashboard.progress'),
      key: 'percent',
      width: 90,
      render: (_, row) => (percent.has(row.taskId) ? `${percent.get(row.taskId)}%` : '—'),
    });
  }
  return (
    <Table<TaskLight>
      rowKey="taskId"
      size="small"
      className="dashboard-task-lights"
      columns={columns}
      dataSource={rows && bySeverity(rows)}
      loading={loading}
      scroll={{ x: 520 }}
      pagination={{ defaultPageSize: PAGE_SIZE, hideOnSinglePage: true, showSizeChanger: false }}
      caption={<span className="table-caption">{t('dashboard.lights.byTask')}</span>}
      locale={{ emptyText: t('dashboard.lights.noTasks') }}
    />
  );
}
