import type { ReactNode } from 'react';
import type { Role, User } from '../api/types';
import { Forbidden } from '../components/error-result';
import { ChangePasswordPage } from '../pages/account/change-password-page';
import { MyTasksPage } from '../pages/assignments/my-tasks-page';
import { InboxPage } from '../pages/inbox/inbox-page';
import { NotFoundPage } from '../pages/not-found-page';
import { PlanImportPage } from '../pages/plans/import/plan-import-page';
import { PlanDetailPage } from '../pages/plans/plan-detail-page';
import { PlanListPage } from '../pages/plans/plan-list-page';
import { UnitPage } from '../pages/units/unit-page';
import { hasRole, homePath, OFFICE_ROLES, PLAN_READER_ROLES } from '../session/roles';
import { matchPath, Redirect } from './router';

interface Route {
  pattern: string;
  roles: readonly Role[] | 'any';
  render: (params: Record<string, string>, user: User) => ReactNode;
}

/** Every page; `roles` mirrors the API's access rules so a page never opens only to fail on its first request. */
const ROUTES: Route[] = [
  { pattern: '/', roles: 'any', render: (_, user) => <Redirect to={homePath(user.role)} /> },
  { pattern: '/plans', roles: PLAN_READER_ROLES, render: () => <PlanListPage /> },
  { pattern: '/plans/import', roles: OFFICE_ROLES, render: () => <PlanImportPage /> },
  { pattern: '/plans/import/:id', roles: OFFICE_ROLES, render: ({ id }) => <PlanImportPage planId={Number(id)} /> },
  { pattern: '/plans/:id', roles: PLAN_READER_ROLES, render: ({ id }) => <PlanDetailPage id={Number(id)} /> },
  { pattern: '/assignments', roles: 'any', render: () => <MyTasksPage /> },
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
