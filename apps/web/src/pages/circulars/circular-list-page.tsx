import { FileWordOutlined } from '@ant-design/icons';
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { formatDate } from '../../time/format';
import type { Circular } from './circular-types';
import { circularDocumentUrl, periodLabel } from './circular-types';

/** 通报: one a month naming the units that reported late, newest first; each unit reads those addressed to it. */
export function CircularListPage() {
  const t = useT();
  const circulars = useAsync(() => unwrap(api.GET('/api/circulars', { params: { query: {} } })), []);

  const columns: TableColumnsType<Circular> = [
    {
      title: t('circular.number'),
      dataIndex: 'number',
      width: 170,
      render: (number: string, row) => <Link to={`/circulars/${row.id}`}>{number}</Link>,
    },
    {
      title: t('circular.period'),
      dataIndex: 'period',
      render: (period: string) => t('circular.subject', { period: periodLabel(period, t) }),
    },
    { title: t('circular.publishedAt'), dataIndex: 'publishedAt', width: 120, render: formatDate },
    { title: t('circular.unitCount'), dataIndex: 'unitCount', width: 100, align: 'right' },
    { title: t('circular.itemCount'), dataIndex: 'itemCount', width: 100, align: 'right' },
    {
      title: t('circular.document'),
      key: 'document',
      width: 120,
      render: (_, row) => (
        <a href={circularDocumentUrl(row.id)} download aria-label={t('circular.downloadOf', { number: row.number })}>
          <FileWordOutlined aria-hidden /> .docx
        </a>
      ),
    },
  ];

  return (
    <section aria-labelledby="circulars-title">
      <div className="page-heading">
        <Typography.Title level={2} id="circulars-title">
          {t('circular.title')}
        </Typography.Title>
      </div>
      {circulars.error ? (
        <ErrorResult error={circulars.error} onRetry={circulars.reload} />
      ) : (
        <Table<Circular>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={circulars.data}
          loading={circulars.loading}
          scroll={{ x: 900 }}
          caption={<span className="visually-hidden">{t('circular.title')}</span>}
          locale={{ emptyText: t('circular.none') }}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        />
      )}
    </section>
  );
}
