import { Alert, Button, Descriptions, Space, Tabs, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { PlanDetail } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { PlanStatusTag } from '../../components/status-tags';
import { useT } from '../../i18n/i18n';
import { useRouter } from '../../router/router';
import { hasRole, OFFICE_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { formatDateTime } from '../../time/format';
import { AcknowledgementTable } from './acknowledgement-table';
import { CancelTaskButton } from './cancel-task-button';
import { LadderSettingsPanel } from './ladder-settings-panel';
import { PlanExports } from './plan-exports';
import { PlanObligations } from './plan-obligations';
import { planYears } from './plan-years';
import { ReportingSettingsPanel } from './reporting-settings-panel';
import { TaskTable } from './task-table';
import { useUnitNames } from './use-unit-names';

export function PlanDetailPage({ id }: { id: number }) {
  const t = useT();
  const user = useUser();
  const office = hasRole(user.role, OFFICE_ROLES);
  const plan = useAsync(() => unwrap(api.GET('/api/plans/{id}', { params: { path: { id } } })), [id]);
  const unitNames = useUnitNames();
  if (plan.error) {
    return <ErrorResult error={plan.error} onRetry={plan.reload} />;
  }
  if (!plan.data) {
    return <PageLoading />;
  }
  const detail = plan.data;
  // Only a published plan's tasks can be cancelled; a draft's are edited in the import review instead.
  const cancellable = office && detail.status === 'published';
  const tabs = [
    {
      key: 'tasks',
      label: t('plan.tabTasks', { count: detail.tasks.length }),
      children: (
        <TaskTable
          tasks={detail.tasks}
          unitNames={unitNames}
          caption={t('plan.tabTasks', { count: detail.tasks.length })}
          actions={
            cancellable
              ? (task) =>
                  task.status === 'active' && (
                    <CancelTaskButton planId={detail.id} task={task} onCancelled={plan.reload} />
                  )
              : undefined
          }
        />
      ),
    },
  ];
  if (detail.status === 'published') {
    tabs.push(
      { key: 'obligations', label: t('plan.tabObligations'), children: <PlanObligations planId={detail.id} /> },
      { key: 'ack', label: t('ack.title'), children: <AcknowledgementTab planId={detail.id} /> },
      {
        key: 'settings',
        label: t('plan.tabSettings'),
        children: <ReportingSettingsPanel planId={detail.id} editable={office} />,
      },
    );
  }
  // Before publication too: the office may set the ladder before the first report falls due.
  tabs.push({
    key: 'ladder',
    label: t('plan.tabLadder'),
    children: <LadderSettingsPanel planId={detail.id} editable={office} />,
  });
  return (
    <section aria-labelledby="plan-title">
      <PlanHeader detail={detail} />
      <Tabs items={tabs} />
    </section>
  );
}

function PlanHeader({ detail }: { detail: PlanDetail }) {
  const t = useT();
  const user = useUser();
  const { navigate } = useRouter();
  const reviewable = detail.status === 'draft' && hasRole(user.role, OFFICE_ROLES);
  return (
    <>
      <div className="page-heading">
        <Typography.Title level={2} id="plan-title">
          {detail.title}
        </Typography.Title>
        <Space>
          <PlanStatusTag status={detail.status} />
          {reviewable && (
            <Button type="primary" onClick={() => navigate(`/plans/import/${detail.id}`)}>
              {t('plan.continueReview')}
            </Button>
          )}
        </Space>
      </div>
      {detail.status === 'draft' && detail.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t('plan.draftProblems', { count: detail.problems.length })}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'years', label: t('plan.years'), children: planYears(detail) },
          { key: 'created', label: t('plan.createdAt'), children: formatDateTime(detail.createdAt) },
          { key: 'published', label: t('plan.publishedAt'), children: formatDateTime(detail.publishedAt) },
        ]}
      />
      <PlanExports plan={detail} />
    </>
  );
}

function AcknowledgementTab({ planId }: { planId: number }) {
  const rows = useAsync(
    () => unwrap(api.GET('/api/plans/{id}/acknowledgements', { params: { path: { id: planId } } })),
    [planId],
  );
  if (rows.error) {
    return <ErrorResult error={rows.error} onRetry={rows.reload} />;
  }
  return rows.data ? <AcknowledgementTable rows={rows.data} /> : <PageLoading />;
}
