import { type Series, seriesId } from '../data/releases/series.js';

/**
 * Pure text edits of the post-final tasks. Each returns the new text and
 * touches only the value it changes, so the diff is one line.
 */

/** Placeholders of task templates for the cycle that `next` opens after `released`. */
export function taskValues(released: Series | undefined, next: Series): Record<string, string> {
  const nextId = seriesId(next);
  return {
    'next-id': nextId,
    'next-id_': nextId.replace('.', '_'),
    // a series beyond the data has no name yet: a task that needs it says so (planTask)
    ...(next.name ? { 'next-name': next.name } : {}),
    'series-id': released ? seriesId(released) : '',
    'series-name': released?.name ?? '',
  };
}

export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
): { ok: true; text: string } | { ok: false; error: string } {
  let error: string | undefined;
  const text = template.replace(/\{([a-z_-]+)\}/g, (all, key: string) => {
    const v = values[key];
    if (v === undefined) {
      error ??= `unknown placeholder ${all}; known: ${Object.keys(values)
        .map((k) => `{${k}}`)
        .join(' ')}`;
      return all;
    }
    return v;
  });
  return error ? { ok: false, error } : { ok: true, text };
}

export type ConstantEdit =
  | { status: 'missing' }
  | { status: 'same'; line: number; current: string }
  | { status: 'changed'; line: number; current: string; text: string };

/**
 * Sets a module-level string constant (`NAME = 'value'`, Python or shell
 * style, either quote) to `value`, keeping the quote style, spacing and any
 * trailing comment of its line.
 */
export function replaceConstant(text: string, constant: string, value: string): ConstantEdit {
  const re = new RegExp(`^(${escapeRe(constant)}\\s*=\\s*)(['"])([^'"\\n]*)\\2`, 'm');
  const m = re.exec(text);
  if (!m) return { status: 'missing' };
  const current = m[3] ?? '';
  const line = text.slice(0, m.index).split('\n').length;
  if (current === value) return { status: 'same', line, current };
  const quote = m[2] ?? "'";
  const replaced = `${m[1] ?? ''}${quote}${value}${quote}`;
  return {
    status: 'changed',
    line,
    current,
    text: text.slice(0, m.index) + replaced + text.slice(m.index + m[0].length),
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Specs approved for a cycle but not implemented: `.rst` files under the
 * approved folder whose name is not under the implemented folder (index
 * and template files stay).
 */
export function unimplementedSpecs(
  approved: readonly string[],
  implemented: readonly string[],
): string[] {
  const done = new Set(implemented.map(baseName));
  return approved.filter((p) => {
    const base = baseName(p);
    return (
      p.endsWith('.rst') && base !== 'index.rst' && !base.includes('template') && !done.has(base)
    );
  });
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
