import { buildBugsView } from './read.js';
import { type BugsView } from './plan.js';
import type { BugItem } from './plan.js';
import type { Deps } from '../core/deps.js';
import { DataLink } from '../web/parts.js';
import type { Panel } from '../web/panel.js';

export const bugsPanel: Panel<BugsView> = {
  build: (ctx: Deps) => buildBugsView(ctx),
  age: (v) => ({
    asOf: v.dataAsOf,
    source: v.freshness.line,
    stale: [
      ...(v.freshness.state === 'fresh' ? [] : [v.freshness.line]),
      ...v.projects
        .filter((p) => p.syncedAt === null)
        .map((p) => `No Launchpad data for ${p.name} (${v.series}) yet; run \`liaison sync\`.`),
    ],
  }),
  render(v) {
    const rc = v.bugs.filter((b) => b.rcCritical);
    const targeted = v.bugs.filter((b) => b.targeted && !b.rcCritical);
    const other = v.bugs.filter((b) => !b.targeted && !b.rcCritical);
    return (
      <>
        <p>
          {`${v.series}: `}
          <strong
            class={v.counts.rcCritical ? 'bad' : undefined}
          >{`${v.counts.rcCritical} release-critical`}</strong>
          {` (tag ${v.rcTag} or Critical), ${v.counts.targeted} targeted to the next milestone, ${v.counts.fixCommitted} fixed but not released.`}
        </p>
        <ul class="plain">
          {v.projects.map((p) => (
            <li>{`${p.name}: next milestone ${p.nextMilestone ?? 'unknown'}`}</li>
          ))}
        </ul>
        <BugTable title="Release-critical" id="rc" bugs={rc} empty="No release-critical bugs." />
        <BugTable
          title="Targeted to the next milestone"
          id="targeted"
          bugs={targeted}
          empty="No other bugs targeted to the next milestone."
        />
        {other.length ? (
          <BugTable title="Fixed, not yet released" id="fixed" bugs={other} empty="" />
        ) : null}
      </>
    );
  },
};

function BugTable({
  title,
  id,
  bugs,
  empty,
}: {
  title: string;
  id: string;
  bugs: readonly BugItem[];
  empty: string;
}) {
  return (
    <section aria-labelledby={`bugs-${id}`}>
      <h2 id={`bugs-${id}`}>{`${title} (${bugs.length})`}</h2>
      {bugs.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Bug</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Importance</th>
                <th scope="col">Milestone</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {bugs.map((b) => (
                <tr>
                  <td>
                    <DataLink url={b.url}>{`#${b.id}`}</DataLink>
                  </td>
                  <td>
                    {b.title}
                    <br />
                    <small class="muted">{b.projects.join(', ')}</small>
                  </td>
                  <td>{b.status}</td>
                  <td class={b.importance === 'Critical' ? 'bad' : undefined}>{b.importance}</td>
                  <td>{b.milestone ?? '-'}</td>
                  <td>{b.reasons.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
