import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import type { Obligation } from '../../api/types';
import { DueCountdown } from '../../components/due-countdown';
import { LateTag, ObligationStatusTag, SubmissionKindTag } from '../../components/reporting-tags';
import { AssignmentRoleTag } from '../../components/status-tags';
import { useNow } from '../../clock/server-clock';
import { useT } from '../../i18n/i18n';
import { Link, useRouter } from '../../router/router';
import { formatDateTime } from '../../time/format';

/** One report the unit owes (or has made): what, for which month, by when. */
export function ObligationCard({ obligation }: { obligation: Obligation }) {
  const t = useT();
  const now = useNow();
  const { navigate } = useRouter();
  const waiting = obligation.status === 'open' || obligation.status === 'returned';
  const overdue = waiting && Date.parse(obligation.dueAt) <= now.getTime();
  const titleId = `obligation-${obligation.id}-title`;
  const path = `/obligations/${obligation.id}`;
  return (
    <li>
      <Card size="small" className="obligation-card" aria-labelledby={titleId}>
        <Typography.Text type="secondary" className="assignment-plan">
          {obligation.planTitle} · {obligation.periodLabel}
        </Typography.Text>
        <Typography.Title level={3} className="assignment-title" id={titleId}>
          <Link to={path}>
            <span className="task-ref">{obligation.taskRef}</span> {obligation.taskTitle}
          </Link>
        </Typography.Title>
        <Space wrap size={[8, 4]}>
          <AssignmentRoleTag role={obligation.role} />
          <ObligationStatusTag status={obligation.status} overdue={overdue} />
          <SubmissionKindTag kind={obligation.currentKind} />
          {obligation.percentComplete !== null && (
            <Typography.Text>{t('report.percentShort', { percent: obligation.percentComplete })}</Typography.Text>
          )}
          <LateTag late={obligation.late} />
          {obligation.round > 0 && (
            <Typography.Text type="secondary">{t('obligation.round', { round: obligation.round })}</Typography.Text>
          )}
        </Space>
        <div className="assignment-foot">
          {waiting ? (
            <DueCountdown dueAt={obligation.dueAt} />
          ) : (
            <Typography.Text type="secondary">
              {t('obligation.submittedAt', { time: formatDateTime(obligation.submittedAt) })}
            </Typography.Text>
          )}
          <Button
            type={waiting ? 'primary' : 'default'}
            icon={waiting ? <EditOutlined aria-hidden /> : <EyeOutlined aria-hidden />}
            onClick={() => navigate(path)}
            aria-label={t(waiting ? 'obligation.fillTask' : 'obligation.viewTask', { ref: obligation.taskRef })}
          >
            {t(
              waiting
                ? obligation.status === 'returned'
                  ? 'obligation.refill'
                  : 'obligation.fill'
                : 'obligation.view',
            )}
          </Button>
        </div>
      </Card>
    </li>
  );
}
