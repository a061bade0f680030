import { Form, Switch, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { GradeTag } from './assessment-tags';
import type { ResultRow } from './assessment-types';
import { formatPoints, signedPoints } from './assessment-types';

/** Every unit's current result: group, rank, the four parts, deductions, bonus, adjustments, total and grade. */
export function ResultsTable({ runId, generation }: { runId: number; generation: number }) {
  const t = useT();
  const [showUnscored, setShowUnscored] = useState(false);
  const results = useAsync(
    () => unwrap(api.GET('/api/assessment/runs/{id}/results', { params: { path: { id: runId } } })),
    [runId, generation],
  );
  if (results.error) {
    return <ErrorResult error={results.error} onRetry={results.reload} />;
  }
  const rows = (results.data ?? []).filter((row) => showUnscored || row.scored);
  const points = (key: keyof ResultRow, title: string, signed = false) => ({
    title,
    dataIndex: key,
    width: 88,
    align: 'right' as const,
    render: (value: number | null) => (signed ? signedPoints(value) : formatPoints(value)),
  });
  const columns: TableColumnsType<ResultRow> = [
    { title: t('assessment.group'), dataIndex: 'groupLabel', width: 120 },
    {
      title: t('assessment.rank'),
      dataIndex: 'rank',
      width: 70,
      align: 'right',
      render: (rank: number | null) => rank ?? '—',
    },
    {
      title: t('assessment.unit'),
      dataIndex: 'unitName',
      render: (name: string, row) => (
        <>
          <Link to={`/assessment/results/${row.id}`}>{name}</Link>
          {!row.scored && (
            <Tooltip title={row.note}>
              <Tag className="result-note">{t('assessment.unscored')}</Tag>
            </Tooltip>
          )}
          {row.version > 1 && <Tag color="purple">{t('assessment.versionN', { version: row.version })}</Tag>}
        </>
      ),
    },
    {
      ...points('total', t('assessment.total')),
      render: (total: number | null) => <strong>{formatPoints(total)}</strong>,
    },
    {
      title: t('assessment.grade'),
      dataIndex: 'grade',
      width: 90,
      render: (grade: ResultRow['grade']) => <GradeTag grade={grade} />,
    },
    points('timeliness', t('assessment.component.timeliness')),
    points('completion', t('assessment.component.completion')),
    points('reviewQuality', t('assessment.component.reviewQuality')),
    points('indicators', t('assessment.component.indicators')),
    points('deductions', t('assessment.deductionsShort'), true),
    points('bonus', t('assessment.bonus'), true),
    points('adjustments', t('assessment.adjustments'), true),
  ];
  return (
    <>
      <Form layout="inline" className="table-filters" name="result-filters">
        <Form.Item label={t('assessment.showUnscored')} htmlFor="show-unscored">
          <Switch id="show-unscored" checked={showUnscored} onChange={setShowUnscored} />
        </Form.Item>
      </Form>
      <Table<ResultRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={results.loading}
        scroll={{ x: 1250 }}
        caption={<span className="visually-hidden">{t('assessment.results')}</span>}
        locale={{ emptyText: t('assessment.noResults') }}
        pagination={{ defaultPageSize: 100, hideOnSinglePage: true }}
      />
    </>
  );
}
