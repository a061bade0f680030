import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { CaseStatus, SupervisionCase } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { DueCountdown } from '../../components/due-countdown';
import { ErrorResult } from '../../components/error-result';
import { CaseStatusTag } from '../../components/supervision-tags';
import { useT } from '../../i18n/i18n';
import { Link, useRouter } from '../../router/router';
import { hasRole, SUPERVISING_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { formatDateTime } from '../../time/format';
import { OpenCaseModal } from './open-case-modal';

const STATUSES: CaseStatus[] = ['open', 'acknowledged', 'rectifying', 'closure_requested', 'closed'];

/** 挂牌督办: the unit's cases (or the jurisdiction's), newest first; supervisors open one by hand here too. */
export function CaseListPage() {
  const t = useT();
  const user = useUser();
  const { navigate } = useRouter();
  const [status, setStatus] = useState<CaseStatus>();
  const [opening, setOpening] = useState(false);
  const cases = useAsync(() => unwrap(api.GET('/api/supervision-cases', { params: { query: { status } } })), [status]);
  const supervising = hasRole(user.role, SUPERVISING_ROLES);

  const columns: TableColumnsType<SupervisionCase> = [
    {
      title: t('case.number'),
      dataIndex: 'number',
      width: 170,
      render: (number: string, row) => <Link to={`/supervision-cases/${row.id}`}>{number}</Link>,
    },
    { title: t('obligation.unit'), dataIndex: 'unitName', width: 170 },
    { title: t('case.reason'), dataIndex: 'reason' },
    {
      title: t('obligation.status'),
      dataIndex: 'status',
      width: 120,
      render: (value: CaseStatus) => <CaseStatusTag status={value} />,
    },
    {
      title: t('case.rectificationDueAt'),
      key: 'due',
      width: 230,
      render: (_, row) =>
        row.status === 'closed' ? (
          t('case.closedAt', { time: formatDateTime(row.closedAt) })
        ) : (
          <DueCountdown dueAt={row.rectificationDueAt} prefix="" />
        ),
    },
    { title: t('case.openedAt'), dataIndex: 'openedAt', width: 150, render: formatDateTime },
  ];

  return (
    <section aria-labelledby="cases-title">
      <div className="page-heading">
        <Typography.Title level={2} id="cases-title">
          {t('case.listTitle')}
        </Typography.Title>
        {supervising && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpening(true)}>
            {t('case.open')}
          </Button>
        )}
      </div>
      <Form layout="inline" className="table-filters" name="case-filters">
        <Form.Item label={t('obligation.status')} htmlFor="case-status">
          <Select<CaseStatus>
            id="case-status"
            allowClear
            className="filter-select"
            value={status}
            placeholder={t('plan.allStatuses')}
            onChange={setStatus}
            options={STATUSES.map((value) => ({ value, label: t(`case.status.${value}`) }))}
          />
        </Form.Item>
      </Form>
      {cases.error ? (
        <ErrorResult error={cases.error} onRetry={cases.reload} />
      ) : (
        <Table<SupervisionCase>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={cases.data}
          loading={cases.loading}
          scroll={{ x: 950 }}
          caption={<span className="visually-hidden">{t('case.listTitle')}</span>}
          locale={{ emptyText: t('case.none') }}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        />
      )}
      {supervising && (
        <OpenCaseModal
          open={opening}
          onClose={() => setOpening(false)}
          onOpened={(id) => navigate(`/supervision-cases/${id}`)}
        />
      )}
    </section>
  );
}
