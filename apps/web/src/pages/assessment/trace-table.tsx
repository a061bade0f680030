import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useT } from '../../i18n/i18n';
import type { Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { Link } from '../../router/router';
import type { ResultDetail, TraceLine, TraceRefLabel } from './assessment-types';
import { formatPoints, signedPoints } from './assessment-types';

const CATEGORY: Record<TraceLine['category'], { color: string; label: MessageKey }> = {
  component: { color: 'blue', label: 'assessment.category.component' },
  deduction: { color: 'red', label: 'assessment.category.deduction' },
  bonus: { color: 'green', label: 'assessment.category.bonus' },
  adjustment: { color: 'purple', label: 'assessment.category.adjustment' },
  floor: { color: 'default', label: 'assessment.category.floor' },
};

const cents = (points: number) => Math.round(points * 100);

/** Lines have no id of their own; two adjustments may read alike, so a line is keyed by its place. */
type PositionedLine = TraceLine & { position: number };

/**
 * 得分明细: every line of the unit's score with its reason and the records behind it (the late report, the warning,
 * the case…), and the check that the lines add up to the total.
 */
export function TraceTable({ detail, linkTasks }: { detail: ResultDetail; linkTasks: boolean }) {
  const t = useT();
  const labels = new Map(detail.refLabels.map((ref) => [`${ref.type}:${ref.id}`, ref]));
  const sumCents = detail.trace.reduce((sum, line) => sum + cents(line.points), 0);
  const totalCents = cents(detail.total ?? 0);
  const addsUp = sumCents === totalCents;
  const columns: TableColumnsType<PositionedLine> = [
    {
      title: t('assessment.traceItem'),
      dataIndex: 'component',
      width: 170,
      render: (component: string, line) => (
        <>
          <Tag color={CATEGORY[line.category].color}>{t(CATEGORY[line.category].label)}</Tag>
          {componentLabel(component, t)}
        </>
      ),
    },
    {
      title: t('assessment.points'),
      dataIndex: 'points',
      width: 90,
      align: 'right',
      render: (points: number, line) => (line.category === 'component' ? formatPoints(points) : signedPoints(points)),
    },
    { title: t('assessment.traceReason'), dataIndex: 'reason' },
    {
      title: t('assessment.traceRefs'),
      key: 'refs',
      width: 420,
      render: (_, line) => <TraceRefs line={line} labels={labels} planId={detail.run.planId} linkTasks={linkTasks} />,
    },
  ];
  return (
    <Table<PositionedLine>
      rowKey="position"
      size="small"
      columns={columns}
      dataSource={detail.trace.map((line, position) => ({ ...line, position }))}
      scroll={{ x: 1000 }}
      caption={<span className="visually-hidden">{t('assessment.trace')}</span>}
      locale={{ emptyText: detail.note ?? t('assessment.noTrace') }}
      pagination={false}
      summary={() =>
        detail.trace.length > 0 && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('assessment.traceSum')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong>{formatPoints(sumCents / 100)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={2}>
              {addsUp ? (
                <Typography.Text type="success">
                  <CheckCircleOutlined aria-hidden /> {t('assessment.addsUp', { total: formatPoints(detail.total) })}
                </Typography.Text>
              ) : (
                <Typography.Text type="danger">
                  <WarningOutlined aria-hidden /> {t('assessment.doesNotAddUp', { total: formatPoints(detail.total) })}
                </Typography.Text>
              )}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )
      }
    />
  );
}

const COMPONENTS = new Set([
  'timeliness',
  'completion',
  'reviewQuality',
  'indicators',
  'yellowWarnings',
  'redWarnings',
  'progressLagWarnings',
  'supervisionCases',
  'interviews',
  'deductionCap',
  'bonus',
  'bonusCap',
  'adjustment',
  'appeal',
  'correction',
  'floor',
]);

function componentLabel(component: string, t: Translate): string {
  return COMPONENTS.has(component) ? t(`assessment.component.${component}` as MessageKey) : component;
}

interface RefsProps {
  line: TraceLine;
  labels: Map<string, TraceRefLabel>;
  planId: number;
  linkTasks: boolean;
}

/** The records behind one line, each linked to its page where there is one. */
function TraceRefs({ line, labels, planId, linkTasks }: RefsProps) {
  const t = useT();
  const shown = line.refs.filter((ref) => labels.has(`${ref.type}:${ref.id}`));
  if (shown.length === 0) {
    return <>—</>;
  }
  return (
    <ul className="plain-list">
      {shown.map((ref) => {
        const known = labels.get(`${ref.type}:${ref.id}`) as TraceRefLabel;
        const to = pathOf(known, planId, linkTasks);
        const text = `${t(`assessment.ref.${known.type}` as MessageKey)}：${known.label}`;
        return <li key={`${ref.type}:${ref.id}`}>{to ? <Link to={to}>{text}</Link> : text}</li>;
      })}
    </ul>
  );
}

function pathOf(ref: TraceRefLabel, planId: number, linkTasks: boolean): string | null {
  switch (ref.type) {
    case 'obligation':
      return `/obligations/${ref.id}`;
    case 'submission':
      return ref.obligationId === null ? null : `/obligations/${ref.obligationId}`;
    case 'case':
      return `/supervision-cases/${ref.id}`;
    case 'interview':
      return `/interviews/${ref.id}`;
    case 'warning':
      return '/warnings';
    case 'task':
    case 'indicator':
      return linkTasks ? `/plans/${planId}` : null;
    default:
      return null;
  }
}
