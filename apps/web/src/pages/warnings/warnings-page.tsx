import { Segmented, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { Warning } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { WarningKindTag } from '../../components/supervision-tags';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { formatDateTime } from '../../time/format';
import { useUnitNames } from '../plans/use-unit-names';

type KindFilter = Warning['kind'] | 'all';

/** 预警: yellow and red warnings for late reports, and progress-lag warnings, newest first. */
export function WarningsPage() {
  const t = useT();
  const [kind, setKind] = useState<KindFilter>('all');
  const unitNames = useUnitNames();
  const warnings = useAsync(
    () => unwrap(api.GET('/api/warnings', { params: { query: { kind: kind === 'all' ? undefined : kind } } })),
    [kind],
  );

  const columns: TableColumnsType<Warning> = [
    { title: t('warning.issuedAt'), dataIndex: 'issuedAt', width: 150, render: formatDateTime },
    {
      title: t('warning.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (value: Warning['kind']) => <WarningKindTag kind={value} />,
    },
    {
      title: t('obligation.unit'),
      dataIndex: 'unitId',
      width: 180,
      render: (unitId: number) => unitNames.get(unitId) ?? `#${unitId}`,
    },
    { title: t('warning.reason'), dataIndex: 'reason' },
    {
      title: t('warning.report'),
      key: 'report',
      width: 100,
      render: (_, row) =>
        row.obligationId ? <Link to={`/obligations/${row.obligationId}`}>{t('warning.openReport')}</Link> : '—',
    },
  ];

  return (
    <section aria-labelledby="warnings-title">
      <div className="page-heading">
        <Typography.Title level={2} id="warnings-title">
          {t('warning.title')}
        </Typography.Title>
        <Segmented<KindFilter>
          aria-label={t('warning.filter')}
          value={kind}
          onChange={setKind}
          options={[
            { label: t('warning.all'), value: 'all' },
            { label: t('warning.kind.yellow'), value: 'yellow' },
            { label: t('warning.kind.red'), value: 'red' },
            { label: t('warning.kind.progress_lag'), value: 'progress_lag' },
          ]}
        />
      </div>
      {warnings.error ? (
        <ErrorResult error={warnings.error} onRetry={warnings.reload} />
      ) : (
        <Table<Warning>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={warnings.data}
          loading={warnings.loading}
          rowClassName={(row) => `warning-row-${row.kind}`}
          scroll={{ x: 800 }}
          caption={<span className="visually-hidden">{t('warning.title')}</span>}
          locale={{ emptyText: t('warning.none') }}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        />
      )}
    </section>
  );
}
