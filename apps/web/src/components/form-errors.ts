import type { FormInstance } from 'antd';
import { asApiError } from '../api/errors';

/**
 * Shows an API refusal at the fields it names. Reasons for fields the form does not have, or a refusal that names
 * no field, go to `fallbackField` when given; otherwise they are returned for the page to show above the form.
 */
export function showApiErrors<T>(
  form: FormInstance<T>,
  error: unknown,
  fields: string[],
  fallbackField?: string,
): string | null {
  const apiError = asApiError(error);
  const placed: Array<{ name: string; errors: string[] }> = [];
  const leftover: string[] = [];
  for (const [name, reasons] of Object.entries(apiError.fields)) {
    if (fields.includes(name)) {
      placed.push({ name, errors: reasons });
    } else {
      leftover.push(...reasons.map((reason) => `${name}：${reason}`));
    }
  }
  const message = placed.length === 0 ? apiError.message : leftover.join('；');
  if (message && fallbackField && placed.every((entry) => entry.name !== fallbackField)) {
    placed.push({ name: fallbackField, errors: [message] });
    form.setFields(placed as Parameters<FormInstance<T>['setFields']>[0]);
    return null;
  }
  form.setFields(placed as Parameters<FormInstance<T>['setFields']>[0]);
  return message || null;
}
