import { seriesTitle } from '../data/releases/series.js';
import {
  dayText,
  type CountdownAction,
  type CountdownDeadline,
  type CountdownView,
} from './plan.js';

export type CountdownFormat = 'text' | 'md';

/** Section headings, as in the release team's countdown e-mails. */
export const HEADINGS = {
  focus: 'Development Focus',
  general: 'General Information',
  actions: 'Actions',
  deadlines: 'Upcoming Deadlines & Dates',
  teams: 'Teams with release actions due',
} as const;

/** The e-mail: plain text with underlined headings, or Markdown. */
export function renderCountdown(view: CountdownView, format: CountdownFormat): string {
  const out: string[] = [];
  const heading = (title: string) => {
    if (format === 'md') out.push(`## ${title}`, '');
    else out.push(title, '-'.repeat(title.length), '');
  };
  if (format === 'md') out.push(`# ${mdText(view.subject)}`, '');
  else out.push(`Subject: ${view.subject}`, '');
  const prose = (p: string) =>
    format === 'md'
      ? p
          .split('\n')
          .map((l) => (l.startsWith('* ') ? `- ${mdText(l.slice(2))}` : mdText(l)))
          .join('\n')
      : p
          .split('\n')
          .map((l) => wrap(l, l.startsWith('* ') ? '  ' : ''))
          .join('\n');
  const block = (key: 'focus' | 'general' | 'actions', paragraphs: readonly string[]) => {
    if (paragraphs.length === 0 && key === 'actions') return;
    heading(HEADINGS[key]);
    for (const p of paragraphs) out.push(prose(p), '');
    if (paragraphs.length === 0) out.push('Nothing to add this week.', '');
  };
  block('focus', view.focus);
  block('general', view.general);
  block('actions', view.actions);

  heading(HEADINGS.deadlines);
  if (view.deadlines.length === 0) out.push('No dated events left in this cycle.');
  for (const d of view.deadlines)
    out.push(
      format === 'md'
        ? `- ${deadlineLine(view, d, format)}`
        : wrap(deadlineLine(view, d, format), '  '),
    );
  out.push('');

  heading(HEADINGS.teams);
  if (view.teams === null) out.push('The release actions of the teams could not be computed.');
  else if (view.teams.length === 0)
    out.push('No team has a release action due or overdue this week.');
  else {
    for (const t of view.teams) {
      const name = format === 'md' ? `**${mdText(t.name)}**` : t.name;
      const parts = [
        t.overdue.length
          ? `overdue: ${t.overdue.map((a) => actionText(a, format)).join(', ')}`
          : '',
        t.due.length ? `due: ${t.due.map((a) => actionText(a, format)).join(', ')}` : '',
      ].filter(Boolean);
      const line = `${format === 'md' ? '- ' : '* '}${name}: ${parts.join('; ')}`;
      out.push(format === 'md' ? line : wrap(line, '  '));
    }
  }
  out.push('');
  for (const n of view.notes) out.push(format === 'md' ? `> ${mdText(n)}` : `note: ${n}`);
  return out.join('\n').replace(/\n+$/, '\n');
}

function deadlineLine(view: CountdownView, d: CountdownDeadline, format: CountdownFormat): string {
  const when = d.endDate ? `${dayText(d.date)} to ${dayText(d.endDate)}` : dayText(d.date);
  const week =
    d.week && !d.endDate
      ? d.series === view.series.name
        ? ` (${d.week} week)`
        : ` (${seriesTitle(d.series)} ${d.week})`
      : '';
  const title = format === 'md' ? mdText(d.title) : d.title;
  return `${title}: ${when}${week}${d.thisWeek ? ' - this week' : ''}`;
}

function actionText(a: CountdownAction, format: CountdownFormat): string {
  const id = format === 'md' ? `\`${a.id.replace(/`/g, "'")}\`` : a.id;
  return `${id} (${a.window.start} to ${a.window.end}${a.asOf ? `, as of the data of ${a.asOf}` : ''})`;
}

/** Text from data into Markdown: characters that would start markup are escaped. */
function mdText(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** Wraps a line at 72 columns (e-mail), continuation lines indented by `indent`. */
export function wrap(line: string, indent: string, width = 72): string {
  const words = line.split(' ');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && (cur + ' ' + w).length > width) {
      lines.push(cur);
      cur = indent + w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.join('\n');
}
