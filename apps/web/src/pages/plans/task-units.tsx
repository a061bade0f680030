import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { TaskUnit } from '../../api/types';
import { useT } from '../../i18n/i18n';

/** A task's lead or participating units; a name not yet mapped to a unit stands out in red. */
export function TaskUnits({ units, unitNames }: { units: TaskUnit[]; unitNames: Map<number, string> }) {
  const t = useT();
  if (units.length === 0) {
    return <span aria-label={t('common.none')}>—</span>;
  }
  return (
    <span className="task-units">
      {units.map((unit) =>
        unit.unitId === null ? (
          <Tag key={unit.rawName} color="error" icon={<ExclamationCircleOutlined />} className="unit-unresolved">
            {unit.rawName}
            <span className="visually-hidden">（{t('review.unresolvedTag')}）</span>
          </Tag>
        ) : (
          <Tag key={`${unit.rawName}-${unit.unitId}`} title={unit.rawName}>
            {unitNames.get(unit.unitId) ?? unit.rawName}
          </Tag>
        ),
      )}
    </span>
  );
}
