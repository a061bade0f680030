import { UploadOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api, unwrap } from '../../api/client';
import type { Plan } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { PlanStatusTag } from '../../components/status-tags';
import { useT } from '../../i18n/i18n';
import { Link, useRouter } from '../../router/router';
import { hasRole, OFFICE_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { formatDateTime } from '../../time/format';
import { planYears } from './plan-years';

/** Plans in the user's jurisdiction; the office also starts imports here, everyone else reads. */
export function PlanListPage() {
  const t = useT();
  const user = useUser();
  const { navigate } = useRouter();
  const plans = useAsync(() => unwrap(api.GET('/api/plans')), []);
  const office = hasRole(user.role, OFFICE_ROLES);

  const columns: TableColumnsType<Plan> = [
    {
      title: t('plan.title'),
      dataIndex: 'title',
      render: (title: string, plan) => <Link to={`/plans/${plan.id}`}>{title}</Link>,
    },
    {
      title: t('plan.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: string) => <PlanStatusTag status={status} />,
    },
    { title: t('plan.years'), key: 'years', width: 120, render: (_, plan) => planYears(plan) },
    { title: t('plan.createdAt'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
    { title: t('plan.publishedAt'), dataIndex: 'publishedAt', width: 170, render: formatDateTime },
  ];

  return (
    <section aria-labelledby="plans-title">
      <div className="page-heading">
        <Typography.Title level={2} id="plans-title">
          {t('plan.listTitle')}
        </Typography.Title>
        {office && (
          <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/plans/import')}>
            {t('menu.import')}
          </Button>
        )}
      </div>
      {!office && <Typography.Paragraph type="secondary">{t('plan.readOnly')}</Typography.Paragraph>}
      {plans.error ? (
        <ErrorResult error={plans.error} onRetry={plans.reload} />
      ) : (
        <Table<Plan>
          rowKey="id"
          columns={columns}
          dataSource={plans.data}
          loading={plans.loading}
          scroll={{ x: 700 }}
          caption={<span className="visually-hidden">{t('plan.listTitle')}</span>}
          locale={{ emptyText: t('plan.none') }}
        />
      )}
    </section>
  );
}
