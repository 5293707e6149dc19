import { table, type Colors } from '../core/terminal.js';
import { inertLine as t, safeUrl } from '../core/text.js';
import type { TeamView } from './plan.js';

/** Governance and config text is shown through `inertLine` (a name or title from a YAML file can hold anything). */
export function renderTeamText(v: TeamView, c: Colors): string {
  const out: string[] = [c.bold(t(v.team)) + (v.service ? ` — ${t(v.service)}` : '')];
  if (v.ircChannel) out.push(`IRC: #${t(v.ircChannel)}`);
  const url = safeUrl(v.url);
  if (url) out.push(`URL: ${url}`);
  out.push('', c.bold('People'));
  out.push(
    table(
      v.people.map((p) => [t(p.role), t(p.name), t(p.email ?? ''), p.irc ? `irc ${t(p.irc)}` : '']),
      '  ',
    ),
  );
  out.push('', c.bold('Deliverables'));
  out.push(
    table(
      [
        ['name', 'repositories', 'model', 'type', 'latest'].map((h) => c.dim(h)),
        ...v.deliverables.map((d) => [
          t(d.name),
          t(d.repos.join(', ')),
          t(
            d.releaseManagement ? `(release-management: ${d.releaseManagement})` : (d.model ?? '-'),
          ),
          t(d.type ?? ''),
          d.latest ? t(`${d.latest} (${d.latestSeries ?? ''})`) : '',
        ]),
      ],
      '  ',
    ),
  );
  return out.join('\n');
}
