import { FileWordOutlined } from '@ant-design/icons';
import { Button, Descriptions, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { actorName } from '../../components/actor-name';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { Link } from '../../router/router';
import { formatDate, formatDateTime } from '../../time/format';
import type { CircularItem } from './circular-types';
import { circularDocumentUrl, periodLabel } from './circular-types';

const STATUS: Record<CircularItem['status'], { color: string; label: MessageKey }> = {
  none: { color: 'default', label: 'circular.status.none' },
  yellow: { color: 'gold', label: 'circular.status.yellow' },
  red: { color: 'red', label: 'circular.status.red' },
  supervision: { color: 'volcano', label: 'circular.status.supervision' },
  interview: { color: 'purple', label: 'circular.status.interview' },
};

/** One line per overdue report (a unit listed without its reports gets one empty line); the unit spans its lines. */
interface Line {
  key: string;
  unitName: string;
  overdueCount: number;
  /** Lines of the unit this line starts, 0 on its other lines. */
  unitSpan: number;
  item: CircularItem | null;
}

/** One 通报: the overdue units with each late report, how many working days late and how far the ladder went. */
export function CircularPage({ id }: { id: number }) {
  const t = useT();
  const circular = useAsync(() => unwrap(api.GET('/api/circulars/{id}', { params: { path: { id } } })), [id]);
  if (circular.error) {
    return <ErrorResult error={circular.error} onRetry={circular.reload} />;
  }
  if (!circular.data) {
    return <PageLoading />;
  }
  const data = circular.data;
  const lines: Line[] = data.units.flatMap((unit) => {
    const items = unit.items.length > 0 ? unit.items : [null];
    return items.map((item, index) => ({
      key: `${unit.unitId}-${index}`,
      unitName: unit.unitName,
      overdueCount: unit.overdueCount,
      unitSpan: index === 0 ? items.length : 0,
      item,
    }));
  });
  const unitCell = (line: Line) => ({ rowSpan: line.unitSpan });
  const columns: TableColumnsType<Line> = [
    {
      title: t('circular.unit'),
      dataIndex: 'unitName',
      width: 180,
      onCell: unitCell,
      render: (name: string, line) => t('circular.unitWithCount', { unit: name, count: line.overdueCount }),
    },
    {
      title: t('circular.task'),
      key: 'task',
      render: (_, { item }) =>
        !item ? (
          '—'
        ) : item.obligationId ? (
          <Link to={`/obligations/${item.obligationId}`}>{item.taskTitle}</Link>
        ) : (
          item.taskTitle
        ),
    },
    {
      title: t('circular.dueAt'),
      key: 'dueAt',
      width: 150,
      render: (_, { item }) => formatDateTime(item?.dueAt),
    },
    {
      title: t('circular.overdueDays'),
      key: 'overdueDays',
      width: 120,
      align: 'right',
      render: (_, { item }) => item?.overdueWorkingDays ?? '—',
    },
    {
      title: t('circular.status'),
      key: 'status',
      width: 120,
      render: (_, { item }) =>
        item ? <Tag color={STATUS[item.status].color}>{t(STATUS[item.status].label)}</Tag> : '—',
    },
  ];
  return (
    <section aria-labelledby="circular-title">
      <div className="page-heading">
        <Typography.Title level={2} id="circular-title">
          {data.number}
        </Typography.Title>
        <Button icon={<FileWordOutlined aria-hidden />} href={circularDocumentUrl(data.id)} download>
          {t('circular.download')}
        </Button>
      </div>
      <Typography.Title level={3}>{t('circular.subject', { period: periodLabel(data.period, t) })}</Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        className="page-section"
        items={[
          { key: 'published', label: t('circular.publishedAt'), children: formatDate(data.publishedAt) },
          { key: 'by', label: t('circular.publishedBy'), children: actorName(data.publishedBy, t) },
          { key: 'units', label: t('circular.unitCount'), children: data.unitCount },
          { key: 'items', label: t('circular.itemCount'), children: data.itemCount },
        ]}
      />
      <Table<Line>
        rowKey="key"
        size="small"
        bordered
        columns={columns}
        dataSource={lines}
        scroll={{ x: 900 }}
        caption={<span className="visually-hidden">{t('circular.overdueUnits')}</span>}
        locale={{ emptyText: t('circular.noOverdue') }}
        pagination={false}
      />
    </section>
  );
}
