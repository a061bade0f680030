import { Tag } from 'antd';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n/i18n';

const PLAN_STATUS: Record<string, { color: string; label: MessageKey }> = {
  draft: { color: 'gold', label: 'plan.status.draft' },
  published: { color: 'green', label: 'plan.status.published' },
  archived: { color: 'default', label: 'plan.status.archived' },
};

export function PlanStatusTag({ status }: { status: string }) {
  const t = useT();
  const known = PLAN_STATUS[status];
  return known ? <Tag color={known.color}>{t(known.label)}</Tag> : <Tag>{status}</Tag>;
}

const ASSIGNMENT_ROLE: Record<string, MessageKey> = {
  lead: 'assignment.role.lead',
  participant: 'assignment.role.participant',
  local: 'assignment.role.local',
};

export function AssignmentRoleTag({ role }: { role: string }) {
  const t = useT();
  const label = ASSIGNMENT_ROLE[role];
  return <Tag color={role === 'lead' ? 'blue' : 'default'}>{label ? t(label) : role}</Tag>;
}

export function AcknowledgeStatusTag({ status, overdue }: { status: string; overdue: boolean }) {
  const t = useT();
  if (status === 'acknowledged') {
    return <Tag color="green">{t('assignment.status.acknowledged')}</Tag>;
  }
  return (
    <Tag color={overdue ? 'red' : 'orange'}>
      {t(overdue ? 'assignment.status.overdue' : 'assignment.status.pending')}
    </Tag>
  );
}
