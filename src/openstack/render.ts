import type { Colors } from '../core/terminal.js';
import { COUNTED_STATES, type Counts, type LiaisonView, type OpenStackView } from './plan.js';

/** Terminal output has no escaping: data from governance or the files is printed without control characters. */
export function plain(text: string): string {
  return Array.from(text, (ch) => {
    const c = ch.charCodeAt(0);
    return c < 0x20 || (c >= 0x7f && c < 0xa0) ? ' ' : ch;
  }).join('');
}

export function countsLine(c: Counts): string {
  return COUNTED_STATES.filter((s) => c[s] > 0)
    .map((s) => `${c[s]} ${s}`)
    .join(', ');
}

function liaisonText(l: LiaisonView): string {
  const contact = [l.email ? `<${l.email}>` : '', l.irc ? `(${l.irc})` : ''].filter(Boolean);
  return (
    plain([l.name, ...contact].join(' ')) + (l.role === 'ptl' ? ' [PTL, no release liaison]' : '')
  );
}

/** Every team: liaisons, counts, the overdue and due actions named with their window. */
export function renderOpenStackText(v: OpenStackView, c: Colors): string {
  const total = v.teams.reduce((n, t) => n + t.actions.length, 0);
  const out = [
    c.bold(
      `OpenStack ${v.series}${v.releaseId ? ` (${v.releaseId})` : ''}, week ${v.week} — ${v.date}`,
    ),
    `${v.teams.length} team${v.teams.length === 1 ? '' : 's'}, ${total} action${total === 1 ? '' : 's'}${total ? `: ${countsLine(v.counts)}` : ''}`,
  ];
  const f = v.filters;
  const filters = [
    f.state ? `--state ${f.state.join(',')}` : '',
    f.kind ? `--kind ${f.kind.join(',')}` : '',
    f.team ? `--team ${f.team.join(',')}` : '',
  ].filter(Boolean);
  if (filters.length) out.push(`filtered: ${filters.join(' ')}`);
  for (const t of v.teams) {
    out.push('', `${c.bold(plain(t.name))}  ${countsLine(t.counts) || 'no actions'}`);
    out.push(
      `  liaisons: ${t.liaisons.length ? t.liaisons.map(liaisonText).join('; ') : 'none in governance'}`,
    );
    for (const state of ['overdue', 'due', 'proposed'] as const) {
      for (const a of t.actions.filter((x) => x.state === state)) {
        const colour =
          state === 'overdue' && !a.asOf ? c.red : state === 'proposed' ? c.cyan : c.yellow;
        out.push(
          `  ${colour(state.padEnd(8))} ${plain(a.deliverable)} ${a.kind}${a.milestone !== null ? ` ${a.milestone}` : ''} (${a.window.start} to ${a.window.end}${a.asOf ? `; as of the data of ${a.asOf}` : ''})`,
        );
      }
    }
    for (const n of t.notes) out.push(`  note: ${plain(n)}`);
  }
  if (v.teams.length === 0) out.push('', 'No team matches.');
  for (const n of v.notes) out.push('', `note: ${plain(n)}`);
  out.push('', c.dim(`data: ${v.dataSource}`));
  return out.join('\n');
}
