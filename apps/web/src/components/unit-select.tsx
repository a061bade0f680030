import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { api, unwrap } from '../api/client';
import { useAsync } from '../api/use-async';

type Props = Omit<SelectProps<number>, 'options' | 'showSearch' | 'loading'>;

/** Any unit in the user's reach, searched by name as one types; used inside a labelled Form.Item. */
export function UnitSelect(props: Props) {
  const units = useAsync(() => unwrap(api.GET('/api/units')), []);
  return (
    <Select<number>
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={units.loading}
      options={(units.data ?? [])
        .filter((unit) => unit.kind !== 'office')
        .map((unit) => ({ value: unit.id, label: unit.name }))}
    />
  );
}
