import { Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { AcknowledgementStatus } from '../../api/types';
import { useT } from '../../i18n/i18n';

/** Who has 签收 and who has not, units with pending tasks first. */
export function AcknowledgementTable({ rows }: { rows: AcknowledgementStatus[] }) {
  const t = useT();
  const [pendingOnly, setPendingOnly] = useState(false);
  const shown = rows
    .filter((row) => !pendingOnly || row.pending > 0)
    .sort((a, b) => b.pending - a.pending || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  const columns: TableColumnsType<AcknowledgementStatus> = [
    { title: t('ack.unit'), dataIndex: 'unitName' },
    { title: t('ack.total'), dataIndex: 'total', width: 100 },
    { title: t('ack.acknowledged'), dataIndex: 'acknowledged', width: 100 },
    {
      title: t('ack.pending'),
      dataIndex: 'pending',
      width: 140,
      render: (pending: number, row) => {
        const overdue = row.overdue ?? 0;
        if (pending === 0) {
          return <Tag color="green">{t('ack.done')}</Tag>;
        }
        return (
          <Tag color={overdue > 0 ? 'red' : 'orange'}>
            {overdue > 0 ? t('ack.pendingOverdue', { pending, overdue }) : t('ack.pendingCount', { pending })}
          </Tag>
        );
      },
    },
  ];
  const unitsPending = rows.filter((row) => row.pending > 0).length;
  return (
    <>
      <Typography.Paragraph>{t('ack.summary', { units: rows.length, pending: unitsPending })}</Typography.Paragraph>
      <label className="inline-switch">
        <Switch size="small" checked={pendingOnly} onChange={setPendingOnly} /> {t('ack.pendingOnly')}
      </label>
      <Table<AcknowledgementStatus>
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={shown}
        pagination={false}
        caption={<span className="visually-hidden">{t('ack.title')}</span>}
      />
    </>
  );
}
