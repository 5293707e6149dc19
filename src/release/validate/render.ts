import type { Colors } from '../../core/terminal.js';
import type { ValidateView } from './plan.js';

/** `file: [error] message (check)` lines, then a one-line summary. */
export function renderValidateText(view: ValidateView, c: Colors): string {
  const lines = view.findings.map((f) => {
    const level = f.level === 'error' ? c.red('[error]') : c.yellow('[warning]');
    return `${f.file}: ${level} ${f.message} ${c.dim(`(${f.check})`)}`;
  });
  for (const note of view.notes) lines.push(c.dim(`note: ${note}`));
  const verdict =
    view.errors > 0
      ? c.red(`${view.errors} error${view.errors === 1 ? '' : 's'}`)
      : c.green('0 errors');
  lines.push(
    `${view.files} file${view.files === 1 ? '' : 's'} checked: ${verdict}, ${view.warnings} warning${view.warnings === 1 ? '' : 's'} (current series ${view.currentSeries}${view.base ? `, new since ${view.base}` : ''})`,
  );
  return lines.join('\n');
}
