import { Badge, Descriptions, Space, Tabs, Typography } from 'antd';
import type { TabsProps } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { DueCountdown } from '../../components/due-countdown';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { hasRole, OFFICE_ROLES, SUPERVISING_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { formatDateTime } from '../../time/format';
import { AppealsPanel } from './appeals-panel';
import { RunStatusTag } from './assessment-tags';
import type { RunSummary } from './assessment-types';
import { BonusesPanel } from './bonuses-panel';
import { RankingsPanel } from './rankings-panel';
import { ResultsTable } from './results-table';
import { RunActions } from './run-actions';
import { SheetExport } from './sheet-export';

/** One run: its stage and dates, the office's next step, results, ranking, appeals and bonuses. */
export function RunPage({ id }: { id: number }) {
  const t = useT();
  const user = useUser();
  const [generation, setGeneration] = useState(0);
  const summary = useAsync(
    () => unwrap(api.GET('/api/assessment/runs/{id}', { params: { path: { id } } })),
    [id, generation],
  );
  if (summary.error) {
    return <ErrorResult error={summary.error} onRetry={summary.reload} />;
  }
  if (!summary.data) {
    return <PageLoading />;
  }
  const run = summary.data;
  const changed = () => setGeneration((g) => g + 1);
  const office = hasRole(user.role, OFFICE_ROLES);
  const oversight = hasRole(user.role, SUPERVISING_ROLES);
  const tabs: NonNullable<TabsProps['items']> = [
    {
      key: 'results',
      label: t('assessment.results'),
      children: <ResultsTable runId={run.id} generation={generation} />,
    },
    {
      key: 'rankings',
      label: t('assessment.rankings'),
      children: <RankingsPanel runId={run.id} generation={generation} />,
    },
  ];
  if (oversight) {
    tabs.push(
      {
        key: 'appeals',
        label: (
          <Badge count={run.appeals.pending} size="small" offset={[8, -2]}>
            {t('assessment.appeals')}
          </Badge>
        ),
        children: <AppealsPanel run={run} canDecide={office} generation={generation} onChanged={changed} />,
      },
      {
        key: 'bonuses',
        label: t('assessment.bonuses'),
        children: <BonusesPanel run={run} canEdit={office} generation={generation} onChanged={changed} />,
      },
    );
  }
  return (
    <section aria-labelledby="run-title">
      <div className="page-heading">
        <Typography.Title level={2} id="run-title">
          {t('assessment.runTitle', { plan: run.planTitle, year: run.year })}
        </Typography.Title>
        <Space wrap>
          <RunStatusTag status={run.status} />
          <SheetExport runId={run.id} />
        </Space>
      </div>
      <RunFacts run={run} />
      {office && <RunActions run={run} onChanged={changed} />}
      <Tabs className="page-section" items={tabs} />
    </section>
  );
}

function RunFacts({ run }: { run: RunSummary }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      className="page-section"
      items={[
        { key: 'government', label: t('assessment.government'), children: run.governmentName },
        {
          key: 'scheme',
          label: t('assessment.schemeVersion'),
          children: (
            <Link to={`/assessment/scheme?planId=${run.planId}&year=${run.year}`}>
              {run.schemeVersion === null
                ? t('assessment.schemeDefault')
                : t('assessment.versionN', { version: run.schemeVersion })}
            </Link>
          ),
        },
        {
          key: 'computed',
          label: t('assessment.computedAt'),
          children: t('assessment.computedTimes', { time: formatDateTime(run.computedAt), revision: run.revision }),
        },
        {
          key: 'units',
          label: t('assessment.units'),
          children: t('assessment.unitsScored', { units: run.units, scored: run.scored }),
        },
        { key: 'released', label: t('assessment.releasedAt'), children: formatDateTime(run.releasedAt) },
        {
          key: 'deadline',
          label: t('assessment.appealDeadline'),
          children:
            run.status === 'released' && run.appealDeadline ? (
              <DueCountdown dueAt={run.appealDeadline} prefix="" />
            ) : (
              formatDateTime(run.appealDeadline)
            ),
        },
        {
          key: 'appeals',
          label: t('assessment.appeals'),
          children: t('assessment.appealCounts', { ...run.appeals }),
        },
        { key: 'published', label: t('assessment.publishedAt'), children: formatDateTime(run.publishedAt) },
      ]}
    />
  );
}
