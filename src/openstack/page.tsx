import type { Context } from '../cli/context.js';
import { actionsHeatmapSvg, STATE_STYLE } from '../web/charts/actions-heatmap.js';
import { raw } from 'hono/html';
import type { Panel, RenderEnv } from '../web/panel.js';
import { buildOpenStack } from './command.js';
import { COUNTED_STATES, type OpenStackTeam, type OpenStackView } from './plan.js';
import { countsLine } from './render.js';
import { Table } from '../web/parts.js';

/** The OpenStack page: the team × action heatmap, then every team with its liaisons and overdue actions. */
export const openstackPanel: Panel<OpenStackView> = {
  build: (ctx: Context) => buildOpenStack(ctx, { state: null, kind: null, team: null }),
  age: (v) => ({ asOf: v.dataAsOf, source: v.dataSource, stale: v.notes }),
  render(v, env) {
    const total = v.teams.reduce((n, t) => n + t.actions.length, 0);
    return (
      <>
        <p>
          {`${v.series}${v.releaseId ? ` (${v.releaseId})` : ''}, week ${v.week}: ${v.teams.length} teams, ${total} release actions`}
          {total ? `: ${countsLine(v.counts)}` : ''}
        </p>
        <section aria-labelledby="heat">
          <h2 id="heat">Release actions by team</h2>
          <ul class="legend" aria-label="States">
            {COUNTED_STATES.map((s) => {
              const st = STATE_STYLE[s];
              return (
                <li>
                  <span
                    class="swatch"
                    style={`background:${st?.color ?? '#ccc'};color:${st?.ink ?? '#111'}`}
                  >
                    {st?.mark ?? '?'}
                  </span>
                  {s}
                </li>
              );
            })}
            {v.dataAsOf && v.teams.some((t) => t.actions.some((a) => a.asOf)) ? (
              <li>
                <span class="swatch">*</span>
                {`as of the data of ${v.dataAsOf}: not confirmed (liaison sync)`}
              </li>
            ) : (
              ''
            )}
          </ul>
          {v.teams.length ? (
            <figure class="wide">
              {raw(actionsHeatmapSvg(v))}
              <figcaption>
                Rows are teams, columns the kinds of release action of the cycle in time order; a
                cell shows the state that most needs attention among the team's deliverables (its
                text names every state). Outlined columns are open today. The table below says the
                same in words.
              </figcaption>
            </figure>
          ) : (
            <p>No team has release actions to show.</p>
          )}
        </section>
        <section aria-labelledby="teams">
          <h2 id="teams">Teams</h2>
          <Table head={['Team', 'Release liaisons', 'Actions', 'Overdue and due']}>
            {v.teams.map((t) => (
              <TeamRow team={t} env={env} />
            ))}
          </Table>
        </section>
      </>
    );
  },
};

function TeamRow({ team: t, env }: { team: OpenStackTeam; env: RenderEnv }) {
  const href = env.teamHref?.(t.name) ?? null;
  const urgent = t.actions.filter((a) => a.state === 'overdue' || a.state === 'due');
  return (
    <tr id={`team-${t.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`}>
      <th scope="row">{href ? <a href={href}>{t.name}</a> : t.name}</th>
      <td>
        {t.liaisons.length === 0
          ? 'none in governance'
          : t.liaisons.map((l, i) => (
              <>
                {i > 0 ? <br /> : null}
                {l.name}
                {l.irc ? <small class="muted">{` (${l.irc})`}</small> : null}
                {l.role === 'ptl' ? <small>{' — PTL, no release liaison named'}</small> : null}
              </>
            ))}
      </td>
      <td>{countsLine(t.counts) || 'none'}</td>
      <td>
        {urgent.length === 0
          ? '—'
          : urgent.map((a, i) => (
              <>
                {i > 0 ? <br /> : null}
                <span class={a.state === 'overdue' && !a.asOf ? 'bad' : 'warn'}>{a.state}</span>
                {` ${a.deliverable} ${a.kind}${a.milestone !== null ? ` ${a.milestone}` : ''} (${a.window.start} to ${a.window.end}${a.asOf ? `; as of the data of ${a.asOf}` : ''})`}
              </>
            ))}
      </td>
    </tr>
  );
}
