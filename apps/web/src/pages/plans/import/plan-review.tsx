import { Alert, Collapse, Switch, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { PlanDetail, PublishResult } from '../../../api/types';
import { useAsync } from '../../../api/use-async';
import { ErrorResult } from '../../../components/error-result';
import { PageLoading } from '../../../components/page-loading';
import { useT } from '../../../i18n/i18n';
import { hasUnresolvedUnit, TaskTable } from '../task-table';
import { useUnitNames } from '../use-unit-names';
import { PublishPanel } from './publish-panel';
import { UnresolvedNames } from './unresolved-names';

interface Props {
  plan: PlanDetail;
  onChanged: () => void;
  onPublished: (result: PublishResult) => void;
}

/** Step 2: the parsed tasks, the names to map, and the publish button. */
export function PlanReview({ plan, onChanged, onPublished }: Props) {
  const t = useT();
  const unitNames = useUnitNames([plan]);
  const [onlyUnresolved, setOnlyUnresolved] = useState(false);
  const unresolved = useAsync(
    () => unwrap(api.GET('/api/plans/{id}/unresolved', { params: { path: { id: plan.id } } })),
    [plan],
  );
  const tasks = onlyUnresolved ? plan.tasks.filter(hasUnresolvedUnit) : plan.tasks;

  return (
    <>
      <Typography.Title level={3}>{plan.title}</Typography.Title>
      <Typography.Paragraph>
        {t('review.summary', { tasks: plan.tasks.length, problems: plan.problems.length })}
      </Typography.Paragraph>
      {plan.importNotes.length > 0 && (
        <Collapse
          className="form-alert"
          items={[
            {
              key: 'notes',
              label: t('review.importNotes', { count: plan.importNotes.length }),
              children: (
                <ul>
                  {plan.importNotes.map((note) => (
                    <li key={`${note.line}-${note.message}`}>
                      {t('review.noteLine', { line: note.line })} {note.message}：<q>{note.text}</q>
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
      {unresolved.error ? (
        <ErrorResult error={unresolved.error} onRetry={unresolved.reload} />
      ) : unresolved.data ? (
        <UnresolvedNames
          planId={plan.id}
          governmentId={plan.governmentId}
          names={unresolved.data}
          onMapped={onChanged}
        />
      ) : (
        <PageLoading />
      )}
      <section aria-labelledby="review-tasks-title">
        <div className="page-heading">
          <Typography.Title level={3} id="review-tasks-title">
            {t('review.tasksTitle')}
          </Typography.Title>
          <label className="inline-switch">
            <Switch size="small" checked={onlyUnresolved} onChange={setOnlyUnresolved} /> {t('review.onlyUnresolved')}
          </label>
        </div>
        {plan.problems.some((problem) => problem.code !== 'UNRESOLVED_UNIT') && (
          <Alert type="warning" showIcon className="form-alert" title={t('review.otherProblems')} />
        )}
        <TaskTable tasks={tasks} unitNames={unitNames} caption={t('review.tasksTitle')} />
      </section>
      <PublishPanel planId={plan.id} onPublished={onPublished} />
    </>
  );
}
