import { CalendarOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { CaseDetail } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { actorName } from '../../components/actor-name';
import { DueCountdown } from '../../components/due-countdown';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { CaseStatusTag, InterviewStatusTag } from '../../components/supervision-tags';
import { useT } from '../../i18n/i18n';
import { Link, useRouter } from '../../router/router';
import { hasRole, SUPERVISING_ROLES, UNIT_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { formatDateTime } from '../../time/format';
import { CaseUnitActions } from './case-unit-actions';
import { EventTimeline } from './event-timeline';
import { VerificationForm } from './verification-form';

/** One 督办单: its facts, what the viewer may do next, and everything that happened to it. */
export function CasePage({ id }: { id: number }) {
  const user = useUser();
  const detail = useAsync(() => unwrap(api.GET('/api/supervision-cases/{id}', { params: { path: { id } } })), [id]);
  if (detail.error) {
    return <ErrorResult error={detail.error} onRetry={detail.reload} />;
  }
  if (!detail.data) {
    return <PageLoading />;
  }
  const data = detail.data;
  const ownUnit = hasRole(user.role, UNIT_ROLES) && user.unitId === data.unitId;
  const supervising = hasRole(user.role, SUPERVISING_ROLES);
  return (
    <section aria-labelledby="case-title">
      <CaseHeader detail={data} supervising={supervising} />
      {ownUnit && <CaseUnitActions detail={data} onChanged={detail.reload} />}
      {supervising && data.status === 'closure_requested' && (
        <VerificationForm detail={data} onChanged={detail.reload} />
      )}
      <EventTimeline events={data.events} />
    </section>
  );
}

function CaseHeader({ detail, supervising }: { detail: CaseDetail; supervising: boolean }) {
  const t = useT();
  const { navigate } = useRouter();
  return (
    <>
      <div className="page-heading">
        <Typography.Title level={2} id="case-title">
          {detail.number} · {detail.unitName}
        </Typography.Title>
        <Space wrap>
          <CaseStatusTag status={detail.status} />
          {supervising && detail.status !== 'closed' && (
            <Button
              icon={<CalendarOutlined aria-hidden />}
              onClick={() => navigate(`/interviews/new?caseId=${detail.id}&unitId=${detail.unitId}`)}
            >
              {t('interview.schedule')}
            </Button>
          )}
        </Space>
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        className="page-section"
        items={[
          { key: 'reason', label: t('case.reason'), span: 'filled', children: detail.reason },
          {
            key: 'due',
            label: t('case.rectificationDueAt'),
            children:
              detail.status === 'closed' ? (
                formatDateTime(detail.rectificationDueAt)
              ) : (
                <DueCountdown dueAt={detail.rectificationDueAt} prefix="" />
              ),
          },
          {
            key: 'opened',
            label: t('case.openedAt'),
            children: `${formatDateTime(detail.openedAt)}（${actorName(detail.openedBy, t)}）`,
          },
          { key: 'ack', label: t('case.acknowledgedAt'), children: formatDateTime(detail.acknowledgedAt) },
          { key: 'closed', label: t('case.closedAtLabel'), children: formatDateTime(detail.closedAt) },
          {
            key: 'reports',
            label: t('case.reports'),
            children: detail.obligationIds.length ? (
              <Space wrap>
                {detail.obligationIds.map((obligationId) => (
                  <Link key={obligationId} to={`/obligations/${obligationId}`}>
                    {t('case.reportLink', { id: obligationId })}
                  </Link>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
          {
            key: 'interviews',
            label: t('case.interviews'),
            children: detail.interviews.length ? (
              <Space wrap>
                {detail.interviews.map((interview) => (
                  <Link key={interview.id} to={`/interviews/${interview.id}`}>
                    {formatDateTime(interview.startsAt)} <InterviewStatusTag status={interview.status} />
                  </Link>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
        ]}
      />
    </>
  );
}
