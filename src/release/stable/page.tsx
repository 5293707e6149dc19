import type { Deps } from '../../core/deps.js';
import { DataLink, Table } from '../../web/parts.js';
import type { Panel } from '../../web/panel.js';
import type { StableBranchRow, StableView } from './plan.js';
import { buildStableView } from './read.js';
import { REASON_TEXT } from './render.js';

/** The Stable page: one row per branch, the releasable ones with their changes and backports. */
export const stablePanel: Panel<StableView> = {
  build: (ctx: Deps) => buildStableView(ctx),
  age: (v) => ({
    asOf: v.backportsAsOf,
    source: v.source.line,
    stale: [
      ...(v.source.state === 'fresh' ? [] : [v.source.line]),
      ...(v.seriesWithoutFiles.length
        ? [
            `The releases data has no deliverable files of ${v.seriesWithoutFiles.join(', ')}: their branches are assumed and their last releases unknown.`,
          ]
        : []),
      ...(v.withoutClone.length
        ? [
            `No clone of ${v.withoutClone.join(', ')}: unreleased changes unknown (set clones-dir in liaison.yaml).`,
          ]
        : []),
    ],
  }),
  render(v) {
    const n = v.counts;
    const releasable = v.branches.filter((b) => b.releasable);
    return (
      <>
        <p>
          {`${n.branches} branches, ${n.releasable} released from: `}
          <strong class={n.suggested ? 'warn' : 'ok'}>{`${n.suggested} to release`}</strong>
          {` (${n.unreleased} unreleased changes, ${n.openBackports} open backports).`}
        </p>
        <Table
          head={[
            'Deliverable',
            'Branch',
            'Phase',
            'Last release',
            'Unreleased',
            'Open backports',
            'Release?',
          ]}
        >
          {v.branches.map((b) => (
            <tr data-suggest={b.suggest ? 'yes' : 'no'}>
              <th scope="row">
                {b.deliverable}
                <br />
                <small class="muted">{b.repo}</small>
              </th>
              <td>{b.branch}</td>
              <td>{b.phase}</td>
              <td>{b.lastRelease ?? '-'}</td>
              <td>{b.unreleased === null ? 'no clone' : String(b.unreleased.count)}</td>
              <td>{b.openBackports === null ? 'not synced' : String(b.openBackports.length)}</td>
              <td class={b.suggest ? 'warn' : b.releasable ? undefined : 'muted'}>
                {b.suggest
                  ? `yes: ${b.nextVersion ?? 'a bugfix release'}`
                  : b.releasable
                    ? b.unreleased === null
                      ? 'unknown without a clone'
                      : 'nothing to release'
                    : REASON_TEXT[b.reason]}
              </td>
            </tr>
          ))}
        </Table>
        {releasable.map((b) => (
          <BranchDetails b={b} />
        ))}
      </>
    );
  },
};

function BranchDetails({ b }: { b: StableBranchRow }) {
  const changes = b.unreleased?.changes ?? [];
  const backports = b.openBackports ?? [];
  if (changes.length === 0 && backports.length === 0) return null;
  const id = `b-${b.repo}-${b.branch}`.replace(/[^A-Za-z0-9_-]/g, '-');
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{`${b.deliverable} ${b.branch}`}</h2>
      {changes.length ? (
        <>
          <p>{`Merged since ${b.unreleased?.since ?? 'the branch point'}:`}</p>
          <ul class="plain">
            {changes.map((c) => (
              <li>
                {`${c.date} ${c.subject}`}
                {c.bugs.map((bug, i) => (
                  <>
                    {' · '}
                    <DataLink url={c.bugLinks[i]}>{`bug ${bug}`}</DataLink>
                  </>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {backports.length ? (
        <>
          <p>Open backports:</p>
          <ul class="plain">
            {backports.map((o) => (
              <li>
                <DataLink url={o.url}>{String(o.number)}</DataLink>
                {` ${o.subject}${o.owner ? ` (${o.owner})` : ''}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
