import { Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { pageQuery } from '../../api/page-query';
import type { Obligation } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { LateTag, SubmissionKindTag } from '../../components/reporting-tags';
import { AssignmentRoleTag } from '../../components/status-tags';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { hasRole, UNIT_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { formatDateTime } from '../../time/format';

const PAGE_SIZE = 50;

/**
 * 待审核: for the office, the leads' and lower governments' reports; for a lead unit, its participants' parts.
 * Oldest first, so nothing waits longest.
 */
export function ReviewQueuePage() {
  const t = useT();
  const user = useUser();
  const [page, setPage] = useState(1);
  const queue = useAsync(
    () =>
      unwrap(
        api.GET('/api/obligations/review-queue', {
          params: { query: pageQuery(PAGE_SIZE, (page - 1) * PAGE_SIZE) },
        }),
      ),
    [page],
  );
  const asLead = hasRole(user.role, UNIT_ROLES);

  const columns: TableColumnsType<Obligation> = [
    {
      title: t('queue.submittedAt'),
      dataIndex: 'submittedAt',
      width: 150,
      render: (time: string | null, row) => (
        <Space orientation="vertical" size={0}>
          {formatDateTime(time)}
          <LateTag late={row.late} />
        </Space>
      ),
    },
    { title: t('obligation.unit'), dataIndex: 'unitName', width: 180 },
    {
      title: t('queue.task'),
      key: 'task',
      render: (_, row) => (
        <Link to={`/obligations/${row.id}`}>
          <span className="task-ref">{row.taskRef}</span> {row.taskTitle}
        </Link>
      ),
    },
    { title: t('obligation.period'), dataIndex: 'periodLabel', width: 110 },
    {
      title: t('queue.content'),
      key: 'content',
      width: 190,
      render: (_, row) => (
        <Space wrap size={[4, 4]}>
          <AssignmentRoleTag role={row.role} />
          <SubmissionKindTag kind={row.currentKind} />
          {row.percentComplete !== null && t('report.percentShort', { percent: row.percentComplete })}
          {row.round > 0 && (
            <Typography.Text type="secondary">{t('obligation.round', { round: row.round })}</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('queue.action'),
      key: 'action',
      width: 90,
      render: (_, row) => <Link to={`/obligations/${row.id}`}>{t('queue.review')}</Link>,
    },
  ];

  return (
    <section aria-labelledby="queue-title">
      <div className="page-heading">
        <Typography.Title level={2} id="queue-title">
          {t(asLead ? 'queue.titleLead' : 'queue.title')}
        </Typography.Title>
        {queue.data && <Typography.Text>{t('queue.total', { count: queue.data.total })}</Typography.Text>}
      </div>
      <Typography.Paragraph type="secondary">{t(asLead ? 'queue.hintLead' : 'queue.hint')}</Typography.Paragraph>
      {queue.error ? (
        <ErrorResult error={queue.error} onRetry={queue.reload} />
      ) : (
        <Table<Obligation>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={queue.data?.items}
          loading={queue.loading}
          scroll={{ x: 900 }}
          caption={<span className="visually-hidden">{t(asLead ? 'queue.titleLead' : 'queue.title')}</span>}
          locale={{ emptyText: t('queue.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: queue.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            hideOnSinglePage: true,
          }}
        />
      )}
    </section>
  );
}
