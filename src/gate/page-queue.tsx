import type { Deps } from '../core/deps.js';
import { gateQueueSvg } from '../web/charts/gate-queue.js';
import { Chart, DataLink, Table } from '../web/parts.js';
import type { DataAge, Panel, RenderEnv } from '../web/panel.js';
import type { GateQueueView } from './plan-queue.js';
import { buildGateQueueView } from './read-queue.js';
import { adviceLine, duration, milestoneLine } from './render-queue.js';

export function queueAge(v: GateQueueView): DataAge {
  const q = v.sources.queue;
  return {
    asOf: v.queue?.sampledAt ?? null,
    source: q.line,
    stale: q.state === 'fresh' ? [] : [q.line],
  };
}

/** The Gate queue page (`liaison gate --queue`). */
export const queuePanel: Panel<GateQueueView> = {
  build: (ctx: Deps) => buildGateQueueView(ctx),
  age: queueAge,
  render: (v, env) => <QueuePanel v={v} env={env} full={true} />,
};

/** The queue now, its chart, past milestones and advice; the Gate page shows it without the milestone table. */
export function QueuePanel({ v, env, full }: { v: GateQueueView; env: RenderEnv; full: boolean }) {
  const q = v.queue;
  const svg = gateQueueSvg(v);
  return (
    <section aria-labelledby="queue-now">
      <h2 id="queue-now">{q ? `The ${q.name} queue` : 'The shared gate queue'}</h2>
      {q ? (
        <p>
          <strong>{`${q.length} change${q.length === 1 ? '' : 's'}`}</strong>
          {` in the ${v.pipeline} queue, the oldest for ${duration(q.oldestAgeMinutes)} (sample of ${q.sampledAt.slice(0, 16).replace('T', ' ')} UTC). `}
          {q.teamChanges.length === 0 ? "None of the team's changes is in it." : null}
        </p>
      ) : (
        <p>No sample of the queue yet: each `liaison sync` takes one from Zuul's status.</p>
      )}
      {q && q.teamChanges.length ? (
        <Table head={['Position', 'Change', 'Repository', 'In the queue for', 'State']}>
          {q.teamChanges.map((t) => (
            <tr>
              <td>{`${t.position} of ${q.length}`}</td>
              <td>
                <DataLink url={t.url}>
                  {t.change === null ? 'branch' : `${t.change},${t.patchset ?? ''}`}
                </DataLink>
              </td>
              <td>{t.project}</td>
              <td>{duration(t.ageMinutes)}</td>
              <td class={t.failing ? 'bad' : 'ok'}>{t.failing ? 'failing' : 'testing'}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      {svg ? (
        <Chart
          svg={svg}
          caption={`Queue length at each sync since ${v.since}; dashed lines: cross-project milestones (blue) and team deadlines (purple); today in red.`}
        />
      ) : null}
      {v.advice.length ? (
        <ul class="plain">
          {v.advice.map((a) => (
            <li class="notice">{adviceLine(a)}</li>
          ))}
        </ul>
      ) : null}
      {full ? (
        <>
          <h2 id="queue-milestones">Before past milestones</h2>
          {v.milestones.length === 0 ? (
            <p>
              {v.sources.buildsets.state === 'never'
                ? v.sources.buildsets.line
                : 'No stored gate runs or samples before a past milestone yet.'}
            </p>
          ) : (
            <ul class="plain">
              {v.milestones.map((m) => (
                <li class={m.slow ? 'warn' : undefined}>{milestoneLine(m)}</li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p>
          <a href={env.href('queue')}>History before past milestones</a>
        </p>
      )}
    </section>
  );
}
