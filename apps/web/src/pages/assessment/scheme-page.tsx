import { Button, Card, Form, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { actorName } from '../../components/actor-name';
import { useNow } from '../../clock/server-clock';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { useT } from '../../i18n/i18n';
import { useRouter } from '../../router/router';
import { hasRole, OFFICE_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { formatDateTime } from '../../time/format';
import type { SchemeView } from './assessment-types';
import { currentYear, PlanYearFields } from './plan-year-fields';
import { SchemeForm } from './scheme-form';

interface Selection {
  planId?: number;
  year?: number;
}

/** 评分方案 of a plan and year: the office edits it (each save is a new version); others read it. */
export function SchemePage() {
  const t = useT();
  const { query, navigate } = useRouter();
  const now = useNow();
  const [form] = Form.useForm<Selection>();
  const planId = Number(query.get('planId')) || undefined;
  const year = Number(query.get('year')) || currentYear(now);

  const choose = (values: Selection) => {
    navigate(`/assessment/scheme?planId=${values.planId}&year=${values.year}`, { replace: true });
  };

  return (
    <section aria-labelledby="scheme-title">
      <div className="page-heading">
        <Typography.Title level={2} id="scheme-title">
          {t('assessment.scheme')}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('assessment.schemeHint')}</Typography.Paragraph>
      <Form<Selection>
        form={form}
        name="scheme-target"
        layout="inline"
        className="table-filters"
        initialValues={{ planId, year }}
        onFinish={choose}
      >
        <PlanYearFields inline />
        <Form.Item>
          <Button htmlType="submit">{t('assessment.open')}</Button>
        </Form.Item>
      </Form>
      {planId !== undefined && <SchemeOfPlan planId={planId} year={year} />}
    </section>
  );
}

function SchemeOfPlan({ planId, year }: { planId: number; year: number }) {
  const t = useT();
  const user = useUser();
  const params = { query: { planId, year } };
  const current = useAsync(() => unwrap(api.GET('/api/assessment/schemes', { params })), [planId, year]);
  const versions = useAsync(() => unwrap(api.GET('/api/assessment/schemes/versions', { params })), [planId, year]);
  if (current.error) {
    return <ErrorResult error={current.error} onRetry={current.reload} />;
  }
  if (!current.data) {
    return <PageLoading />;
  }
  const saved = () => {
    current.reload();
    versions.reload();
  };
  const columns: TableColumnsType<SchemeView> = [
    { title: t('assessment.version'), dataIndex: 'version', width: 90 },
    {
      title: t('assessment.weights'),
      key: 'weights',
      render: (_, v) =>
        t('assessment.weightsSummary', {
          timeliness: v.scheme.weights.timeliness,
          completion: v.scheme.weights.completion,
          reviewQuality: v.scheme.weights.reviewQuality,
          indicators: v.scheme.weights.indicators,
        }),
    },
    { title: t('assessment.bonusCap'), key: 'bonusCap', width: 110, render: (_, v) => v.scheme.bonusCap },
    {
      title: t('assessment.savedBy'),
      dataIndex: 'createdBy',
      width: 140,
      render: (by: string | null) => (by ? actorName(by, t) : '—'),
    },
    { title: t('assessment.savedAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
  ];
  return (
    <>
      <Card
        className="page-section"
        title={
          <Typography.Title level={3} className="card-title">
            {current.data.isDefault
              ? t('assessment.schemeDefault')
              : t('assessment.schemeCurrent', { version: current.data.version ?? 0 })}
          </Typography.Title>
        }
      >
        <SchemeForm
          key={`${planId}-${year}-${current.data.version ?? 0}`}
          planId={planId}
          year={year}
          scheme={current.data.scheme}
          editable={hasRole(user.role, OFFICE_ROLES)}
          onSaved={saved}
        />
      </Card>
      <Card
        className="page-section"
        title={
          <Typography.Title level={3} className="card-title">
            {t('assessment.schemeVersions')}
          </Typography.Title>
        }
      >
        <Table<SchemeView>
          rowKey={(v) => v.version ?? 0}
          size="small"
          columns={columns}
          dataSource={versions.data}
          loading={versions.loading}
          locale={{ emptyText: t('assessment.noSchemeVersions') }}
          pagination={false}
        />
      </Card>
    </>
  );
}
