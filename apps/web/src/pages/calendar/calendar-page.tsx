import { Alert, Button, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { App } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { asApiError } from '../../api/errors';
import type { CalendarCorrection, CalendarYear } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { actorName } from '../../components/actor-name';
import { ErrorResult } from '../../components/error-result';
import { useNow } from '../../clock/server-clock';
import { useT } from '../../i18n/i18n';
import { hasRole, OFFICE_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { formatDateTime, TIME_ZONE } from '../../time/format';
import dayjs from 'dayjs';
import { CorrectionForm } from './correction-form';

/**
 * 工作日历: where each year's holidays come from, which years are provisional (no State Council notice entered
 * yet), and the office's corrections, which count at once in every deadline.
 */
export function CalendarPage() {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const now = useNow();
  const office = hasRole(user.role, OFFICE_ROLES);
  const years = useAsync(() => unwrap(api.GET('/api/calendar/years')), []);
  const [year, setYear] = useState<number>(() => Number(dayjs(now).tz(TIME_ZONE).format('YYYY')));
  const corrections = useAsync(
    () => unwrap(api.GET('/api/calendar/corrections', { params: { query: { year } } })),
    [year],
  );

  useEffect(() => {
    const known = years.data?.map((row) => row.year) ?? [];
    if (known.length && !known.includes(year)) {
      setYear(known[known.length - 1]);
    }
  }, [years.data, year]);

  const changed = () => {
    years.reload();
    corrections.reload();
  };

  const toggleNotice = async (row: CalendarYear) => {
    try {
      if (row.officeNoticeEntered) {
        await unwrap(api.DELETE('/api/calendar/notice-years/{year}', { params: { path: { year: row.year } } }));
      } else {
        await unwrap(api.PUT('/api/calendar/notice-years/{year}', { params: { path: { year: row.year } }, body: {} }));
      }
      void message.success(
        t(row.officeNoticeEntered ? 'calendar.noticeUnmarked' : 'calendar.noticeMarked', { year: row.year }),
      );
      changed();
    } catch (error) {
      void message.error(asApiError(error).message);
    }
  };

  const remove = async (row: CalendarCorrection) => {
    try {
      await unwrap(api.DELETE('/api/calendar/corrections/{date}', { params: { path: { date: row.date } } }));
      void message.success(t('calendar.removed', { date: row.date }));
      changed();
    } catch (error) {
      void message.error(asApiError(error).message);
    }
  };

  const yearColumns: TableColumnsType<CalendarYear> = [
    { title: t('calendar.year'), dataIndex: 'year', width: 80 },
    {
      title: t('calendar.source'),
      key: 'source',
      render: (_, row) => (
        <Space wrap size={[4, 4]}>
          {t(`calendar.source.${row.source}`)}
          {row.provisional && <Tag color="orange">{t('calendar.provisional')}</Tag>}
          {row.officeNoticeEntered && <Tag color="green">{t('calendar.noticeEntered')}</Tag>}
        </Space>
      ),
    },
    { title: t('calendar.corrections'), dataIndex: 'corrections', width: 90 },
    ...(office
      ? [
          {
            title: t('calendar.notice'),
            key: 'notice',
            width: 170,
            render: (_: unknown, row: CalendarYear) => (
              <Popconfirm
                title={t(row.officeNoticeEntered ? 'calendar.unmarkConfirm' : 'calendar.markConfirm', {
                  year: row.year,
                })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => void toggleNotice(row)}
              >
                <Button size="small">{t(row.officeNoticeEntered ? 'calendar.unmark' : 'calendar.mark')}</Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  const correctionColumns: TableColumnsType<CalendarCorrection> = [
    { title: t('calendar.date'), dataIndex: 'date', width: 120 },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: CalendarCorrection['kind']) => (
        <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kind.${kind}`)}</Tag>
      ),
    },
    { title: t('calendar.note'), dataIndex: 'note' },
    {
      title: t('calendar.enteredBy'),
      key: 'by',
      width: 200,
      render: (_, row) => `${actorName(row.createdBy, t)} · ${formatDateTime(row.createdAt)}`,
    },
    ...(office
      ? [
          {
            title: t('queue.action'),
            key: 'remove',
            width: 90,
            render: (_: unknown, row: CalendarCorrection) => (
              <Popconfirm
                title={t('calendar.removeConfirm', { date: row.date })}
                okText={t('calendar.remove')}
                cancelText={t('common.cancel')}
                onConfirm={() => void remove(row)}
              >
                <Button size="small" danger aria-label={t('calendar.removeDate', { date: row.date })}>
                  {t('calendar.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  const provisional = years.data?.filter((row) => row.provisional) ?? [];
  return (
    <section aria-labelledby="calendar-title">
      <Typography.Title level={2} id="calendar-title">
        {t('calendar.title')}
      </Typography.Title>
      {provisional.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t('calendar.provisionalAlert', { years: provisional.map((row) => row.year).join('、') })}
        />
      )}
      {years.error ? (
        <ErrorResult error={years.error} onRetry={years.reload} />
      ) : (
        <Table<CalendarYear>
          rowKey="year"
          size="small"
          columns={yearColumns}
          dataSource={years.data}
          loading={years.loading}
          pagination={false}
          className="page-section"
          caption={<span className="visually-hidden">{t('calendar.yearsCaption')}</span>}
          rowClassName={(row) => (row.provisional ? 'row-provisional' : '')}
        />
      )}
      <div className="page-heading">
        <Typography.Title level={3} id="corrections-title">
          {t('calendar.correctionsTitle', { year })}
        </Typography.Title>
        {years.data && (
          <Segmented<number>
            aria-label={t('calendar.year')}
            value={year}
            onChange={setYear}
            options={years.data.map((row) => ({ value: row.year, label: String(row.year) }))}
          />
        )}
      </div>
      {office && <CorrectionForm onAdded={changed} />}
      {corrections.error ? (
        <ErrorResult error={corrections.error} onRetry={corrections.reload} />
      ) : (
        <Table<CalendarCorrection>
          rowKey="id"
          size="small"
          columns={correctionColumns}
          dataSource={corrections.data}
          loading={corrections.loading}
          pagination={false}
          scroll={{ x: 700 }}
          caption={<span className="visually-hidden">{t('calendar.correctionsTitle', { year })}</span>}
          locale={{ emptyText: t('calendar.noCorrections') }}
        />
      )}
    </section>
  );
}
