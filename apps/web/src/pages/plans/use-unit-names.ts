import type { DependencyList } from 'react';
import { api, unwrap } from '../../api/client';
import { useAsync } from '../../api/use-async';

/** Names of the units the user may see, to show a task's units by name; reloaded when `deps` change. */
export function useUnitNames(deps: DependencyList = []): Map<number, string> {
  const units = useAsync(() => unwrap(api.GET('/api/units')), deps);
  return new Map((units.data ?? []).map((unit) => [unit.id, unit.name]));
}
