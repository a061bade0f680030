import { Button, Card, Result, Steps, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { PublishResult } from '../../../api/types';
import { useAsync } from '../../../api/use-async';
import { ErrorResult } from '../../../components/error-result';
import { PageLoading } from '../../../components/page-loading';
import { useT } from '../../../i18n/i18n';
import { useRouter } from '../../../router/router';
import { formatDateTime } from '../../../time/format';
import { ImportSourceForm } from './import-source-form';
import { PlanReview } from './plan-review';

/** The import wizard: submit the file, review and map units, publish. The draft's id is in the URL, so a reload resumes. */
export function PlanImportPage({ planId }: { planId?: number }) {
  const t = useT();
  const { navigate } = useRouter();
  const [published, setPublished] = useState<PublishResult | null>(null);
  const step = planId === undefined ? 0 : published ? 2 : 1;

  return (
    <section aria-labelledby="import-title">
      <Typography.Title level={2} id="import-title">
        {t('import.title')}
      </Typography.Title>
      <Steps
        className="import-steps"
        current={step}
        status={published ? 'finish' : 'process'}
        items={[
          { title: t('import.step.source') },
          { title: t('import.step.review') },
          { title: t('import.step.publish') },
        ]}
      />
      <Card>
        {planId === undefined ? (
          <ImportSourceForm onImported={(plan) => navigate(`/plans/import/${plan.id}`)} />
        ) : published ? (
          <PublishedResult planId={planId} result={published} />
        ) : (
          <DraftReview planId={planId} onPublished={setPublished} />
        )}
      </Card>
    </section>
  );
}

function DraftReview({ planId, onPublished }: { planId: number; onPublished: (result: PublishResult) => void }) {
  const t = useT();
  const { navigate } = useRouter();
  const plan = useAsync(() => unwrap(api.GET('/api/plans/{id}', { params: { path: { id: planId } } })), [planId]);
  if (plan.error) {
    return <ErrorResult error={plan.error} onRetry={plan.reload} />;
  }
  if (!plan.data) {
    return <PageLoading />;
  }
  if (plan.data.status !== 'draft') {
    return (
      <Result
        status="info"
        title={t('import.notDraft')}
        extra={<Button onClick={() => navigate(`/plans/${planId}`)}>{t('publish.viewPlan')}</Button>}
      />
    );
  }
  return <PlanReview plan={plan.data} onChanged={plan.reload} onPublished={onPublished} />;
}

function PublishedResult({ planId, result }: { planId: number; result: PublishResult }) {
  const t = useT();
  const { navigate } = useRouter();
  return (
    <Result
      status="success"
      title={t('publish.done')}
      subTitle={t('publish.doneDetail', {
        assignments: result.assignments,
        units: result.units,
        notified: result.notified,
        due: formatDateTime(result.acknowledgeDueAt),
      })}
      extra={
        <Button type="primary" onClick={() => navigate(`/plans/${planId}`)}>
          {t('publish.viewPlan')}
        </Button>
      }
    />
  );
}
