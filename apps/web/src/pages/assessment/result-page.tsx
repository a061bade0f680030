import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { DueCountdown } from '../../components/due-countdown';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { Link, useRouter } from '../../router/router';
import { hasRole, OFFICE_ROLES, PLAN_READER_ROLES, UNIT_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { formatDateTime } from '../../time/format';
import { AdjustmentForm } from './adjustment-form';
import { AppealSection } from './appeal-section';
import { AppealStatusTag, GradeTag, RunStatusTag } from './assessment-tags';
import type { Adjustment, Appeal, ResultDetail } from './assessment-types';
import { formatPoints, signedPoints } from './assessment-types';
import { TraceTable } from './trace-table';

/**
 * One unit's result: total, grade and rank, every point's trace, and what may be done with it: the office adjusts
 * (draft, released) or corrects (published: a new version); the unit appeals while the window is open.
 */
export function ResultPage({ id }: { id: number }) {
  const user = useUser();
  const { navigate } = useRouter();
  const detail = useAsync(() => unwrap(api.GET('/api/assessment/results/{id}', { params: { path: { id } } })), [id]);
  if (detail.error) {
    return <ErrorResult error={detail.error} onRetry={detail.reload} />;
  }
  if (!detail.data) {
    return <PageLoading />;
  }
  const data = detail.data;
  const office = hasRole(user.role, OFFICE_ROLES);
  const ownUnit = hasRole(user.role, UNIT_ROLES) && user.unitId === data.unitId;
  const changeable = office && data.isCurrent && data.scored;
  return (
    <section aria-labelledby="result-title">
      <ResultHeader detail={data} />
      <ResultFacts detail={data} />
      <TraceSection detail={data} linkTasks={hasRole(user.role, PLAN_READER_ROLES)} />
      {changeable && data.run.status !== 'published' && (
        <AdjustmentForm resultId={data.id} mode="adjust" onDone={detail.reload} />
      )}
      {changeable && data.run.status === 'published' && (
        <AdjustmentForm resultId={data.id} mode="correct" onDone={(next) => navigate(`/assessment/results/${next}`)} />
      )}
      {ownUnit && data.run.status === 'released' && data.isCurrent && (
        <AppealSection detail={data} onFiled={detail.reload} />
      )}
      <AppealList appeals={data.appeals} />
      <AdjustmentList adjustments={data.adjustmentRecords} />
      <VersionList detail={data} />
    </section>
  );
}

function ResultHeader({ detail }: { detail: ResultDetail }) {
  const t = useT();
  const current = detail.versions.find((v) => v.isCurrent);
  return (
    <>
      <div className="page-heading">
        <Typography.Title level={2} id="result-title">
          {t('assessment.resultTitle', { unit: detail.unitName, year: detail.run.year })}
        </Typography.Title>
        <Space wrap>
          <RunStatusTag status={detail.run.status} />
          {detail.versions.length > 1 && (
            <Tag color="purple">{t('assessment.versionN', { version: detail.version })}</Tag>
          )}
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{detail.run.planTitle}</Typography.Paragraph>
      {!detail.isCurrent && current && (
        <Alert
          type="warning"
          showIcon
          className="page-section"
          title={t('assessment.supersededVersion', { version: detail.version })}
          description={
            <Link to={`/assessment/results/${current.id}`}>
              {t('assessment.openCurrentVersion', { version: current.version })}
            </Link>
          }
        />
      )}
    </>
  );
}

function ResultFacts({ detail }: { detail: ResultDetail }) {
  const t = useT();
  const run = detail.run;
  return (
    <>
      {!detail.scored && <Alert type="info" showIcon className="page-section" title={detail.note} />}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 4 }}
        className="page-section"
        items={[
          {
            key: 'total',
            label: t('assessment.total'),
            children: <strong className="result-total">{formatPoints(detail.total)}</strong>,
          },
          { key: 'grade', label: t('assessment.grade'), children: <GradeTag grade={detail.grade} /> },
          {
            key: 'rank',
            label: t('assessment.rank'),
            children:
              detail.rank === null
                ? '—'
                : t('assessment.rankOf', { rank: detail.rank, size: detail.groupSize, group: detail.groupLabel }),
          },
          {
            key: 'scheme',
            label: t('assessment.schemeVersion'),
            children: t('assessment.versionN', { version: detail.schemeVersion }),
          },
          { key: 'computed', label: t('assessment.computedAt'), children: formatDateTime(detail.computedAt) },
          { key: 'deductions', label: t('assessment.deductionsShort'), children: signedPoints(detail.deductions) },
          { key: 'bonus', label: t('assessment.bonus'), children: signedPoints(detail.bonus) },
          { key: 'adjustments', label: t('assessment.adjustments'), children: signedPoints(detail.adjustments) },
          {
            key: 'deadline',
            label: t('assessment.appealDeadline'),
            span: 'filled',
            children:
              run.status === 'released' && run.appealDeadline ? (
                <DueCountdown dueAt={run.appealDeadline} prefix="" />
              ) : (
                formatDateTime(run.appealDeadline)
              ),
          },
        ]}
      />
    </>
  );
}

function TraceSection({ detail, linkTasks }: { detail: ResultDetail; linkTasks: boolean }) {
  const t = useT();
  return (
    <Card
      className="page-section"
      title={
        <Typography.Title level={3} className="card-title">
          {t('assessment.trace')}
        </Typography.Title>
      }
    >
      <TraceTable detail={detail} linkTasks={linkTasks} />
    </Card>
  );
}

function AppealList({ appeals }: { appeals: Appeal[] }) {
  const t = useT();
  if (appeals.length === 0) {
    return null;
  }
  const columns: TableColumnsType<Appeal> = [
    { title: t('assessment.filedAt'), dataIndex: 'filedAt', width: 150, render: formatDateTime },
    {
      title: t('assessment.appealText'),
      dataIndex: 'text',
      render: (text: string, appeal) => (
        <>
          <Typography.Paragraph className="appeal-text">{text}</Typography.Paragraph>
          {appeal.attachments.length > 0 && (
            <Typography.Text type="secondary">
              {t('assessment.appealEvidenceList', { items: appeal.attachments.join('、') })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('assessment.statusLabel'),
      dataIndex: 'status',
      width: 100,
      render: (status: Appeal['status']) => <AppealStatusTag status={status} />,
    },
    { title: t('assessment.decisionReason'), dataIndex: 'decisionReason', render: (r: string | null) => r ?? '—' },
  ];
  return (
    <RecordsTable<Appeal>
      titleId="appeal-list-title"
      title={t('assessment.appealRecords')}
      columns={columns}
      rows={appeals}
    />
  );
}

const ADJUSTMENT_KINDS: Record<string, MessageKey> = {
  adjustment: 'assessment.component.adjustment',
  appeal: 'assessment.component.appeal',
  correction: 'assessment.component.correction',
};

function AdjustmentList({ adjustments }: { adjustments: Adjustment[] }) {
  const t = useT();
  if (adjustments.length === 0) {
    return null;
  }
  const columns: TableColumnsType<Adjustment> = [
    {
      title: t('assessment.adjustmentKind'),
      dataIndex: 'kind',
      width: 130,
      render: (kind: string) => (ADJUSTMENT_KINDS[kind] ? t(ADJUSTMENT_KINDS[kind]) : kind),
    },
    { title: t('assessment.points'), dataIndex: 'points', width: 90, align: 'right', render: signedPoints },
    { title: t('assessment.adjustReason'), dataIndex: 'reason' },
    {
      title: t('assessment.version'),
      dataIndex: 'resultVersion',
      width: 90,
      render: (version: number) => t('assessment.versionN', { version }),
    },
    { title: t('assessment.savedAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
  ];
  return (
    <RecordsTable<Adjustment>
      titleId="adjustment-list-title"
      title={t('assessment.adjustmentRecords')}
      columns={columns}
      rows={adjustments}
    />
  );
}

/** A titled card holding one small table of records (appeals, adjustments), the table named by its title. */
function RecordsTable<T extends { id: number }>({
  titleId,
  title,
  columns,
  rows,
}: {
  titleId: string;
  title: string;
  columns: TableColumnsType<T>;
  rows: T[];
}) {
  return (
    <Card
      className="page-section"
      title={
        <Typography.Title level={3} className="card-title" id={titleId}>
          {title}
        </Typography.Title>
      }
    >
      <Table<T>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        aria-labelledby={titleId}
        pagination={false}
      />
    </Card>
  );
}

function VersionList({ detail }: { detail: ResultDetail }) {
  const t = useT();
  if (detail.versions.length < 2) {
    return null;
  }
  return (
    <Card
      className="page-section"
      title={
        <Typography.Title level={3} className="card-title">
          {t('assessment.versions')}
        </Typography.Title>
      }
    >
      <ul className="plain-list">
        {detail.versions.map((version) => (
          <li key={version.id}>
            <Link to={`/assessment/results/${version.id}`}>
              {t('assessment.versionN', { version: version.version })}
            </Link>
            {'：'}
            {t('assessment.versionLine', {
              total: formatPoints(version.total),
              state: version.isCurrent
                ? t('assessment.versionCurrent')
                : t('assessment.versionSuperseded', { time: formatDateTime(version.supersededAt) }),
            })}
          </li>
        ))}
      </ul>
    </Card>
  );
}
