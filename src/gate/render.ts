import { table, type Colors } from '../core/terminal.js';
import { when } from '../sources/age.js';
import { inertLine } from '../core/text.js';
import type { GateView } from './plan.js';

/** Terminal view: data age, one row per job and branch, then the meeting paragraph. */
export function renderGateText(view: GateView, c: Colors): string {
  const out: string[] = [];
  out.push(
    `Periodic jobs of ${view.team}, ${view.since} → ${view.date} (${view.days} days, ${view.pipelines.join(', ')})`,
  );
  out.push(view.source.state === 'fresh' ? c.dim(view.source.line) : c.yellow(view.source.line));
  if (view.jobs.length === 0) {
    // never synced: the source line above already says there is no data
    if (view.dataAsOf)
      out.push(
        `No periodic builds stored for ${view.projects.length} repositories in these ${view.days} days.`,
      );
  } else {
    const rows = [
      ['job', 'repository', 'branch', 'latest', 'pass', 'streak', ''].map((h) => c.bold(h)),
    ];
    for (const j of view.jobs) {
      const latest = j.latest === 'SUCCESS' ? c.green(j.latest) : c.red(inertLine(j.latest, 40));
      rows.push([
        inertLine(j.name, 90),
        inertLine(shortProject(j.project), 60),
        inertLine(j.branch, 40),
        latest,
        `${Math.round(j.passRate * 100)}% of ${j.runs}`,
        `${j.streak.length}× ${j.streak.result === 'SUCCESS' ? 'pass' : 'fail'}`,
        j.flaky ? c.yellow('flaky') : '',
      ]);
    }
    out.push(table(rows, '  '));
    for (const j of view.jobs) {
      const f = j.failingSince;
      if (f)
        out.push(
          `  ${inertLine(j.name, 90)} (${inertLine(j.branch, 40)}) failing since ${when(f.at)}: ${f.log ?? f.build}`,
        );
    }
  }
  if (view.missing.length)
    out.push(
      c.yellow(
        `No build in ${view.days} days for configured job(s): ${view.missing.map((m) => inertLine(m, 90)).join(', ')}`,
      ),
    );
  out.push('', 'For the meeting:', ...ircLines(view));
  return out.join('\n');
}

/** Lines ready to paste in the IRC meeting (no markup, one topic a line). */
export function ircLines(view: GateView): string[] {
  const lines = [summary(view)];
  for (const j of view.jobs.filter((x) => x.streak.result === 'FAILURE')) {
    const f = j.failingSince;
    lines.push(
      `- ${plain(j.name)} (${plain(j.branch)}) ${plain(j.latest)}, failing ${j.streak.length} run${j.streak.length === 1 ? '' : 's'} in a row` +
        (f ? ` since ${f.at.slice(0, 10)}: ${f.log ?? f.build}` : ''),
    );
  }
  for (const j of view.jobs.filter((x) => x.flaky && x.streak.result === 'SUCCESS')) {
    lines.push(
      `- ${plain(j.name)} (${plain(j.branch)}) is flaky: ${Math.round(j.passRate * 100)}% pass over ${j.runs} runs`,
    );
  }
  return lines;
}

/** The same report as Markdown (meeting notes, etherpad, mail). */
export function markdown(view: GateView): string {
  const lines = [summary(view), ''];
  for (const j of view.jobs.filter((x) => x.streak.result === 'FAILURE')) {
    const f = j.failingSince;
    lines.push(
      `- ${md(j.name)} (${md(j.branch)}): **${md(j.latest)}**, failing ${j.streak.length} run${j.streak.length === 1 ? '' : 's'} in a row` +
        (f ? ` since ${f.at.slice(0, 10)} ([first failure](${f.log ?? f.build}))` : ''),
    );
  }
  for (const j of view.jobs.filter((x) => x.flaky && x.streak.result === 'SUCCESS')) {
    lines.push(
      `- ${md(j.name)} (${md(j.branch)}) is flaky: ${Math.round(j.passRate * 100)}% pass over ${j.runs} runs ([last build](${j.lastBuild}))`,
    );
  }
  return lines.join('\n').trimEnd();
}

function summary(view: GateView): string {
  if (!view.dataAsOf) return `Periodic jobs: ${view.source.line}.`;
  const age =
    view.source.state === 'fresh' ? `data as of ${when(view.dataAsOf)}` : view.source.line;
  if (view.jobs.length === 0)
    return `Periodic jobs: no builds in the last ${view.days} days (${age}).`;
  const { jobs, failing, flaky } = view.counts;
  const verdict = failing === 0 ? 'all passing' : `${failing} failing`;
  const flakyText = flaky ? `, ${flaky} flaky` : '';
  return `Periodic jobs (last ${view.days} days, ${age}): ${jobs} job${jobs === 1 ? '' : 's'}, ${verdict}${flakyText}.`;
}

export function renderGate(view: GateView, format: 'irc' | 'md'): string {
  return format === 'md' ? markdown(view) : ircLines(view).join('\n');
}

function shortProject(p: string): string {
  return p.replace(/^openstack\//, '');
}

/** One line of inert text (IRC has no escaping; keep it short and printable). */
function plain(s: string): string {
  return inertLine(s, 120);
}

function md(s: string): string {
  return inertLine(s, 120).replace(/[\\`*_[\]<>|]/g, (ch) => `\\${ch}`);
}
