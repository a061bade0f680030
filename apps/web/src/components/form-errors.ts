import type { FormInstance } from 'antd';
import { asApiError } from '../api/errors';

type NamePath = string | (string | number)[];

/**
 * The form fields an API refusal may name: a list of names the API and the form share, or a function that maps the
 * API's name (`indicatorValues[0].value`) to the form's (`['indicators', 7]`), undefined for names it does not have.
 */
export type FieldMap = string[] | ((apiField: string) => NamePath | undefined);

/**
 * Shows an API refusal at the fields it names. Reasons for fields the form does not have, or a refusal that names
 * no field, go to `fallbackField` when given; otherwise they are returned for the page to show above the form.
 */
export function showApiErrors<T>(
  form: FormInstance<T>,
  error: unknown,
  fields: FieldMap,
  fallbackField?: string,
): string | null {
  const apiError = asApiError(error);
  const resolve = typeof fields === 'function' ? fields : (name: string) => (fields.includes(name) ? name : undefined);
  const placed: Array<{ name: NamePath; errors: string[] }> = [];
  const leftover: string[] = [];
  for (const [name, reasons] of Object.entries(apiError.fields)) {
    const field = resolve(name);
    if (field !== undefined) {
      placed.push({ name: field, errors: reasons });
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
