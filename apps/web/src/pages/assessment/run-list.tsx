import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { useT } from '../../i18n/i18n';
import { Link, useRouter } from '../../router/router';
import { hasRole, OFFICE_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { formatDateTime } from '../../time/format';
import { RunStatusTag } from './assessment-tags';
import type { Run } from './assessment-types';
import { StartRunModal } from './start-run-modal';

/** The runs of the plans in the viewer's reach, newest year first; leaders see published ones only. */
export function RunList() {
  const t = useT();
  const user = useUser();
  const { navigate } = useRouter();
  const [starting, setStarting] = useState(false);
  const runs = useAsync(() => unwrap(api.GET('/api/assessment/runs')), []);
  const office = hasRole(user.role, OFFICE_ROLES);

  const columns: TableColumnsType<Run> = [
    {
      title: t('assessment.plan'),
      dataIndex: 'planTitle',
      render: (title: string, run) => <Link to={`/assessment/runs/${run.id}`}>{title}</Link>,
    },
    { title: t('assessment.year'), dataIndex: 'year', width: 90 },
    { title: t('assessment.government'), dataIndex: 'governmentName', width: 160 },
    {
      title: t('assessment.statusLabel'),
      dataIndex: 'status',
      width: 110,
      render: (status: Run['status']) => <RunStatusTag status={status} />,
    },
    {
      title: t('assessment.schemeVersion'),
      dataIndex: 'schemeVersion',
      width: 110,
      render: (version: number | null) => (version === null ? '—' : t('assessment.versionN', { version })),
    },
    { title: t('assessment.computedAt'), dataIndex: 'computedAt', width: 150, render: formatDateTime },
    { title: t('assessment.appealDeadline'), dataIndex: 'appealDeadline', width: 150, render: formatDateTime },
    { title: t('assessment.publishedAt'), dataIndex: 'publishedAt', width: 150, render: formatDateTime },
  ];

  return (
    <section aria-labelledby="assessment-title">
      <div className="page-heading">
        <Typography.Title level={2} id="assessment-title">
          {t('assessment.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<SettingOutlined aria-hidden />} onClick={() => navigate('/assessment/scheme')}>
            {t('assessment.scheme')}
          </Button>
          {office && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setStarting(true)}>
              {t('assessment.start')}
            </Button>
          )}
        </Space>
      </div>
      {user.role === 'leader' && (
        <Typography.Paragraph type="secondary">{t('assessment.leaderHint')}</Typography.Paragraph>
      )}
      {runs.error ? (
        <ErrorResult error={runs.error} onRetry={runs.reload} />
      ) : (
        <Table<Run>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={runs.data}
          loading={runs.loading}
          scroll={{ x: 1100 }}
          caption={<span className="visually-hidden">{t('assessment.title')}</span>}
          locale={{ emptyText: t(user.role === 'leader' ? 'assessment.noPublishedRuns' : 'assessment.noRuns') }}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        />
      )}
      {office && (
        <StartRunModal
          open={starting}
          onClose={() => setStarting(false)}
          onStarted={(id) => navigate(`/assessment/runs/${id}`)}
        />
      )}
    </section>
  );
}
