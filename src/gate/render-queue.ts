import { table, type Colors } from '../core/terminal.js';
import { when } from '../sources/age.js';
import { inertLine } from '../core/text.js';
import type { GateQueueView, MilestoneWait, QueueAdvice } from './plan-queue.js';

/** `83 min`, `5 h 10 min`, `2 d 3 h`. */
export function duration(minutes: number | null): string {
  if (minutes === null) return '-';
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  if (h < 48) return `${h} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return `${Math.floor(h / 24)} d${h % 24 ? ` ${h % 24} h` : ''}`;
}

/** One line per past milestone the gate was measured before. */
export function milestoneLine(m: MilestoneWait): string {
  const parts: string[] = [];
  if (m.medianMinutes !== null)
    parts.push(
      `${duration(m.medianMinutes)} through the gate (median of ${m.runs})${m.usualMinutes !== null ? ` vs ${duration(m.usualMinutes)} usually${m.ratio !== null ? `, ${m.ratio}×` : ''}` : ''}`,
    );
  if (m.meanLength !== null)
    parts.push(
      `queue ${m.meanLength} long${m.usualLength !== null ? ` vs ${m.usualLength}${m.lengthRatio !== null ? `, ${m.lengthRatio}×` : ''}` : ''}`,
    );
  return `${m.id} ${m.date} (${inertLine(m.title, 60)}): ${parts.join('; ') || 'too few runs'}${m.slow ? ' — slow' : ''}`;
}

/** The advice line of the brief and the view. */
export function adviceLine(a: QueueAdvice): string {
  const slower =
    a.because.ratio !== null
      ? `changes took ${a.because.ratio}× as long through the gate`
      : `the queue was ${a.because.lengthRatio ?? '?'}× as long`;
  return `Move "${inertLine(a.deadline.title, 80)}" (${a.deadline.date}) to ${a.suggestedDate} or earlier: it is ${a.daysBefore} day${a.daysBefore === 1 ? '' : 's'} before ${inertLine(a.milestone.title, 60)} (${a.milestone.date}), and ${slower} in the two weeks before ${inertLine(a.because.title, 60)} (${a.because.date}).`;
}

export function renderQueueText(view: GateQueueView, c: Colors): string {
  const out: string[] = [
    c.bold(
      `Gate queue of ${view.team} (${view.tenant} tenant, ${view.pipeline} pipeline) on ${view.date}`,
    ),
  ];
  const src = view.sources.queue;
  out.push(src.state === 'fresh' ? c.dim(src.line) : c.yellow(src.line));
  const q = view.queue;
  if (q) {
    out.push(
      `${inertLine(q.name, 60)}: ${q.length} change${q.length === 1 ? '' : 's'} in the queue, the oldest for ${duration(q.oldestAgeMinutes)} (sample of ${when(q.sampledAt)})`,
    );
    if (q.teamChanges.length === 0) out.push("  none of the team's changes in it");
    else
      out.push(
        table(
          q.teamChanges.map((t) => [
            `#${t.position}`,
            t.change === null ? '(branch)' : `${t.change},${t.patchset ?? ''}`,
            inertLine(t.project, 60),
            duration(t.ageMinutes),
            t.failing ? c.red('failing') : '',
            t.url ?? '',
          ]),
          '  ',
        ),
      );
  }
  if (view.history.length)
    out.push(
      `Length over the last ${view.weeks} weeks (${view.history.length} sample${view.history.length === 1 ? '' : 's'}): ` +
        view.history.map((p) => `${p.at.slice(0, 10)} ${p.length}`).join(' · '),
    );
  else out.push(`No samples since ${view.since}: each \`liaison sync\` takes one.`);
  const b = view.sources.buildsets;
  if (view.milestones.length) {
    out.push('Before past milestones:');
    for (const m of view.milestones.slice(0, 8))
      out.push(`  ${m.slow ? c.yellow(milestoneLine(m)) : milestoneLine(m)}`);
  } else if (b.state === 'never') out.push(c.dim(b.line));
  for (const a of view.advice) out.push(c.yellow(`Advice: ${adviceLine(a)}`));
  return out.join('\n');
}
