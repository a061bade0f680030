import { Typography } from 'antd';
import './dashboard.css';
import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { useT } from '../../i18n/i18n';
import { useUser } from '../../session/session';
import { DashboardFilterBar } from './dashboard-filters';
import { LeagueSection } from './league-section';
import { LightsSection } from './lights-section';
import { OverdueSection } from './overdue-section';
import { OverviewSection } from './overview-section';
import { RankingSection } from './ranking-section';
import { SubmissionMatrixSection } from './submission-matrix-section';
import { TrendSection } from './trend-section';
import { useDashboardFilters } from './use-dashboard-filters';

type SectionName = 'overview' | 'lights' | 'overdue' | 'matrix' | 'trend' | 'league' | 'ranking';

/** The office works down from what needs chasing; a leader reads the standings first. */
const OFFICE_ORDER: SectionName[] = ['overview', 'lights', 'overdue', 'matrix', 'trend', 'league', 'ranking'];
const LEADER_ORDER: SectionName[] = ['overview', 'league', 'ranking', 'trend', 'lights', 'matrix', 'overdue'];

/** 工作看板: the office's and leaders' home. Everything on it is read-only and cut to the user's jurisdiction. */
export function DashboardPage() {
  const t = useT();
  const user = useUser();
  const [filters, setFilters] = useDashboardFilters();
  const plans = useAsync(() => unwrap(api.GET('/api/dashboard/plans')), []);
  const leader = user.role === 'leader';
  const sections: Record<SectionName, ReactNode> = {
    overview: <OverviewSection filters={filters} plans={plans.data} />,
    lights: <LightsSection filters={filters} />,
    overdue: <OverdueSection filters={filters} />,
    matrix: <SubmissionMatrixSection filters={filters} />,
    trend: <TrendSection filters={filters} />,
    league: <LeagueSection filters={filters} />,
    ranking: <RankingSection planId={filters.planId} />,
  };
  return (
    <section aria-labelledby="dashboard-title" className="dashboard">
      <div className="page-heading">
        <Typography.Title level={2} id="dashboard-title">
          {t('dashboard.title')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">
        {t(leader ? 'dashboard.hintLeader' : 'dashboard.hint')}
      </Typography.Paragraph>
      {plans.error ? (
        <ErrorResult error={plans.error} onRetry={plans.reload} />
      ) : (
        <DashboardFilterBar plans={plans.data} filters={filters} onChange={setFilters} />
      )}
      {(leader ? LEADER_ORDER : OFFICE_ORDER).map((name) => (
        <Fragment key={name}>{sections[name]}</Fragment>
      ))}
    </section>
  );
}
