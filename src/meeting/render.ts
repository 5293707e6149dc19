import type { MeetingView } from './read.js';
import { actionTitle, actionWhen, URGENT } from '../actions/render.js';

/** IRC has no escaping: one printable line (control characters become spaces). */
function irc(text: string): string {
  const printable = Array.from(text, (ch) =>
    ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? ' ' : ch,
  ).join('');
  return printable.replace(/\s+/g, ' ').trim();
}

/** Longest line we send: IRC messages end at 512 bytes with the prefix. */
const IRC_LINE = 380;

/**
 * `prefix text` as meeting-bot lines: nothing is cut — a long text goes on
 * in `#info` lines, broken between words.
 */
function ircLines(prefix: string, text: string): string[] {
  const words = irc(text).split(' ');
  const out: string[] = [];
  let line = prefix;
  for (const w of words) {
    if (line.length + 1 + w.length > IRC_LINE && line !== prefix && line !== '#info …') {
      out.push(line);
      line = '#info …';
    }
    line += ` ${w}`;
  }
  out.push(line);
  return out;
}

function md(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function cycleLine(v: MeetingView): string {
  const id = v.series.releaseId ? ` (${v.series.releaseId})` : '';
  const release = v.series.releaseDate ? `, release on ${v.series.releaseDate}` : '';
  const next = v.phase.before ? `; next: ${v.phase.before.title} on ${v.phase.before.date}` : '';
  return `${cap(v.series.name)}${id}: week ${v.week}${release}${next}`;
}

/** Lines for the meeting bot: #topic / #info / #link, one fact a line. */
export function renderMeetingIrc(v: MeetingView): string {
  const out = [
    `#topic Release status (${v.team}, ${v.series.name} ${v.week})`,
    ...ircLines('#info', cycleLine(v)),
    `#link ${v.scheduleUrl}`,
  ];
  // said first: what the release process asks now, with the command to run
  const owners = v.actionOwners.join(', ') || 'team';
  const urgent = v.actions.filter((a) => URGENT.includes(a.state));
  if (urgent.length === 0) out.push('#info No release action due now');
  for (const a of urgent)
    out.push(
      ...ircLines(
        `#action ${owners}:`,
        `${a.deliverable} ${actionTitle(a)} ${a.state}, ${actionWhen(a)}${a.command ? `: ${a.command}` : ''} (${a.evidence})`,
      ),
    );
  if (v.olderOverdue > 0)
    out.push(
      `#info ${v.olderOverdue} release action${v.olderOverdue === 1 ? ' is' : 's are'} overdue for more than two weeks: liaison brief`,
    );
  for (const a of v.actions.filter((x) => x.state === 'open'))
    out.push(...ircLines('#info Open:', `${a.deliverable} ${actionTitle(a)}, ${actionWhen(a)}`));
  for (const a of v.actions.filter((x) => x.state === 'upcoming'))
    out.push(...ircLines('#info Coming:', `${a.deliverable} ${actionTitle(a)}, ${actionWhen(a)}`));
  if (v.deadlines.length === 0) out.push('#info No deadlines in the next 3 weeks');
  for (const e of v.deadlines)
    out.push(
      ...ircLines(
        `#info ${e.date}${e.week ? ` ${e.week}` : ''}:`,
        `${e.title}${e.scope === 'team' ? ' (team)' : ''}`,
      ),
    );
  for (const s of v.sections) {
    if (!s.available && s.lines.length === 0) {
      out.push(...ircLines(`#info ${s.title}:`, s.note ?? 'not available'));
      continue;
    }
    out.push(...ircLines('#info', `${s.title}${s.note ? ` (${s.note})` : ''}:`));
    for (const l of s.lines) out.push(...ircLines('#info', l));
  }
  for (const i of v.checklist.overdue)
    out.push(
      ...ircLines(
        `#action ${i.ownerPeople.join(', ') || i.owner}:`,
        `${i.title} (overdue since ${i.due})`,
      ),
    );
  for (const i of v.checklist.due)
    out.push(
      ...ircLines(`#info Due ${i.due}:`, `${i.title} [${i.ownerPeople.join(', ') || i.owner}]`),
    );
  if (v.checklist.olderOpen > 0)
    out.push(
      `#info ${v.checklist.olderOpen} older checklist item${v.checklist.olderOpen === 1 ? ' is' : 's are'} not ticked: liaison checklist`,
    );
  return out.join('\n');
}

export function renderMeetingMarkdown(v: MeetingView): string {
  const out = [
    `## Release status — ${md(v.team)}, ${md(v.series.name)} ${v.week}`,
    '',
    md(cycleLine(v)),
    '',
    `Schedule: <${v.scheduleUrl}>`,
    '',
  ];
  out.push('### Release actions', '');
  if (v.actions.length === 0) out.push('- nothing due in the next two weeks');
  for (const a of v.actions)
    out.push(
      `- **${a.state}** ${md(`${a.deliverable}: ${actionTitle(a)}, ${actionWhen(a)}`)} — ${md(a.evidence)}` +
        (a.command && a.state !== 'upcoming' ? ` \`${a.command.replace(/`/g, "'")}\`` : ''),
    );
  if (v.olderOverdue > 0)
    out.push(`- ${v.olderOverdue} more overdue for more than two weeks (\`liaison brief\`)`);
  out.push('');
  out.push('### Deadlines in the next 3 weeks', '');
  if (v.deadlines.length === 0) out.push('- none');
  for (const e of v.deadlines)
    out.push(
      `- ${e.date} (${e.week ?? '-'}): ${md(e.title)}${e.scope === 'team' ? ' *(team)*' : ''}`,
    );
  for (const s of v.sections) {
    out.push('', `### ${s.title}`, '');
    if (s.note) out.push(`*${md(s.note)}*`, '');
    if (s.lines.length === 0 && !s.note) out.push('- nothing to report');
    for (const l of s.lines) out.push(`- ${md(l.replace(/^- /, ''))}`);
  }
  out.push('', '### Checklist', '');
  if (v.checklist.overdue.length + v.checklist.due.length === 0) out.push('- nothing due');
  for (const i of v.checklist.overdue)
    out.push(
      `- **overdue** since ${i.due}: ${md(i.title)} (${md(i.ownerPeople.join(', ') || i.owner)})`,
    );
  for (const i of v.checklist.due)
    out.push(`- due ${i.due}: ${md(i.title)} (${md(i.ownerPeople.join(', ') || i.owner)})`);
  if (v.checklist.olderOpen > 0)
    out.push(`- ${v.checklist.olderOpen} older items not ticked (\`liaison checklist\`)`);
  return out.join('\n');
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
