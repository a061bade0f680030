import { useCallback, useEffect, useState } from 'react';
import type { DependencyList } from 'react';
import { asApiError } from './errors';
import type { ApiError } from './errors';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Loads data for a page and reloads it on demand; a stale answer never overwrites a newer one. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  // The caller names the dependencies of `load`, as with useEffect.
  const stableLoad = useCallback(load, deps);

  useEffect(() => {
    let current = true;
    setLoading(true);
    stableLoad().then(
      (value) => {
        if (current) {
          setData(value);
          setError(undefined);
          setLoading(false);
        }
      },
      (reason: unknown) => {
        if (current) {
          setError(asApiError(reason));
          setLoading(false);
        }
      },
    );
    return () => {
      current = false;
    };
  }, [stableLoad, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
