import { Tag } from 'antd';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import type { AppealStatus, Grade, RunStatus } from './assessment-types';

const RUN_STATUS: Record<RunStatus, { color: string; label: MessageKey }> = {
  draft: { color: 'gold', label: 'assessment.status.draft' },
  released: { color: 'blue', label: 'assessment.status.released' },
  published: { color: 'green', label: 'assessment.status.published' },
};

export function RunStatusTag({ status }: { status: RunStatus }) {
  const t = useT();
  const known = RUN_STATUS[status];
  return <Tag color={known.color}>{t(known.label)}</Tag>;
}

const GRADE: Record<Grade, { color: string; label: MessageKey }> = {
  excellent: { color: 'green', label: 'assessment.grade.excellent' },
  good: { color: 'blue', label: 'assessment.grade.good' },
  pass: { color: 'default', label: 'assessment.grade.pass' },
  fail: { color: 'red', label: 'assessment.grade.fail' },
};

export function GradeTag({ grade }: { grade: Grade | null }) {
  const t = useT();
  if (grade === null) {
    return <>—</>;
  }
  const known = GRADE[grade];
  return <Tag color={known.color}>{t(known.label)}</Tag>;
}

const APPEAL_STATUS: Record<AppealStatus, { color: string; label: MessageKey }> = {
  pending: { color: 'orange', label: 'assessment.appeal.status.pending' },
  accepted: { color: 'green', label: 'assessment.appeal.status.accepted' },
  rejected: { color: 'default', label: 'assessment.appeal.status.rejected' },
};

export function AppealStatusTag({ status }: { status: AppealStatus }) {
  const t = useT();
  const known = APPEAL_STATUS[status];
  return <Tag color={known.color}>{t(known.label)}</Tag>;
}
