import { App, Empty, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { asApiError } from '../../api/errors';
import type { Assignment } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { useT } from '../../i18n/i18n';
import { useRouter } from '../../router/router';
import { hasRole, UNIT_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { AssignmentCard } from './assignment-card';

type Filter = 'pending' | 'all';

/** The tasks given to the user's unit, with 签收 for the liaison and the head. */
export function MyTasksPage() {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const { query } = useRouter();
  const planId = Number(query.get('planId')) || undefined;
  const [filter, setFilter] = useState<Filter>('pending');
  const [busy, setBusy] = useState<number | null>(null);
  const assignments = useAsync(
    () =>
      unwrap(
        api.GET('/api/assignments', {
          params: { query: { planId, status: filter === 'pending' ? 'pending' : undefined } },
        }),
      ),
    [planId, filter],
  );

  const acknowledge = async (assignment: Assignment) => {
    setBusy(assignment.id);
    try {
      await unwrap(api.POST('/api/assignments/{id}/acknowledge', { params: { path: { id: assignment.id } } }));
      void message.success(t('assignment.acknowledged', { ref: assignment.taskRef }));
      assignments.reload();
    } catch (error) {
      void message.error(asApiError(error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="tasks-title">
      <div className="page-heading">
        <Typography.Title level={2} id="tasks-title">
          {t('assignment.title')}
        </Typography.Title>
        <Segmented<Filter>
          aria-label={t('assignment.filter')}
          value={filter}
          onChange={setFilter}
          options={[
            { label: t('assignment.filterPending'), value: 'pending' },
            { label: t('assignment.filterAll'), value: 'all' },
          ]}
        />
      </div>
      {assignments.error ? (
        <ErrorResult error={assignments.error} onRetry={assignments.reload} />
      ) : assignments.loading && !assignments.data ? (
        <PageLoading />
      ) : assignments.data?.length ? (
        <ul className="card-list">
          {assignments.data.map((assignment) => (
            <AssignmentCard
              key={assignment.id}
              assignment={assignment}
              canAcknowledge={hasRole(user.role, UNIT_ROLES)}
              acknowledging={busy === assignment.id}
              onAcknowledge={() => void acknowledge(assignment)}
            />
          ))}
        </ul>
      ) : (
        <Empty description={t(filter === 'pending' ? 'assignment.nonePending' : 'assignment.none')} />
      )}
    </section>
  );
}
