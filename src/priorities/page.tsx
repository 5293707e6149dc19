import type { Deps } from '../core/deps.js';
import { DataLink, Table } from '../web/parts.js';
import type { Panel } from '../web/panel.js';
import type { Priority, PrioritiesView } from './plan.js';
import { buildPrioritiesView } from './read.js';
import { prioritiesLine, riskText } from './render.js';

const STATE_CLASS: Record<Priority['state'], string | undefined> = {
  'not started': 'warn',
  'in review': undefined,
  merged: 'ok',
  implemented: 'ok',
  deferred: 'muted',
};

/** The Priorities page (`liaison priorities`). */
export const prioritiesPanel: Panel<PrioritiesView> = {
  build: (ctx: Deps) => buildPrioritiesView(ctx),
  age: (v) => {
    const sources = [v.sources.launchpad, v.sources.gerrit];
    return {
      asOf: v.sources.gerrit.syncedAt ?? v.specsRepo?.commitDate ?? null,
      source: [
        v.specsRepo
          ? `specs at ${v.specsRepo.commit.slice(0, 12)} (${v.specsRepo.commitDate.slice(0, 10)})`
          : 'no specs repository',
        ...sources.map((s) => s.line),
      ].join(' · '),
      stale: [...sources.filter((s) => s.state !== 'fresh').map((s) => s.line), ...v.notes],
    };
  },
  render(v) {
    return (
      <>
        <p>
          {`${v.series} (${v.seriesId}): ${v.priorities.length} priorities, ${v.source === 'config' ? 'from the config' : 'every approved spec of the series'}.`}
        </p>
        <ul class="plain">
          {v.milestones.map((m) => (
            <li class={m.names.atRisk.length ? 'warn' : undefined}>{prioritiesLine(v, m)}</li>
          ))}
        </ul>
        {v.priorities.length ? (
          <Table head={['Priority', 'Milestone', 'State', 'Changes', 'Last activity', 'Owner']}>
            {v.priorities.map((p) => (
              <tr id={`p-${p.name.replace(/[^A-Za-z0-9_-]/g, '-')}`} data-state={p.state}>
                <th scope="row">
                  {p.title}
                  <br />
                  <small class="muted">
                    {p.blueprint ? <DataLink url={p.blueprint.url}>{p.name}</DataLink> : p.name}
                    {p.spec ? (
                      <>
                        {' · '}
                        <DataLink url={p.spec.url}>{`spec (${p.spec.status})`}</DataLink>
                      </>
                    ) : null}
                  </small>
                </th>
                <td>
                  {p.milestone ?? '-'}
                  {p.milestoneDate ? (
                    <>
                      <br />
                      <small class="muted">{p.milestoneDate}</small>
                    </>
                  ) : null}
                </td>
                <td class={p.atRisk ? 'bad' : STATE_CLASS[p.state]}>
                  {p.atRisk ? `${p.state}, at risk` : p.state}
                  {p.risks.map((r) => (
                    <>
                      <br />
                      <small>{riskText(r)}</small>
                    </>
                  ))}
                </td>
                <td>
                  {`${p.changes.open} open, ${p.changes.merged} merged`}
                  {p.changes.items.map((c) => (
                    <>
                      <br />
                      <small>
                        <DataLink url={c.url}>{String(c.number)}</DataLink>
                        {` ${c.status} · ${c.project}${c.branch === 'master' ? '' : ` ${c.branch}`}`}
                      </small>
                    </>
                  ))}
                </td>
                <td>{p.lastActivity ? p.lastActivity.slice(0, 10) : '-'}</td>
                <td>{p.owner ?? '-'}</td>
              </tr>
            ))}
          </Table>
        ) : (
          <p>No priorities for this series yet.</p>
        )}
        {v.otherBlueprints.length ? (
          <section aria-labelledby="other-bp">
            <h2 id="other-bp">{`Also targeted to ${v.series} in Launchpad`}</h2>
            <ul class="plain">
              {v.otherBlueprints.map((b) => (
                <li>
                  <DataLink url={b.url}>{`${b.project}/${b.name}`}</DataLink>
                  {` ${b.title} (${b.implementationStatus ?? 'status unknown'}${b.milestone ? `, ${b.milestone}` : ''})`}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {v.ffeDrafts.length ? (
          <section aria-labelledby="ffe">
            <h2 id="ffe">{`Feature-freeze exception requests (${v.ffeDrafts.length})`}</h2>
            {v.ffeDrafts.map((d) => (
              <details>
                <summary>{d.subject}</summary>
                <pre class="paste">{`To: ${d.to ?? '<the team mailing list>'}\nSubject: ${d.subject}\n\n${d.body}`}</pre>
              </details>
            ))}
          </section>
        ) : null}
      </>
    );
  },
};
