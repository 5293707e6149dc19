import { table, type Colors } from '../core/terminal.js';
import { inertLine as t, safeUrl } from '../core/text.js';
import type { ScheduleView } from './plan.js';

export function renderScheduleText(v: ScheduleView, c: Colors): string {
  const id = v.series.releaseId ? `${v.series.releaseId} ` : '';
  const head = c.bold(t(`${id}${v.series.name} release schedule for ${v.team}`));
  const rows: string[][] = [['week', 'dates', 'events'].map((h) => c.dim(h))];
  for (const w of v.weeks) {
    const name = w.name ?? '';
    const dates = `${w.start}…${w.end.slice(5)}`;
    const marker = w.current ? c.green('▶ ') : '  ';
    const events = w.events.map((e) => {
      const title =
        e.scope === 'cross-project'
          ? t(e.title)
          : c.cyan(t(e.title + (e.team && e.scope === 'project-specific' ? ` (${e.team})` : '')));
      const day = e.date.slice(5);
      return (
        `${title} ${c.dim(day)}` + (e.owner && e.owner !== 'team' ? c.dim(` [${t(e.owner)}]`) : '')
      );
    });
    rows.push([marker + name, dates, events.join('; ')]);
  }
  return [head, c.dim(safeUrl(v.url) ?? ''), '', table(rows)].join('\n');
}
