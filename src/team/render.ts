import { table, type Colors } from '../core/terminal.js';
import type { TeamView } from './plan.js';

export function renderTeamText(t: TeamView, c: Colors): string {
  const out: string[] = [c.bold(t.team) + (t.service ? ` — ${t.service}` : '')];
  if (t.ircChannel) out.push(`IRC: #${t.ircChannel}`);
  if (t.url) out.push(`URL: ${t.url}`);
  out.push('', c.bold('People'));
  out.push(
    table(
      t.people.map((p) => [p.role, p.name, p.email ?? '', p.irc ? `irc ${p.irc}` : '']),
      '  ',
    ),
  );
  out.push('', c.bold('Deliverables'));
  out.push(
    table(
      [
        ['name', 'repositories', 'model', 'type', 'latest'].map((h) => c.dim(h)),
        ...t.deliverables.map((d) => [
          d.name,
          d.repos.join(', '),
          d.releaseManagement ? `(release-management: ${d.releaseManagement})` : (d.model ?? '-'),
          d.type ?? '',
          d.latest ? `${d.latest} (${d.latestSeries ?? ''})` : '',
        ]),
      ],
      '  ',
    ),
  );
  return out.join('\n');
}
