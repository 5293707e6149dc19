import type { Deps } from '../core/deps.js';
import { dueMeetingReminders, type MeetingAgendaMail } from './plan.js';
import {
  meetingSubject,
  renderReleaseTeamAgenda,
  renderTeamAgenda,
  type ReleaseTeamAgenda,
} from './render.js';

/**
 * The agendas due at --date for the config's meetings: the meeting report
 * for the team's meeting, the team's release actions and open questions for
 * the release team's. Each part comes from its own capability's builder.
 */
export async function meetingAgendas(ctx: Deps, tag: string): Promise<MeetingAgendaMail[]> {
  const due = dueMeetingReminders(ctx.config.meetings ?? [], ctx.today);
  const out: MeetingAgendaMail[] = [];
  for (const d of due) {
    let body: string;
    if (d.meeting.kind === 'team') {
      const { renderMeetingMarkdown } = await import('../meeting/render.js');
      body = renderTeamAgenda(
        d.meeting,
        d.occurrence,
        renderMeetingMarkdown(await ctx.views.meeting(ctx)),
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

/** The team's due release actions (as its brief says them) and its open questions for the release team. */
export async function releaseTeamAgenda(ctx: Deps): Promise<ReleaseTeamAgenda> {
  const brief = await ctx.views.brief(ctx);
  const urgent = brief.actions.filter((a) => ['overdue', 'due', 'proposed'].includes(a.state));
  const questions: string[] = [];
  for (const a of urgent.filter((x) => x.state === 'overdue'))
    questions.push(
      `${a.id} is overdue since ${a.window.end}: release it now, or ask for an exception`,
    );
  const review = brief.review;
  for (const r of review?.waiting ?? [])
    questions.push(
      `release request #${r.number} "${r.subject}" waits for the team's answer (${r.ageDays} days${r.mergeBy ? `; merged on ${r.mergeBy} without one` : ''}): ${r.url}`,
    );
  if (review && review.dataState !== 'fresh')
    questions.push(`(release requests: ${review.dataLine})`);
  return {
    team: ctx.team.name,
    actions: urgent.map((a) => ({
      id: a.id,
      state: a.state,
      window: a.window,
      evidence: a.evidence,
      command: a.command,
    })),
    actionsNote: null,
    questions,
  };
}
