import { cap, inertLine, safeUrl } from '../core/text.js';
import { ircLines } from '../gate/render.js';
import { summaryLines } from '../priorities/render.js';
import type { MeetingSection, MeetingSectionId, MeetingView } from './plan.js';
import { actionStateText, actionTitle, actionWhen, URGENT } from '../actions/render.js';

const SECTION_TITLES: Record<MeetingSectionId, string> = {
  'release-status': 'Release status and due releases',
  priorities: 'Cycle priorities',
  gate: 'Periodic jobs',
  bugs: 'RC bugs',
  goals: 'Community goals',
};

export function sectionTitle(s: MeetingSection): string {
  return SECTION_TITLES[s.id];
}

/** A section's facts as lines, the same for IRC and Markdown (each escapes them its way). */
export function sectionLines(s: MeetingSection): string[] {
  switch (s.id) {
    case 'release-status': {
      const lines = s.deliverables.map((d) => {
        const latest = d.latest
          ? `${d.latest.version}${d.latest.series ? ` (${d.latest.series})` : ''}`
          : 'never released';
        const due = d.due.map((x) => `${x.what}${x.by ? ` by ${x.by}` : ''}`).join('; ');
        return `${d.name}: ${latest}${due ? `; due: ${due}` : ''}`;
      });
      if (s.missedWindows > 0)
        lines.push(`${s.missedWindows} milestone window(s) without a library release`);
      return lines;
    }
    case 'priorities':
      return s.summary?.milestone ? summaryLines(s.summary) : [];
    case 'gate':
      return s.gate ? ircLines(s.gate) : [];
    case 'bugs':
      return s.counts
        ? [
            `${s.counts.rcCritical} release-critical (${s.rcTag ?? ''}), ${s.counts.targeted} targeted to the next milestone, ${s.counts.fixCommitted} fix committed`,
            ...s.rcBugs.map((b) => `#${b.id} ${b.title} (${b.project}, ${b.status}) ${b.url}`),
          ]
        : [];
    case 'goals':
      if (!s.available) return [];
      return s.goals.length
        ? s.goals.map((g) => `${g.title}: ${g.status}${g.owner ? ` (${g.owner})` : ''}`)
        : [`no community goals for ${s.series ?? 'the series'}`];
  }
}

/** IRC has no escaping: one inert line (IRC colour/bold codes are control characters too). */
function irc(text: string): string {
  return inertLine(text).replace(/\s+/g, ' ');
}

/** Longest line we send: an IRC message ends at 512 bytes with its prefix. */
const IRC_LINE = 380;

/**
 * `prefix text` as meeting-bot lines: nothing is cut — a long text goes on
 * in `#info …` lines, broken between words.
 */
function botLines(prefix: string, text: string): string[] {
  const out: string[] = [];
  let line = prefix;
  let fresh = true;
  for (const w of irc(text).split(' ')) {
    if (!fresh && line.length + 1 + w.length > IRC_LINE) {
      out.push(line);
      line = '#info …';
    }
    line += ` ${w}`;
    fresh = false;
  }
  out.push(line);
  return out;
}

function md(text: string): string {
  return inertLine(text)
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
    `#topic Release status (${irc(v.team)}, ${irc(v.series.name)} ${v.week})`,
    ...botLines('#info', cycleLine(v)),
  ];
  const link = safeUrl(v.scheduleUrl);
  if (link) out.push(`#link ${link}`);
  // said first: what the release process asks now, with the command to run
  const owners = v.actionOwners.join(', ') || 'team';
  const urgent = v.actions.filter((a) => URGENT.includes(a.state));
  if (urgent.length === 0) out.push('#info No release action due now');
  for (const a of urgent)
    out.push(
      ...botLines(
        `#action ${irc(owners)}:`,
        `${a.deliverable} ${actionTitle(a)} ${actionStateText(a)}, ${actionWhen(a)}${a.command ? `: ${a.command}` : ''} (${a.evidence})`,
      ),
    );
  if (v.olderOverdue > 0)
    out.push(
      `#info ${v.olderOverdue} release action${v.olderOverdue === 1 ? ' is' : 's are'} overdue for more than two weeks: liaison brief`,
    );
  for (const a of v.actions.filter((x) => x.state === 'open'))
    out.push(
      ...botLines(
        '#info Open:',
        `${a.deliverable} ${actionTitle(a)}, ${actionWhen(a)}${a.asOf ? ` (as of the data of ${a.asOf})` : ''}`,
      ),
    );
  for (const a of v.actions.filter((x) => x.state === 'upcoming'))
    out.push(...botLines('#info Coming:', `${a.deliverable} ${actionTitle(a)}, ${actionWhen(a)}`));
  if (v.deadlines.length === 0) out.push('#info No deadlines in the next 3 weeks');
  for (const e of v.deadlines)
    out.push(
      ...botLines(
        `#info ${e.date}${e.week ? ` ${e.week}` : ''}:`,
        `${e.title}${e.scope === 'team' ? ' (team)' : ''}`,
      ),
    );
  for (const s of v.sections) {
    const lines = sectionLines(s);
    if (!s.available && lines.length === 0) {
      out.push(...botLines(`#info ${sectionTitle(s)}:`, s.note ?? 'not available'));
      continue;
    }
    out.push(...botLines('#info', `${sectionTitle(s)}${s.note ? ` (${s.note})` : ''}:`));
    for (const l of lines) out.push(...botLines('#info', l));
  }
  for (const i of v.checklist.overdue)
    out.push(
      ...botLines(
        `#action ${irc(i.ownerPeople.join(', ') || i.owner)}:`,
        `${i.title} (overdue since ${i.due})`,
      ),
    );
  for (const i of v.checklist.due)
    out.push(
      ...botLines(`#info Due ${i.due}:`, `${i.title} [${i.ownerPeople.join(', ') || i.owner}]`),
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
  ];
  const link = safeUrl(v.scheduleUrl);
  if (link) out.push(`Schedule: <${link}>`, '');
  out.push('### Release actions', '');
  if (v.actions.length === 0) out.push('- nothing due in the next two weeks');
  for (const a of v.actions)
    out.push(
      `- **${actionStateText(a)}** ${md(`${a.deliverable}: ${actionTitle(a)}, ${actionWhen(a)}`)} — ${md(a.evidence)}` +
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
    const lines = sectionLines(s);
    out.push('', `### ${sectionTitle(s)}`, '');
    if (s.note) out.push(`*${md(s.note)}*`, '');
    if (lines.length === 0 && !s.note) out.push('- nothing to report');
    for (const l of lines) out.push(`- ${md(l.replace(/^- /, ''))}`);
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
