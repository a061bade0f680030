import type { components } from '../../api/schema';
import type { Translate } from '../../i18n/i18n';

type Schemas = components['schemas'];

export type Circular = Schemas['CircularView'];
export type CircularUnit = Schemas['CircularUnitView'];
export type CircularItem = Schemas['CircularItemView'];

/** `2026-10` → 2026年10月, `2026-Q3` → 2026年第3季度 (and their English forms). */
export function periodLabel(period: string, t: Translate): string {
  const [year, part] = period.split('-');
  if (part?.startsWith('Q')) {
    return t('circular.quarter', { year, quarter: part.slice(1) });
  }
  return t('circular.month', { year, month: Number(part) });
}

/** The .docx of a circular, downloaded with the session cookie. */
export function circularDocumentUrl(id: number): string {
  return `/api/exports/circulars/${id}/document`;
}
