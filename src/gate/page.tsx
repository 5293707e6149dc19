import type { Deps } from '../core/deps.js';
import { buildGateView } from './read.js';
import { type GateView } from './plan.js';
import { QueuePanel } from './page-queue.js';
import type { GateQueueView } from './plan-queue.js';
import { buildGateQueueView } from './read-queue.js';
import { gateHeatmapSvg, resultColor } from '../web/charts/heatmap.js';
import { Chart, DataLink, Table } from '../web/parts.js';
import type { Panel } from '../web/panel.js';

/** The Gate page: the periodic jobs (its JSON twin is `gate --json`) and the shared queue's panel. */
export const gatePanel: Panel<{ jobs: GateView; queue: GateQueueView }> = {
  build: async (ctx: Deps) => ({
    jobs: await buildGateView(ctx),
    queue: await buildGateQueueView(ctx),
  }),
  json: (v) => v.jobs,
  age: ({ jobs: v }) => ({
    asOf: v.dataAsOf,
    source: v.source.line,
    stale: v.source.state === 'fresh' ? [] : [v.source.line],
  }),
  render({ jobs: v, queue }, env) {
    const c = v.counts;
    return (
      <>
        <p>
          {`${v.projects.join(', ') || 'no projects'} · pipelines ${v.pipelines.join(', ') || '-'} · builds since ${v.since} (${v.days} days): `}
          <strong>{`${c.jobs} jobs, `}</strong>
          <span class={c.failing ? 'bad' : 'ok'}>{`${c.failing} failing`}</span>
          {`, ${c.passing} passing, `}
          <span class={c.flaky ? 'warn' : undefined}>{`${c.flaky} flaky`}</span>
        </p>
        {v.jobs.length === 0 ? (
          <p>
            No periodic builds are stored for this window. Run `liaison sync` to fetch them from
            Zuul.
          </p>
        ) : (
          <>
            <Chart
              svg={gateHeatmapSvg(v)}
              caption="Each row is a job, each cell a build: green passed, red failed, amber other failures (timeouts, node failures); newest on the right."
            />
            <Table head={['Job', 'Latest', 'Streak', 'Pass rate', 'Flaky', 'Logs']}>
              {v.jobs.map((j) => (
                <tr>
                  <th scope="row">
                    {j.name}
                    <br />
                    <small class="muted">{`${j.project} · ${j.branch} · ${j.pipeline}`}</small>
                  </th>
                  <td>
                    <span style={`color:${resultColor(j.latest)}`}>{j.latest}</span>
                    <br />
                    <small class="muted">{j.latestAt.slice(0, 16).replace('T', ' ')}</small>
                  </td>
                  <td>
                    {`${j.streak.length} × ${j.streak.result === 'SUCCESS' ? 'pass' : 'fail'}`}
                    {j.failingSince ? (
                      <>
                        <br />
                        <small>
                          {'failing since '}
                          <DataLink url={j.failingSince.log ?? j.failingSince.build}>
                            {j.failingSince.at.slice(0, 10)}
                          </DataLink>
                        </small>
                      </>
                    ) : null}
                  </td>
                  <td>{`${Math.round(j.passRate * 100)}% of ${j.runs}`}</td>
                  <td>{j.flaky ? <span class="warn">{`yes (${j.flips} flips)`}</span> : 'no'}</td>
                  <td>
                    <DataLink url={j.lastLog}>logs</DataLink>
                    {' · '}
                    <DataLink url={j.lastBuild}>build</DataLink>
                  </td>
                </tr>
              ))}
            </Table>
          </>
        )}
        {v.missing.length ? (
          <p class="notice">{`No build in the window for: ${v.missing.join(', ')}`}</p>
        ) : null}
        <QueuePanel v={queue} env={env} full={false} />
      </>
    );
  },
};
