import { Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { formatDateTime } from '../../time/format';
import { AppealDecisionModal } from './appeal-decision-modal';
import { AppealStatusTag } from './assessment-tags';
import type { Appeal, RunSummary } from './assessment-types';

interface Props {
  run: RunSummary;
  canDecide: boolean;
  generation: number;
  onChanged: () => void;
}

/** 申诉 of a run: what each unit contests, with its evidence; the office decides the pending ones. */
export function AppealsPanel({ run, canDecide, generation, onChanged }: Props) {
  const t = useT();
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const appeals = useAsync(
    () => unwrap(api.GET('/api/assessment/runs/{id}/appeals', { params: { path: { id: run.id }, query: {} } })),
    [run.id, generation],
  );
  if (appeals.error) {
    return <ErrorResult error={appeals.error} onRetry={appeals.reload} />;
  }
  const columns: TableColumnsType<Appeal> = [
    {
      title: t('assessment.unit'),
      dataIndex: 'unitName',
      width: 170,
      render: (name: string, appeal) => <Link to={`/assessment/results/${appeal.resultId}`}>{name}</Link>,
    },
    {
      title: t('assessment.appealText'),
      dataIndex: 'text',
      render: (text: string, appeal) => (
        <>
          <Typography.Paragraph className="appeal-text">{text}</Typography.Paragraph>
          {appeal.attachments.length > 0 && (
            <Typography.Text type="secondary">
              {t('assessment.appealEvidenceList', { items: appeal.attachments.join('、') })}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('assessment.filedAt'), dataIndex: 'filedAt', width: 150, render: formatDateTime },
    {
      title: t('assessment.statusLabel'),
      dataIndex: 'status',
      width: 100,
      render: (status: Appeal['status']) => <AppealStatusTag status={status} />,
    },
    {
      title: t('assessment.decisionReason'),
      dataIndex: 'decisionReason',
      render: (reason: string | null, appeal) =>
        appeal.status === 'pending' && canDecide && run.status === 'released' ? (
          <Button size="small" type="primary" onClick={() => setDeciding(appeal)}>
            {t('assessment.decide')}
          </Button>
        ) : (
          (reason ?? '—')
        ),
    },
  ];
  return (
    <>
      <Table<Appeal>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={appeals.data}
        loading={appeals.loading}
        scroll={{ x: 1000 }}
        caption={<span className="visually-hidden">{t('assessment.appeals')}</span>}
        locale={{ emptyText: t('assessment.noAppeals') }}
        pagination={false}
      />
      {deciding && (
        <AppealDecisionModal
          appeal={deciding}
          onClose={() => setDeciding(null)}
          onDecided={() => {
            setDeciding(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}
