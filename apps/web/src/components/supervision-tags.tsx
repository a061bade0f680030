import { Tag } from 'antd';
import type { CaseStatus, InterviewStatus, Warning } from '../api/types';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

const WARNING_KIND: Record<Warning['kind'], { color: string; label: MessageKey }> = {
  yellow: { color: 'gold', label: 'warning.kind.yellow' },
  red: { color: 'red', label: 'warning.kind.red' },
  progress_lag: { color: 'orange', label: 'warning.kind.progress_lag' },
};

export function WarningKindTag({ kind }: { kind: Warning['kind'] }) {
  const t = useT();
  const known = WARNING_KIND[kind];
  return <Tag color={known.color}>{t(known.label)}</Tag>;
}

const CASE_STATUS: Record<CaseStatus, { color: string; label: MessageKey }> = {
  open: { color: 'red', label: 'case.status.open' },
  acknowledged: { color: 'orange', label: 'case.status.acknowledged' },
  rectifying: { color: 'gold', label: 'case.status.rectifying' },
  closure_requested: { color: 'blue', label: 'case.status.closure_requested' },
  closed: { color: 'green', label: 'case.status.closed' },
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const t = useT();
  const known = CASE_STATUS[status];
  return <Tag color={known.color}>{t(known.label)}</Tag>;
}

const INTERVIEW_STATUS: Record<InterviewStatus, { color: string; label: MessageKey }> = {
  scheduled: { color: 'blue', label: 'interview.status.scheduled' },
  held: { color: 'purple', label: 'interview.status.held' },
  followed_up: { color: 'cyan', label: 'interview.status.followed_up' },
  closed: { color: 'green', label: 'interview.status.closed' },
  cancelled: { color: 'default', label: 'interview.status.cancelled' },
};

export function InterviewStatusTag({ status }: { status: InterviewStatus }) {
  const t = useT();
  const known = INTERVIEW_STATUS[status];
  return <Tag color={known.color}>{t(known.label)}</Tag>;
}
