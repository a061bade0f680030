import { Alert, Descriptions, Space, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { ObligationDetail } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { DueCountdown } from '../../components/due-countdown';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { LateTag, ObligationStatusTag } from '../../components/reporting-tags';
import { AssignmentRoleTag } from '../../components/status-tags';
import { useNow } from '../../clock/server-clock';
import { useT } from '../../i18n/i18n';
import { hasRole, OFFICE_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { formatDateTime } from '../../time/format';
import { DeadlineButton } from './deadline-button';
import { ParticipantParts } from './participant-parts';
import { ReportForm } from './report-form';
import { ReportHistory } from './report-history';
import { ReviewPanel } from './review-panel';
import { WaiveButton } from './waive-button';

/**
 * One unit's report for one task and month: the form while it is due, the participants' parts for a lead, the
 * review for whoever reviews it, and every version and comment. The API refuses other units' reports (无权访问).
 */
export function ObligationPage({ id }: { id: number }) {
  const user = useUser();
  const detail = useAsync(() => unwrap(api.GET('/api/obligations/{id}', { params: { path: { id } } })), [id]);
  if (detail.error) {
    return <ErrorResult error={detail.error} onRetry={detail.reload} />;
  }
  if (!detail.data) {
    return <PageLoading />;
  }
  return <ObligationView detail={detail.data} reload={detail.reload} office={hasRole(user.role, OFFICE_ROLES)} />;
}

interface ViewProps {
  detail: ObligationDetail;
  reload: () => void;
  /** The viewer holds an office role; whether it is this report's office, the API says (`reviewer`). */
  office: boolean;
}

function ObligationView({ detail, reload, office }: ViewProps) {
  const t = useT();
  // The indicators this report concerns come with it: units cannot read the plan itself.
  const indicators = detail.indicators;
  const now = useNow();
  const waiting = detail.status === 'open' || detail.status === 'returned';
  const overdue = waiting && Date.parse(detail.dueAt) <= now.getTime();
  const lastReturn = [...detail.reviews].reverse().find((review) => review.decision === 'returned');
  return (
    <section aria-labelledby="obligation-title" className="obligation-page">
      <Typography.Text type="secondary">
        {detail.planTitle} · {detail.periodLabel}
      </Typography.Text>
      <div className="page-heading">
        <Typography.Title level={2} id="obligation-title">
          <span className="task-ref">{detail.taskRef}</span> {detail.taskTitle}
        </Typography.Title>
        <Space wrap>
          <ObligationStatusTag status={detail.status} overdue={overdue} />
          <LateTag late={detail.late} />
          {office && detail.reviewer === 'office' && waiting && (
            <>
              <DeadlineButton detail={detail} onChanged={reload} />
              <WaiveButton detail={detail} onWaived={reload} />
            </>
          )}
        </Space>
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        className="page-section"
        items={[
          { key: 'unit', label: t('obligation.unit'), children: detail.unitName },
          { key: 'role', label: t('obligation.role'), children: <AssignmentRoleTag role={detail.role} /> },
          { key: 'period', label: t('obligation.period'), children: detail.periodLabel },
          {
            key: 'due',
            label: t('obligation.dueAt'),
            children: waiting ? <DueCountdown dueAt={detail.dueAt} prefix="" /> : formatDateTime(detail.dueAt),
          },
          { key: 'submitted', label: t('obligation.submittedAtLabel'), children: formatDateTime(detail.submittedAt) },
          { key: 'round', label: t('obligation.returns'), children: detail.round },
        ]}
      />
      {detail.status === 'returned' && lastReturn && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t('obligation.returnedBy', { name: lastReturn.reviewerName, unit: lastReturn.reviewerUnitName })}
          description={
            <>
              <div className="review-comment">{lastReturn.comment}</div>
              {lastReturn.newDueAt && t('obligation.resubmitBy', { time: formatDateTime(lastReturn.newDueAt) })}
            </>
          }
        />
      )}
      {detail.role === 'lead' && <ParticipantParts obligationId={detail.id} indicators={indicators} />}
      {detail.canSubmit && <ReportForm detail={detail} indicators={indicators} onSubmitted={reload} />}
      {detail.reviewer && detail.status === 'submitted' && <ReviewPanel detail={detail} onReviewed={reload} />}
      <ReportHistory detail={detail} indicators={indicators} />
    </section>
  );
}
