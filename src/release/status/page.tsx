import type { Deps } from '../../core/deps.js';
import { buildReleaseStatus } from './read.js';
import type { DeliverableStatus, ReleaseStatusView } from './plan.js';
import { changesUnknownText, cloneBehindText } from './render.js';
import { releaseHistorySvg } from '../../web/charts/release-history.js';
import { Chart, Table } from '../../web/parts.js';
import type { Panel } from '../../web/panel.js';

export const releasesPanel: Panel<ReleaseStatusView> = {
  build: async (ctx: Deps) => buildReleaseStatus(ctx, { db: await ctx.store() }),
  age: (v) => ({
    asOf: null,
    source: v.dataSource,
    stale: [
      ...v.notes,
      ...v.coverage.rows.flatMap((r) =>
        r.changesUnknown ? [changesUnknownText(r.deliverable, r.changesUnknown)] : [],
      ),
      ...v.coverage.notes,
    ],
  }),
  render(v) {
    const svg = releaseHistorySvg(v);
    return (
      <>
        <p>{`${v.seriesId} ${v.series}, week ${v.week}: ${v.deliverables.length} deliverables.`}</p>
        {svg ? (
          <Chart
            svg={svg}
            caption={`Releases of ${v.series} by day, today in red (releases whose day is unknown are not drawn).`}
          />
        ) : null}
        <section aria-labelledby="deliverables">
          <h2 id="deliverables">Deliverables</h2>
          {v.deliverables.map((d) => (
            <Deliverable d={d} />
          ))}
        </section>
        <section aria-labelledby="coverage">
          <h2 id="coverage">{`Milestone coverage${v.coverage.missed ? ` (${v.coverage.missed} missed)` : ''}`}</h2>
          {v.coverage.rows.length === 0 ? (
            <p>No library to check.</p>
          ) : (
            <Table head={['Library', ...(v.coverage.rows[0]?.windows ?? []).map((w) => w.label)]}>
              {v.coverage.rows.map((r) => (
                <tr>
                  <th scope="row">{r.deliverable}</th>
                  {r.windows.map((w) => (
                    <td
                      class={
                        w.state === 'missed' ? 'bad' : w.state === 'released' ? 'ok' : undefined
                      }
                    >
                      {w.asOf ? `${w.state} as of ${w.asOf}` : w.state}
                      <br />
                      <small class="muted">
                        {`${w.from} – ${w.to}`}
                        {w.releases.length ? ` · ${w.releases.join(', ')}` : ''}
                        {w.unreleasedChanges !== null
                          ? ` · ${w.unreleasedChanges} unreleased changes`
                          : ''}
                      </small>
                    </td>
                  ))}
                </tr>
              ))}
            </Table>
          )}
        </section>
      </>
    );
  },
};

function Deliverable({ d }: { d: DeliverableStatus }) {
  return (
    <article class="card" aria-labelledby={`d-${d.name}`} style="margin-bottom:.75rem">
      <h3 id={`d-${d.name}`}>{d.name}</h3>
      <p>
        {`${d.model ?? 'no model'} · ${d.type ?? '-'} · `}
        {d.latestInSeries
          ? `latest ${d.latestInSeries.version}${d.latestInSeries.date ? ` (${d.latestInSeries.date})` : ''}`
          : d.latestBefore
            ? `nothing yet this series; last ${d.latestBefore.version} in ${d.latestBefore.series}`
            : 'never released'}
        {` · ${d.stableBranch.name}: ${d.stableBranch.inFile ? 'requested' : 'not requested'}`}
      </p>
      {d.releases.length ? (
        <p class="muted">{`Releases this series: ${d.releases.map((r) => r.version).join(', ')}`}</p>
      ) : null}
      {d.due.length ? (
        <ul class="plain">
          {d.due.map((x) => (
            <li>
              <strong>Due:</strong>
              {` ${x.what}${x.by ? ` (by ${x.by})` : ''}`}
            </li>
          ))}
        </ul>
      ) : null}
      {d.cloneBehind.map((b) => (
        <p class="muted">{`Unreleased commits unknown: ${cloneBehindText(b)}.`}</p>
      ))}
      {d.clone === null ? (
        <p class="muted">
          No clone: unreleased commits unknown (set clones-dir or deliverables.{d.name}.clone).
        </p>
      ) : (
        (d.unreleased ?? []).map((u) => (
          <details>
            <summary>{`${u.repo} ${u.branch}: ${u.count} unreleased commit${u.count === 1 ? '' : 's'} since ${u.since ?? 'the start'}`}</summary>
            <ul class="plain">
              {u.subjects.map((s) => (
                <li>{s}</li>
              ))}
            </ul>
          </details>
        ))
      )}
    </article>
  );
}
