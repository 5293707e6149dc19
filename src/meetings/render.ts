import type { MeetingConfig } from '../config/meetings.js';
import type { Occurrence } from './plan.js';

/** A release action as the release team meeting's agenda lists it. */
export interface AgendaAction {
  readonly id: string;
  readonly state: string;
  readonly window: { readonly start: string; readonly end: string };
  readonly evidence: string | null;
  readonly command: string | null;
}

/** What the release team meeting's agenda is made of, for one team. */
export interface ReleaseTeamAgenda {
  readonly team: string;
  /** Due, overdue and proposed actions; null when they could not be computed (the reason in `actionsNote`). */
  readonly actions: readonly AgendaAction[] | null;
  readonly actionsNote: string | null;
  /** Open questions: requests waiting for the team's answer, overdue actions to raise. */
  readonly questions: readonly string[];
}

function when(o: Occurrence): string {
  return `${o.date} ${o.time} UTC`;
}

export function meetingSubject(m: MeetingConfig, o: Occurrence, tag: string, team: string): string {
  const prefix = tag ? `${tag} ` : '';
  return m.kind === 'release-team'
    ? `${prefix}${m.project} ${when(o)}: ${team} release actions and questions`
    : `${prefix}${m.project} agenda, ${when(o)} (#${o.irc})`;
}

function header(m: MeetingConfig, o: Occurrence): string[] {
  return [
    `${m.project}: ${when(o)} in #${o.irc}.`,
    ...(m.agenda_url ? [`Agenda page: ${m.agenda_url}`] : []),
    '',
  ];
}

/** The team meeting's agenda: the release section of the meeting report. */
export function renderTeamAgenda(m: MeetingConfig, o: Occurrence, report: string): string {
  return [...header(m, o), report.trimEnd(), ''].join('\n');
}

/** The release team meeting's agenda: what the team owes this week and what to ask. */
export function renderReleaseTeamAgenda(
  m: MeetingConfig,
  o: Occurrence,
  a: ReleaseTeamAgenda,
): string {
  const out = [...header(m, o), `Release actions of ${a.team} due, overdue or proposed:`];
  if (a.actions === null) out.push(`  ${a.actionsNote ?? 'not available'}`);
  else if (a.actions.length === 0) out.push('  none this week');
  for (const x of a.actions ?? []) {
    out.push(`  - ${x.id}: ${x.state} (window ${x.window.start} to ${x.window.end})`);
    if (x.evidence) out.push(`    ${x.evidence}`);
    if (x.command) out.push(`    ${x.command}`);
  }
  out.push('', 'Open questions:');
  if (a.questions.length === 0) out.push('  none');
  for (const q of a.questions) out.push(`  - ${q}`);
  return out.join('\n') + '\n';
}
