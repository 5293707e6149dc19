import type { Deps } from '../core/deps.js';
import { buildChecklist } from './read.js';
import type { ChecklistItemView, ChecklistView, ItemState } from './plan.js';
import { DataLink } from '../web/parts.js';
import type { Panel, RenderEnv } from '../web/panel.js';

const STATE_LABEL: Record<ItemState, string> = {
  done: 'done',
  'auto-done': 'done (checked)',
  open: 'open',
  overdue: 'overdue',
};
const STATE_CLASS: Record<ItemState, string> = {
  done: 'ok',
  'auto-done': 'ok',
  open: '',
  overdue: 'bad',
};

export const checklistPanel: Panel<ChecklistView> = {
  build: (ctx: Deps) => buildChecklist(ctx),
  age: (v) => ({
    asOf: v.date,
    source: `checklist of ${v.series}; ticks from the store, checks from the releases data`,
    stale: [],
  }),
  render(v, env) {
    const k = v.counts;
    const phases = [...new Set(v.items.map((i) => i.phase))];
    return (
      <>
        <p>
          {`${v.team}, ${v.series}${v.releaseId ? ` (${v.releaseId})` : ''}: ${k.done + k['auto-done']} done (${k['auto-done']} by checks), ${k.open} open, `}
          <strong class={k.overdue ? 'bad' : undefined}>{`${k.overdue} overdue`}</strong>
        </p>
        {env.csrf ? null : (
          <p class="notice info">
            {env.mode === 'static'
              ? 'This is a published copy: tick items with `liaison checklist done ID` or on the live dashboard.'
              : 'This dashboard is read-only; tick items with `liaison checklist done ID`.'}
          </p>
        )}
        {phases.map((phase) => (
          <section aria-labelledby={`phase-${phase}`}>
            <h2 id={`phase-${phase}`}>{phase}</h2>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">State</th>
                    <th scope="col">Due</th>
                    <th scope="col">Item</th>
                    <th scope="col">Owner</th>
                    {env.csrf ? <th scope="col">Action</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {v.items
                    .filter((i) => i.phase === phase)
                    .map((i) => (
                      <Item item={i} env={env} />
                    ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </>
    );
  },
};

function Item({ item, env }: { item: ChecklistItemView; env: RenderEnv }) {
  const owner =
    item.ownerPeople.length && item.ownerPeople[0] !== item.owner
      ? `${item.owner}: ${item.ownerPeople.join(', ')}`
      : item.owner;
  return (
    <tr id={`item-${item.id}`} data-state={item.state}>
      <td class={STATE_CLASS[item.state]}>{STATE_LABEL[item.state]}</td>
      <td>{`${item.due}${item.week ? ` (${item.week})` : ''}`}</td>
      <td>
        <DataLink url={item.link}>{item.title}</DataLink>
        <br />
        <small class="muted">
          <code>{item.id}</code>
          {item.evidence ? ` · ${item.evidence}` : ''}
        </small>
      </td>
      <td>{owner}</td>
      {env.csrf ? (
        <td>
          {item.state === 'auto-done' ? (
            <span class="muted">checked automatically</span>
          ) : (
            <TickForm item={item} env={env} csrf={env.csrf} />
          )}
        </td>
      ) : null}
    </tr>
  );
}

function TickForm({ item, env, csrf }: { item: ChecklistItemView; env: RenderEnv; csrf: string }) {
  const done = item.state === 'done';
  return (
    <form method="post" action={env.formAction(done ? '/checklist/undo' : '/checklist/done')}>
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="id" value={item.id} />
      {done ? null : (
        <label>
          <span class="muted">by </span>
          <input
            type="text"
            name="by"
            value={env.who}
            size={10}
            aria-label={`Who did ${item.title}`}
            maxlength={64}
            required
          />
        </label>
      )}{' '}
      <button
        type="submit"
        class={done ? 'secondary' : undefined}
        aria-label={`${done ? 'Undo' : 'Mark done'}: ${item.title}`}
      >
        {done ? 'Undo' : 'Mark done'}
      </button>
    </form>
  );
}
