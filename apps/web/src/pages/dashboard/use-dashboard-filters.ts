import { useCallback, useMemo } from 'react';
import { useRouter } from '../../router/router';

/** What every dashboard figure is cut by; undefined leaves the API's default (all plans, last month, this year). */
export interface DashboardFilters {
  planId?: number;
  /** The overview's reporting period (YYYY-MM). */
  period?: string;
  /** The span of the matrix, the trend and the league table (YYYY-MM). */
  from?: string;
  to?: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ID = /^[1-9]\d{0,9}$/;

function month(value: string | null): string | undefined {
  return value && MONTH.test(value) ? value : undefined;
}

/**
 * The filters live in the address (`/dashboard?planId=3&period=2026-11`), so a view can be bookmarked or sent on;
 * anything malformed there is ignored rather than sent to the API.
 */
export function useDashboardFilters(): [DashboardFilters, (change: Partial<DashboardFilters>) => void] {
  const { path, query, navigate } = useRouter();
  const planId = query.get('planId');
  const period = query.get('period');
  const from = query.get('from');
  const to = query.get('to');
  const filters = useMemo<DashboardFilters>(
    () => ({
      planId: planId && ID.test(planId) ? Number(planId) : undefined,
      period: month(period),
      from: month(from),
      to: month(to),
    }),
    [planId, period, from, to],
  );
  const change = useCallback(
    (next: Partial<DashboardFilters>) => {
      const merged = { ...filters, ...next };
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(merged)) {
        if (value !== undefined) {
          params.set(key, String(value));
        }
      }
      const search = params.toString();
      navigate(search ? `${path}?${search}` : path, { replace: true });
    },
    [filters, path, navigate],
  );
  return [filters, change];
}
