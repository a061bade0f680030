import { CheckOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import type { Assignment } from '../../api/types';
import { AcknowledgeStatusTag, AssignmentRoleTag } from '../../components/status-tags';
import { useNow } from '../../clock/server-clock';
import { useT } from '../../i18n/i18n';
import { daysUntil, formatDate, formatDateTime } from '../../time/format';

interface Props {
  assignment: Assignment;
  canAcknowledge: boolean;
  acknowledging: boolean;
  onAcknowledge: () => void;
}

export function AssignmentCard({ assignment, canAcknowledge, acknowledging, onAcknowledge }: Props) {
  const t = useT();
  const pending = assignment.status === 'pending';
  const days = daysUntil(assignment.acknowledgeDueAt, useNow());
  const titleId = `assignment-${assignment.id}-title`;
  return (
    <li>
      <Card size="small" className="assignment-card" aria-labelledby={titleId}>
        <Typography.Text type="secondary" className="assignment-plan">
          {assignment.planTitle}
        </Typography.Text>
        <Typography.Title level={3} className="assignment-title" id={titleId}>
          <span className="task-ref">{assignment.taskRef}</span> {assignment.taskTitle}
        </Typography.Title>
        <Space wrap size={[8, 4]}>
          <AssignmentRoleTag role={assignment.role} />
          <AcknowledgeStatusTag status={assignment.status} overdue={pending && days < 0} />
          <Typography.Text type="secondary">{assignment.unitName}</Typography.Text>
        </Space>
        <div className="assignment-foot">
          {pending ? (
            <Typography.Text type={days < 0 ? 'danger' : undefined}>
              {t('assignment.dueAt', { date: formatDate(assignment.acknowledgeDueAt) })}
              {days >= 0 ? t('assignment.daysLeft', { days }) : t('assignment.daysOverdue', { days: -days })}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">
              {t('assignment.acknowledgedAt', { time: formatDateTime(assignment.acknowledgedAt) })}
            </Typography.Text>
          )}
          {pending && canAcknowledge && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={acknowledging}
              onClick={onAcknowledge}
              aria-label={t('assignment.acknowledgeTask', { ref: assignment.taskRef })}
            >
              {t('assignment.acknowledge')}
            </Button>
          )}
        </div>
      </Card>
    </li>
  );
}
