import type { Context } from '../cli/context.js';
import type { IsoDate } from '../core/dates.js';
import { dueMeetingReminders } from './plan.js';
import {
  meetingSubject,
  renderReleaseTeamAgenda,
  renderTeamAgenda,
  type ReleaseTeamAgenda,
} from './render.js';

/** A meeting agenda ready to go out through the reminders' delivery and ledger. */
export interface MeetingAgendaMail {
  readonly id: string;
  readonly subject: string;
  readonly due: IsoDate;
  readonly eventDate: IsoDate;
  readonly expires: IsoDate;
  readonly to: readonly string[];
  readonly body: string;
}

/**
 * The agendas due at --date for the config's meetings: the meeting report
 * for the team's meeting, the team's release actions and open questions for
 * the release team's. Each part comes from its own capability's builder.
 */
export async function meetingAgendas(ctx: Context, tag: string): Promise<MeetingAgendaMail[]> {
  const due = dueMeetingReminders(ctx.config.meetings ?? [], ctx.today);
  const out: MeetingAgendaMail[] = [];
  for (const d of due) {
    let body: string;
    if (d.meeting.kind === 'team') {
      const { buildMeetingView } = await import('../meeting/read.js');
      const { renderMeetingMarkdown } = await import('../meeting/render.js');
      body = renderTeamAgenda(
        d.meeting,
        d.occurrence,
        renderMeetingMarkdown(await buildMeetingView(ctx)),
      );
    } else {
      body = renderReleaseTeamAgenda(d.meeting, d.occurrence, await releaseTeamAgenda(ctx));
    }
    out.push({
      id: d.id,
      subject: meetingSubject(d.meeting, d.occurrence, tag, ctx.team.name),
      due: d.due,
      eventDate: d.occurrence.date,
      expires: d.expires,
      to: d.to,
      body: `${body}\n-- \nrelease-liaison meeting agenda ${d.id}, due ${d.due}.`,
    });
  }
  return out;
}

/** The team's due release actions and its open questions for the release team. */
export async function releaseTeamAgenda(ctx: Context): Promise<ReleaseTeamAgenda> {
  const questions: string[] = [];
  const { reviewBriefSection } = await import('../review/brief.js');
  const review = await reviewBriefSection(ctx);
  if (review) {
    for (const line of review.lines.slice(1)) if (line.startsWith('#')) questions.push(line);
    if (review.stale) questions.push(`(release requests: ${review.stale})`);
  }
  return {
    team: ctx.team.name,
    actions: null,
    actionsNote: 'the release actions are not computed by this version',
    questions,
  };
}
