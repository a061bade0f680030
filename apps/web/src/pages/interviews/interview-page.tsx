import { Descriptions, Space, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { actorName } from '../../components/actor-name';
import { DueCountdown } from '../../components/due-countdown';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { InterviewStatusTag } from '../../components/supervision-tags';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { hasRole, SUPERVISING_ROLES, UNIT_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { formatDateTime } from '../../time/format';
import { EventTimeline } from '../supervision/event-timeline';
import { InterviewActions } from './interview-actions';

/** One 约谈: when, where, who; minutes once held; the unit's follow-up; closure. */
export function InterviewPage({ id }: { id: number }) {
  const t = useT();
  const user = useUser();
  const detail = useAsync(() => unwrap(api.GET('/api/interviews/{id}', { params: { path: { id } } })), [id]);
  if (detail.error) {
    return <ErrorResult error={detail.error} onRetry={detail.reload} />;
  }
  if (!detail.data) {
    return <PageLoading />;
  }
  const data = detail.data;
  const followUpOpen = data.status === 'held' || data.status === 'followed_up';
  return (
    <section aria-labelledby="interview-title">
      <div className="page-heading">
        <Typography.Title level={2} id="interview-title">
          {t('interview.title', { unit: data.unitName })}
        </Typography.Title>
        <InterviewStatusTag status={data.status} />
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        className="page-section"
        items={[
          { key: 'reason', label: t('interview.reason'), span: 'filled', children: data.reason },
          {
            key: 'time',
            label: t('interview.time'),
            children: `${formatDateTime(data.startsAt)} – ${formatDateTime(data.endsAt).slice(11)}`,
          },
          { key: 'place', label: t('interview.place'), children: data.place },
          { key: 'principal', label: t('interview.principal'), children: data.principalHead },
          {
            key: 'attendees',
            label: t('interview.attendees'),
            span: 'filled',
            children: <Space wrap>{data.attendees.join('、')}</Space>,
          },
          {
            key: 'followUp',
            label: t('interview.followUpDueAt'),
            children: followUpOpen ? (
              <DueCountdown dueAt={data.followUpDueAt} prefix="" />
            ) : (
              formatDateTime(data.followUpDueAt)
            ),
          },
          {
            key: 'case',
            label: t('interview.case'),
            children: data.caseId ? (
              <Link to={`/supervision-cases/${data.caseId}`}>{t('interview.caseLink')}</Link>
            ) : (
              '—'
            ),
          },
          { key: 'by', label: t('interview.scheduledBy'), children: actorName(data.scheduledBy, t) },
        ]}
      />
      {data.minutes && (
        <section aria-labelledby="minutes-title" className="page-section">
          <Typography.Title level={3} id="minutes-title">
            {t('interview.minutes')}
          </Typography.Title>
          <Typography.Paragraph className="review-comment">{data.minutes}</Typography.Paragraph>
        </section>
      )}
      <InterviewActions
        detail={data}
        supervising={hasRole(user.role, SUPERVISING_ROLES)}
        ownUnit={hasRole(user.role, UNIT_ROLES) && user.unitId === data.unitId}
        onChanged={detail.reload}
      />
      <EventTimeline events={data.events} />
    </section>
  );
}
