import { table, type Colors } from '../core/terminal.js';
import { seriesTitle } from '../data/releases/series.js';
import { inertLine } from '../core/text.js';
import type { GoalItem, GoalsView } from './plan.js';

const STATUS_WORDS: Readonly<Record<string, string>> = {
  done: 'done',
  'in-progress': 'in progress',
  'not-started': 'not started',
  'not-completed': 'not completed',
  'not-applicable': 'not applicable',
  unknown: 'no status recorded',
};

/** `2026.2 Hibiscus`, or `Pike` for a series without a release id. */
export function seriesHeading(view: Pick<GoalsView, 'series' | 'seriesId'>): string {
  return view.seriesId === view.series
    ? seriesTitle(view.series)
    : `${view.seriesId} ${seriesTitle(view.series)}`;
}

export function statusWords(status: string): string {
  return STATUS_WORDS[status] ?? status;
}

function source(g: GoalItem): string {
  if (g.statusSource === 'governance') return 'per the goal document';
  if (g.statusSource === 'liaison') return `recorded by the liaison on ${g.recordedOn ?? '?'}`;
  return '';
}

export function renderGoalsText(view: GoalsView, c: Colors): string {
  const lines = [c.bold(`Community goals for ${seriesHeading(view)}: team ${view.team}`)];
  lines.push(
    c.dim(
      `goals from ${view.governance}; statuses from governance where it records them, else the liaison's records`,
    ),
  );
  if (view.goals.length > 0) {
    const rows = view.goals.map((g) => [
      g.id,
      g.status === 'done' ? c.green(statusWords(g.status)) : statusWords(g.status),
      g.owner ? inertLine(g.owner, 40) : '-',
      g.gerritTopic ? `topic ${g.gerritTopic}` : '',
    ]);
    lines.push('', table([['GOAL', 'STATUS', 'OWNER', 'TRACKING'], ...rows], '  '));
    for (const g of view.goals) {
      lines.push('', `${c.bold(inertLine(g.title, 100))} (${g.id}, ${g.kind})`);
      const src = source(g);
      if (src) lines.push(`  status: ${statusWords(g.status)}, ${src}`);
      if (g.detail) lines.push(`  governance: ${inertLine(g.detail, 200)}`);
      if (g.champions.length > 0)
        lines.push(`  champion: ${g.champions.map((x) => inertLine(x, 80)).join('; ')}`);
      for (const cr of g.criteria) lines.push(`  for ${view.seriesId}: ${inertLine(cr, 200)}`);
      if (g.trackingUrl) lines.push(`  ${g.trackingUrl}`);
    }
  }
  for (const n of view.notes) lines.push('', c.yellow(n));
  return lines.join('\n');
}

/** Markdown text: no markup, no raw HTML, one line. */
export function mdText(text: string, max = 300): string {
  return inertLine(text, max).replace(/([\\`*_[\]{}<>()#+!|~])/g, '\\$1');
}

/** The report for the TC: a table, then one paragraph per goal. */
export function renderGoalsMarkdown(view: GoalsView): string {
  const out = [`# ${mdText(view.team)}: community goals for ${seriesHeading(view)}`, ''];
  out.push(
    `Report of ${view.today}. Goals from ${mdText(view.governance)}; statuses from the goal documents where governance records them, otherwise as recorded by the team's release liaison.`,
    '',
  );
  if (view.goals.length === 0) {
    out.push(`Governance lists no community goals for ${view.seriesId}.`);
    return out.join('\n') + '\n';
  }
  out.push('| Goal | Status | Owner |', '| --- | --- | --- |');
  for (const g of view.goals)
    out.push(
      `| ${mdText(g.title)} | ${statusWords(g.status)} | ${g.owner ? mdText(g.owner, 80) : '-'} |`,
    );
  for (const g of view.goals) {
    out.push('', `## ${mdText(g.title)}`, '');
    out.push(`- Status: ${statusWords(g.status)}${source(g) ? ` (${source(g)})` : ''}`);
    if (g.owner) out.push(`- Owner: ${mdText(g.owner, 80)}`);
    if (g.detail) out.push(`- Governance record: ${mdText(g.detail)}`);
    if (g.champions.length > 0)
      out.push(`- Champion: ${g.champions.map((x) => mdText(x, 80)).join('; ')}`);
    for (const cr of g.criteria) out.push(`- Expected in ${view.seriesId}: ${mdText(cr)}`);
    if (g.gerritTopic && g.trackingUrl)
      out.push(`- Changes: [topic ${mdText(g.gerritTopic)}](${g.trackingUrl})`);
  }
  return out.join('\n') + '\n';
}
