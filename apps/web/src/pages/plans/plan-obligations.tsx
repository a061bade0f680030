import { DatePicker, Form, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { pageQuery } from '../../api/page-query';
import type { Obligation, ObligationStatus } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { LateTag, ObligationStatusTag, SubmissionKindTag } from '../../components/reporting-tags';
import { AssignmentRoleTag } from '../../components/status-tags';
import { useNow } from '../../clock/server-clock';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { formatDateTime } from '../../time/format';

const PAGE_SIZE = 50;
const STATUSES: ObligationStatus[] = ['open', 'submitted', 'returned', 'accepted', 'waived', 'cancelled'];

/** Every report the plan asks for (task × unit × period), filtered by month and status, each opening its history. */
export function PlanObligations({ planId }: { planId: number }) {
  const t = useT();
  const now = useNow();
  const [period, setPeriod] = useState<Dayjs | null>(null);
  const [status, setStatus] = useState<ObligationStatus>();
  const [page, setPage] = useState(1);
  const periodKey = period?.format('YYYY-MM');
  const rows = useAsync(
    () =>
      unwrap(
        api.GET('/api/obligations', {
          params: {
            query: { planId, period: periodKey, status, ...pageQuery(PAGE_SIZE, (page - 1) * PAGE_SIZE) },
          },
        }),
      ),
    [planId, periodKey, status, page],
  );

  const columns: TableColumnsType<Obligation> = [
    {
      title: t('task.ref'),
      key: 'task',
      render: (_, row) => (
        <Link to={`/obligations/${row.id}`}>
          <span className="task-ref">{row.taskRef}</span> {row.taskTitle}
        </Link>
      ),
    },
    { title: t('obligation.unit'), dataIndex: 'unitName', width: 180 },
    {
      title: t('obligation.role'),
      dataIndex: 'role',
      width: 90,
      render: (role: string) => <AssignmentRoleTag role={role} />,
    },
    { title: t('obligation.period'), dataIndex: 'periodLabel', width: 100 },
    {
      title: t('obligation.status'),
      key: 'status',
      width: 150,
      render: (_, row) => (
        <Space wrap size={[4, 4]}>
          <ObligationStatusTag
            status={row.status}
            overdue={(row.status === 'open' || row.status === 'returned') && Date.parse(row.dueAt) <= now.getTime()}
          />
          <LateTag late={row.late} />
        </Space>
      ),
    },
    { title: t('obligation.dueAt'), dataIndex: 'dueAt', width: 140, render: formatDateTime },
    {
      title: t('obligation.submittedAtLabel'),
      key: 'submitted',
      width: 190,
      render: (_, row) => (
        <Space wrap size={[4, 4]}>
          {formatDateTime(row.submittedAt)}
          <SubmissionKindTag kind={row.currentKind} />
          {row.percentComplete !== null && t('report.percentShort', { percent: row.percentComplete })}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Form layout="inline" className="table-filters" name="obligation-filters">
        <Form.Item label={t('obligation.period')} htmlFor="obligation-period">
          <DatePicker
            id="obligation-period"
            picker="month"
            value={period}
            onChange={(value) => {
              setPeriod(value);
              setPage(1);
            }}
            placeholder={t('plan.allPeriods')}
          />
        </Form.Item>
        <Form.Item label={t('obligation.status')} htmlFor="obligation-status">
          <Select<ObligationStatus>
            id="obligation-status"
            allowClear
            className="filter-select"
            value={status}
            placeholder={t('plan.allStatuses')}
            onChange={(value) => {
              setStatus(value);
              setPage(1);
            }}
            options={STATUSES.map((value) => ({ value, label: t(`obligation.status.${value}`) }))}
          />
        </Form.Item>
        {rows.data && (
          <Typography.Text className="table-total">
            {t('plan.obligationTotal', { count: rows.data.total })}
          </Typography.Text>
        )}
      </Form>
      {rows.error ? (
        <ErrorResult error={rows.error} onRetry={rows.reload} />
      ) : (
        <Table<Obligation>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows.data?.items}
          loading={rows.loading}
          scroll={{ x: 1000 }}
          caption={<span className="visually-hidden">{t('plan.tabObligations')}</span>}
          locale={{ emptyText: t('plan.noObligations') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: rows.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            hideOnSinglePage: true,
          }}
        />
      )}
    </>
  );
}
