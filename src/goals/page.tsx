import type { Deps } from '../core/deps.js';
import { buildGoalsView } from './read.js';
import { type GoalItem, type GoalsView } from './plan.js';
import { LIAISON_STATUSES } from './store.js';
import { DataLink } from '../web/parts.js';
import type { Panel, RenderEnv } from '../web/panel.js';

export const goalsPanel: Panel<GoalsView> = {
  build: (ctx: Deps) => buildGoalsView(ctx),
  age: (v) => ({
    asOf: v.dataAsOf,
    source: `${v.governance}; team statuses from the store`,
    stale: v.notes,
  }),
  render(v, env) {
    return (
      <>
        <p>{`Community goals of ${v.seriesId} ${v.series} for ${v.team}: ${v.goals.length}.`}</p>
        {v.goals.length ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Goal</th>
                  <th scope="col">Status</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Champions</th>
                  {env.csrf ? <th scope="col">Record</th> : null}
                </tr>
              </thead>
              <tbody>
                {v.goals.map((g) => (
                  <Goal goal={g} env={env} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </>
    );
  },
};

function Goal({ goal: g, env }: { goal: GoalItem; env: RenderEnv }) {
  return (
    <tr id={`goal-${g.id}`} data-status={g.status}>
      <th scope="row">
        {g.title}
        <br />
        <small class="muted">
          <code>{g.id}</code>
          {` · ${g.kind}`}
          {g.trackingUrl ? (
            <>
              {' · '}
              <DataLink url={g.trackingUrl}>{`reviews (${g.gerritTopic ?? 'topic'})`}</DataLink>
            </>
          ) : null}
        </small>
        {g.criteria.length ? (
          <ul class="plain">
            {g.criteria.map((c) => (
              <li>
                <small>{c}</small>
              </li>
            ))}
          </ul>
        ) : null}
      </th>
      <td class={g.status === 'done' ? 'ok' : g.status === 'not-completed' ? 'bad' : undefined}>
        {g.status}
        <br />
        <small class="muted">
          {g.statusSource === 'governance'
            ? 'per governance'
            : g.statusSource === 'liaison'
              ? `recorded ${g.recordedOn ?? ''}`
              : 'not recorded'}
          {g.detail ? ` · ${g.detail}` : ''}
        </small>
      </td>
      <td>{g.owner ?? '-'}</td>
      <td>{g.champions.join(', ') || '-'}</td>
      {env.csrf ? (
        <td>
          {g.statusSource === 'governance' ? (
            <span class="muted">set by governance</span>
          ) : (
            <form method="post" action={env.formAction('/goals/set')}>
              <input type="hidden" name="csrf" value={env.csrf} />
              <input type="hidden" name="goal" value={g.id} />
              <label>
                <span class="muted">status </span>
                <select name="status" aria-label={`Status of ${g.title}`}>
                  {LIAISON_STATUSES.map((s) => (
                    <option value={s} selected={s === g.status}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span class="muted">owner </span>
                <input
                  type="text"
                  name="owner"
                  value={g.owner ?? ''}
                  size={10}
                  maxlength={64}
                  aria-label={`Owner of ${g.title}`}
                />
              </label>
              <input type="hidden" name="by" value={env.who} />
              <button type="submit" aria-label={`Save the status of ${g.title}`}>
                Save
              </button>
            </form>
          )}
        </td>
      ) : null}
    </tr>
  );
}
