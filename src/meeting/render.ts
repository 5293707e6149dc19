import { inertLine, safeUrl } from '../core/text.js';
import { ircLines } from '../gate/render.js';
import { summaryLines } from '../priorities/render.js';
import type { MeetingSection, MeetingSectionId, MeetingView } from './plan.js';

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

/** IRC has no escaping: one inert line, bounded (IRC colour/bold codes are control characters too). */
function irc(text: string, max = 300): string {
  return inertLine(text, max).replace(/\s+/g, ' ');
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
    `#info ${irc(cycleLine(v))}`,
  ];
  const link = safeUrl(v.scheduleUrl);
  if (link) out.push(`#link ${link}`);
  if (v.deadlines.length === 0) out.push('#info No deadlines in the next 3 weeks');
  for (const e of v.deadlines)
    out.push(
      `#info ${e.date} ${e.week ?? ''}: ${irc(e.title)}${e.scope === 'team' ? ' (team)' : ''}`.replace(
        / +:/,
        ':',
      ),
    );
  for (const s of v.sections) {
    const lines = sectionLines(s);
    if (!s.available && lines.length === 0) {
      out.push(`#info ${sectionTitle(s)}: ${irc(s.note ?? 'not available')}`);
      continue;
    }
    out.push(`#info ${sectionTitle(s)}${s.note ? ` (${irc(s.note, 120)})` : ''}:`);
    for (const l of lines) out.push(`#info ${irc(l)}`);
  }
  for (const i of v.checklist.overdue)
    out.push(
      `#action ${irc(i.ownerPeople.join(', ') || i.owner)}: ${irc(i.title)} (overdue since ${i.due})`,
    );
  for (const i of v.checklist.due)
    out.push(`#info Due ${i.due}: ${irc(i.title)} [${irc(i.ownerPeople.join(', ') || i.owner)}]`);
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
  return out.join('\n');
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
