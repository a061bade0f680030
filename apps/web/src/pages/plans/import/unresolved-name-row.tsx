import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import type { UnresolvedName } from '../../../api/types';
import { useT } from '../../../i18n/i18n';
import { UnitPicker } from './unit-picker';

interface Props {
  name: UnresolvedName;
  mapping: boolean;
  onMap: (unitId: number) => void;
  onCreate: () => void;
}

/** One name the importer could not resolve: pick its unit, or create one. */
export function UnresolvedNameRow({ name, mapping, onMap, onCreate }: Props) {
  const t = useT();
  const [picked, setPicked] = useState<number>();
  // The best candidate is preselected; candidates can appear later, when mapping another name taught an alias.
  const unitId = picked ?? name.candidates[0]?.id;
  return (
    <li>
      <Card size="small" className="unresolved-row">
        <div className="unresolved-name">
          <Typography.Text strong>{name.rawName}</Typography.Text>
          <Typography.Text type="secondary">{t('review.inTasks', { count: name.taskIds.length })}</Typography.Text>
        </div>
        <Space wrap className="unresolved-actions">
          <UnitPicker name={name} value={unitId} onChange={setPicked} />
          <Button
            type="primary"
            disabled={unitId === undefined}
            loading={mapping}
            onClick={() => unitId !== undefined && onMap(unitId)}
          >
            {t('review.map')}
          </Button>
          <Button type="link" onClick={onCreate}>
            {t('review.createUnit')}
          </Button>
        </Space>
      </Card>
    </li>
  );
}
