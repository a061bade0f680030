import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
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
  /** What the viewer may do with a task (the office: cancel it); no column without it. */
  actions?: (task: Task) => ReactNode;
}

/** The plan's tasks; rows with a unit not yet mapped are highlighted, cancelled and completed ones tagged. */
export function TaskTable({ tasks, unitNames, caption, actions }: Props) {
  const t = useT();
  const columns: TableColumnsType<Task> = [
    { title: t('task.ref'), dataIndex: 'ref', width: 110 },
    {
      title: t('task.title'),
      dataIndex: 'title',
      render: (_, task) => (
        <>
          {task.status !== 'active' && (
            <Tag color={task.status === 'cancelled' ? 'default' : 'green'}>
              {t(task.status === 'cancelled' ? 'task.status.cancelled' : 'task.status.completed')}
            </Tag>
          )}
          <Typography.Paragraph
            className="task-title"
            delete={task.status === 'cancelled'}
            ellipsis={{ rows: 3, expandable: true, symbol: t('common.more') }}
          >
            {task.title}
          </Typography.Paragraph>
        </>
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
  if (actions) {
    columns.push({
      title: t('task.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, task) => actions(task),
    });
  }
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
