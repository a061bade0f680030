import type { ReactNode } from 'react';
import type { Role, User } from '../api/types';
import { Forbidden } from '../components/error-result';
import { ChangePasswordPage } from '../pages/account/change-password-page';
import { MyTasksPage } from '../pages/assignments/my-tasks-page';
import { AssessmentPage } from '../pages/assessment/assessment-page';
import { ResultPage } from '../pages/assessment/result-page';
import { RunPage } from '../pages/assessment/run-page';
import { SchemePage } from '../pages/assessment/scheme-page';
import { CalendarPage } from '../pages/calendar/calendar-page';
import { CircularListPage } from '../pages/circulars/circular-list-page';
import { CircularPage } from '../pages/circulars/circular-page';
import { DashboardPage } from '../pages/dashboard/dashboard-page';
import { InboxPage } from '../pages/inbox/inbox-page';
import { InterviewListPage } from '../pages/interviews/interview-list-page';
import { InterviewPage } from '../pages/interviews/interview-page';
import { ScheduleInterviewPage } from '../pages/interviews/schedule-interview-page';
import { NotFoundPage } from '../pages/not-found-page';
import { ObligationPage } from '../pages/obligations/obligation-page';
import { PlanImportPage } from '../pages/plans/import/plan-import-page';
import { PlanDetailPage } from '../pages/plans/plan-detail-page';
import { PlanListPage } from '../pages/plans/plan-list-page';
import { ReportListPage } from '../pages/reports/report-list-page';
import { ReviewQueuePage } from '../pages/reviews/review-queue-page';
import { CaseListPage } from '../pages/supervision/case-list-page';
import { CasePage } from '../pages/supervision/case-page';
import { UnitPage } from '../pages/units/unit-page';
import { WarningsPage } from '../pages/warnings/warnings-page';
import {
  hasRole,
  homePath,
  OFFICE_ROLES,
  PLAN_READER_ROLES,
  REVIEWER_ROLES,
  SUPERVISING_ROLES,
  UNIT_ROLES,
} from '../session/roles';
import { matchPath, Redirect } from './router';

interface Route {
  pattern: string;
  roles: readonly Role[] | 'any';
  render: (params: Record<string, string>, user: User) => ReactNode;
}

/** Every page; `roles` mirrors the API's access rules so a page never opens only to fail on its first request. */
const ROUTES: Route[] = [
  { pattern: '/', roles: 'any', render: (_, user) => <Redirect to={homePath(user.role)} /> },
  { pattern: '/dashboard', roles: PLAN_READER_ROLES, render: () => <DashboardPage /> },
  { pattern: '/assessment', roles: 'any', render: () => <AssessmentPage /> },
  { pattern: '/assessment/scheme', roles: PLAN_READER_ROLES, render: () => <SchemePage /> },
  { pattern: '/assessment/runs/:id', roles: PLAN_READER_ROLES, render: ({ id }) => <RunPage id={Number(id)} /> },
  { pattern: '/assessment/results/:id', roles: 'any', render: ({ id }) => <ResultPage id={Number(id)} /> },
  { pattern: '/circulars', roles: 'any', render: () => <CircularListPage /> },
  { pattern: '/circulars/:id', roles: 'any', render: ({ id }) => <CircularPage id={Number(id)} /> },
  { pattern: '/plans', roles: PLAN_READER_ROLES, render: () => <PlanListPage /> },
  { pattern: '/plans/import', roles: OFFICE_ROLES, render: () => <PlanImportPage /> },
  { pattern: '/plans/import/:id', roles: OFFICE_ROLES, render: ({ id }) => <PlanImportPage planId={Number(id)} /> },
  { pattern: '/plans/:id', roles: PLAN_READER_ROLES, render: ({ id }) => <PlanDetailPage id={Number(id)} /> },
  { pattern: '/assignments', roles: 'any', render: () => <MyTasksPage /> },
  { pattern: '/reports', roles: UNIT_ROLES, render: () => <ReportListPage /> },
  { pattern: '/obligations/:id', roles: 'any', render: ({ id }) => <ObligationPage id={Number(id)} /> },
  { pattern: '/reviews', roles: REVIEWER_ROLES, render: () => <ReviewQueuePage /> },
  { pattern: '/warnings', roles: 'any', render: () => <WarningsPage /> },
  { pattern: '/supervision-cases', roles: 'any', render: () => <CaseListPage /> },
  { pattern: '/supervision-cases/:id', roles: 'any', render: ({ id }) => <CasePage id={Number(id)} /> },
  { pattern: '/interviews', roles: 'any', render: () => <InterviewListPage /> },
  { pattern: '/interviews/new', roles: SUPERVISING_ROLES, render: () => <ScheduleInterviewPage /> },
  { pattern: '/interviews/:id', roles: 'any', render: ({ id }) => <InterviewPage id={Number(id)} /> },
  { pattern: '/calendar', roles: 'any', render: () => <CalendarPage /> },
  { pattern: '/units/:id', roles: 'any', render: ({ id }) => <UnitPage id={Number(id)} /> },
  { pattern: '/inbox', roles: 'any', render: () => <InboxPage /> },
  { pattern: '/account/password', roles: 'any', render: () => <ChangePasswordPage /> },
];

const ID_PARAM = /^[1-9]\d{0,9}$/;

export function renderRoute(path: string, user: User): ReactNode {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (!params || (params.id !== undefined && !ID_PARAM.test(params.id))) {
      continue;
    }
    return hasRole(user.role, route.roles) ? route.render(params, user) : <Forbidden />;
  }
  return <NotFoundPage />;
}
