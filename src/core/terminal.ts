import { createRequire } from 'node:module';
import type Picocolors from 'picocolors';

// required as the CommonJS module it is: imported through Node's ESM loader,
// a CommonJS package costs a lexer pass (and the lexer's start-up) at every run
const pc = createRequire(import.meta.url)('picocolors') as typeof Picocolors;

/** The colours a text renderer may use; plain (identity functions) when colour is off. */
export type Colors = ReturnType<typeof pc.createColors>;

/** Colours on or off; the command decides (terminal, NO_COLOR, FORCE_COLOR). */
export function createColors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}

/** A plain-text table with left-aligned columns (colour codes ignored for widths). */
export function table(rows: readonly (readonly string[])[], indent = ''): string {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes are not visible width
  const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').length;
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visible(cell))));
  return rows
    .map((row) =>
      (
        indent +
        row
          .map((cell, i) =>
            i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visible(cell)),
          )
          .join('  ')
      ).trimEnd(),
    )
    .join('\n');
}
