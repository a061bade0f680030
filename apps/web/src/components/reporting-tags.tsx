import { Tag } from 'antd';
import type { ObligationStatus, SubmissionKind } from '../api/types';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

const OBLIGATION_STATUS: Record<ObligationStatus, { color: string; label: MessageKey }> = {
  open: { color: 'blue', label: 'obligation.status.open' },
  submitted: { color: 'processing', label: 'obligation.status.submitted' },
  returned: { color: 'volcano', label: 'obligation.status.returned' },
  accepted: { color: 'green', label: 'obligation.status.accepted' },
  waived: { color: 'default', label: 'obligation.status.waived' },
  cancelled: { color: 'default', label: 'obligation.status.cancelled' },
};

/** 待报送 turns into 逾期未报 once the due time has passed. */
export function ObligationStatusTag({ status, overdue = false }: { status: ObligationStatus; overdue?: boolean }) {
  const t = useT();
  if (overdue && (status === 'open' || status === 'returned')) {
    return <Tag color="red">{t('obligation.status.overdue')}</Tag>;
  }
  const known = OBLIGATION_STATUS[status];
  return <Tag color={known.color}>{t(known.label)}</Tag>;
}

const KIND: Record<SubmissionKind, MessageKey> = {
  progress: 'report.kind.progress',
  no_progress: 'report.kind.no_progress',
  no_task: 'report.kind.no_task',
};

export function SubmissionKindTag({ kind }: { kind: SubmissionKind | null }) {
  const t = useT();
  if (!kind) {
    return null;
  }
  return <Tag color={kind === 'progress' ? 'geekblue' : 'default'}>{t(KIND[kind])}</Tag>;
}

export function LateTag({ late }: { late: boolean }) {
  const t = useT();
  return late ? <Tag color="orange">{t('obligation.late')}</Tag> : null;
}
