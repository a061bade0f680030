import {
  ApartmentOutlined,
  BarChartOutlined,
  NotificationOutlined,
  TrophyOutlined,
  AuditOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  EditOutlined,
  FileTextOutlined,
  FlagOutlined,
  InboxOutlined,
  TeamOutlined,
  UploadOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role, User } from '../api/types';
import type { MessageKey } from '../i18n/messages';
import { hasRole, OFFICE_ROLES, PLAN_READER_ROLES, REVIEWER_ROLES, UNIT_ROLES } from '../session/roles';

export interface MenuEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  roles: readonly Role[] | 'any';
}

/**
 * The navigation, in order: one entry per page, with the roles that may open it.
 */
function entries(user: User): MenuEntry[] {
  return [
    { path: '/dashboard', label: 'menu.dashboard', icon: <BarChartOutlined />, roles: PLAN_READER_ROLES },
    { path: '/plans', label: 'menu.plans', icon: <FileTextOutlined />, roles: PLAN_READER_ROLES },
    { path: '/plans/import', label: 'menu.import', icon: <UploadOutlined />, roles: OFFICE_ROLES },
    { path: '/assignments', label: 'menu.assignments', icon: <CheckSquareOutlined />, roles: UNIT_ROLES },
    { path: '/reports', label: 'menu.reports', icon: <EditOutlined />, roles: UNIT_ROLES },
    { path: '/reviews', label: 'menu.reviews', icon: <AuditOutlined />, roles: REVIEWER_ROLES },
    { path: '/warnings', label: 'menu.warnings', icon: <WarningOutlined />, roles: 'any' },
    { path: '/supervision-cases', label: 'menu.cases', icon: <FlagOutlined />, roles: 'any' },
    { path: '/interviews', label: 'menu.interviews', icon: <TeamOutlined />, roles: 'any' },
    { path: '/circulars', label: 'menu.circular', icon: <NotificationOutlined />, roles: 'any' },
    { path: '/assessment', label: 'menu.assessment', icon: <TrophyOutlined />, roles: 'any' },
    { path: '/calendar', label: 'menu.calendar', icon: <CalendarOutlined />, roles: PLAN_READER_ROLES },
    { path: `/units/${user.unitId}`, label: 'menu.myUnit', icon: <ApartmentOutlined />, roles: UNIT_ROLES },
    { path: '/inbox', label: 'menu.inbox', icon: <InboxOutlined />, roles: 'any' },
  ];
}

export function menuFor(user: User): MenuEntry[] {
  return entries(user).filter((entry) => hasRole(user.role, entry.roles));
}

/** The entry whose path is the longest prefix of the current path. */
export function selectedEntry(menu: MenuEntry[], path: string): string | undefined {
  return menu
    .filter((entry) => path === entry.path || path.startsWith(`${entry.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
