/**
 * A piece of SQL with its positional parameters. Values interpolated into `sql` become `?` placeholders, which
 * both drivers (better-sqlite3 and mysql2) bind; fragments interpolated into it are spliced in with their own
 * parameters, in order. Nothing a caller passes is ever concatenated into the text.
 */
export class Fragment {
  constructor(
    readonly text: string,
    readonly params: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((value, index) => {
    if (value instanceof Fragment) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[index + 1];
  });
  return new Fragment(text, params);
}

/** Trusted SQL text (column names, fixed keywords), never user input. */
export function raw(text: string): Fragment {
  return new Fragment(text, []);
}

export function join(fragments: readonly Fragment[], separator: string): Fragment {
  return new Fragment(
    fragments.map((f) => f.text).join(separator),
    fragments.flatMap((f) => f.params),
  );
}

/** `a AND b AND …`, or `1 = 1` when there is nothing to require. */
export function and(fragments: ReadonlyArray<Fragment | null>): Fragment {
  const present = fragments.filter((f): f is Fragment => f !== null);
  return present.length === 0 ? raw('1 = 1') : join(present, ' AND ');
}

/** `(?, ?, …)`; an empty list becomes `(NULL)`, which matches nothing. */
export function inList(values: readonly unknown[]): Fragment {
  return values.length === 0 ? raw('(NULL)') : new Fragment(`(${values.map(() => '?').join(', ')})`, values);
}

export { dbTime } from '@app/core';
