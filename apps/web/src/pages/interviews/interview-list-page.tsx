import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api, unwrap } from '../../api/client';
import type { Interview, InterviewStatus } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { InterviewStatusTag } from '../../components/supervision-tags';
import { useT } from '../../i18n/i18n';
import { Link, useRouter } from '../../router/router';
import { hasRole, SUPERVISING_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { formatDateTime } from '../../time/format';

/** 约谈: every interview in reach, newest first; supervisors schedule one by hand from here. */
export function InterviewListPage() {
  const t = useT();
  const user = useUser();
  const { navigate } = useRouter();
  const interviews = useAsync(() => unwrap(api.GET('/api/interviews')), []);

  const columns: TableColumnsType<Interview> = [
    {
      title: t('interview.time'),
      dataIndex: 'startsAt',
      width: 150,
      render: (time: string, row) => <Link to={`/interviews/${row.id}`}>{formatDateTime(time)}</Link>,
    },
    { title: t('obligation.unit'), dataIndex: 'unitName', width: 170 },
    { title: t('interview.principal'), dataIndex: 'principalHead', width: 140 },
    { title: t('interview.place'), dataIndex: 'place', width: 180 },
    { title: t('interview.reason'), dataIndex: 'reason' },
    {
      title: t('obligation.status'),
      dataIndex: 'status',
      width: 150,
      render: (status: InterviewStatus) => <InterviewStatusTag status={status} />,
    },
  ];

  return (
    <section aria-labelledby="interviews-title">
      <div className="page-heading">
        <Typography.Title level={2} id="interviews-title">
          {t('interview.listTitle')}
        </Typography.Title>
        {hasRole(user.role, SUPERVISING_ROLES) && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/interviews/new')}>
            {t('interview.schedule')}
          </Button>
        )}
      </div>
      {interviews.error ? (
        <ErrorResult error={interviews.error} onRetry={interviews.reload} />
      ) : (
        <Table<Interview>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={interviews.data}
          loading={interviews.loading}
          scroll={{ x: 950 }}
          caption={<span className="visually-hidden">{t('interview.listTitle')}</span>}
          locale={{ emptyText: t('interview.none') }}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        />
      )}
    </section>
  );
}
