import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Task } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { TaskUnits } from './task-units';

export function hasUnresolvedUnit(task: Task): boolean {
  return [...task.lead, ...task.participants].some((unit) => unit.unitId === null);
}

interface Props {
  tasks: Task[];
  unitNames: Map<number, string>;
  caption: string;
}

/** The plan's tasks; rows with a unit not yet mapped are highlighted. */
export function TaskTable({ tasks, unitNames, caption }: Props) {
  const t = useT();
  const columns: TableColumnsType<Task> = [
    { title: t('task.ref'), dataIndex: 'ref', width: 110 },
    {
      title: t('task.title'),
      dataIndex: 'title',
      render: (_, task) => (
        <Typography.Paragraph className="task-title" ellipsis={{ rows: 3, expandable: true, symbol: t('common.more') }}>
          {task.title}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('task.lead'),
      key: 'lead',
      width: 220,
      render: (_, task) => <TaskUnits units={task.lead} unitNames={unitNames} />,
    },
    {
      title: t('task.participants'),
      key: 'participants',
      width: 260,
      render: (_, task) => <TaskUnits units={task.participants} unitNames={unitNames} />,
    },
    {
      title: t('task.deadlines'),
      key: 'deadlines',
      width: 160,
      render: (_, task) => task.deadlines.map((deadline) => <div key={deadline.raw}>{deadline.raw}</div>),
    },
  ];
  return (
    <Table<Task>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={tasks}
      caption={<span className="visually-hidden">{caption}</span>}
      rowClassName={(task) => (hasUnresolvedUnit(task) ? 'row-unresolved' : '')}
      pagination={{ defaultPageSize: 20, showSizeChanger: true }}
      scroll={{ x: 900 }}
    />
  );
}
