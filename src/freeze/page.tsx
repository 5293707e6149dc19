import type { Deps } from '../core/deps.js';
import { buildFreezeView } from './read.js';
import { type FreezeChange, type FreezeView } from './plan.js';
import { DataLink } from '../web/parts.js';
import type { Panel } from '../web/panel.js';

const CLASS_TITLE: Record<FreezeChange['class'], string> = {
  other: 'Other changes (a -2 is drafted)',
  'release-critical': 'Release-critical fixes',
  automated: 'Automated updates',
};

export const freezePanel: Panel<FreezeView> = {
  build: (ctx: Deps) => buildFreezeView(ctx),
  // `liaison freeze --json` prints the view with the votes it posted (none without --apply)
  json: (v) => ({ ...v, votes: null }),
  age: (v) => {
    const sources = [v.sources.gerrit, v.sources.launchpad];
    return {
      asOf: v.dataAsOf,
      source: sources.map((s) => s.line).join(' · '),
      stale: v.active ? sources.filter((s) => s.state !== 'fresh').map((s) => s.line) : [],
    };
  },
  render(v) {
    return (
      <>
        <p>
          {`${v.seriesId} ${v.series}: `}
          <strong>{v.active ? `freeze active (${v.phase})` : `no freeze now (${v.phase})`}</strong>
          {` · stable branch ${v.stableBranch} · RC1 ${v.rc1Date ?? 'not scheduled'} · final RCs by ${v.finalRcDeadline ?? '-'} · final ${v.finalDate ?? '-'}`}
        </p>
        <p>
          {`Release candidates: ${v.rcCount}`}
          {v.lastRc
            ? ` · latest ${v.lastRc.deliverable} ${v.lastRc.version}${v.lastRc.date ? ` on ${v.lastRc.date}` : ''}`
            : ''}
          {v.daysSinceLastRc !== null ? ` (${v.daysSinceLastRc} days ago)` : ''}
        </p>
        {v.warnings.map((w) => (
          <p class="notice" role="status">
            {w}
          </p>
        ))}
        <section aria-labelledby="rc-bugs">
          <h2 id="rc-bugs">{`Release-critical bugs (${v.rcBugs.length})`}</h2>
          {v.rcBugs.length ? (
            <ul class="plain">
              {v.rcBugs.map((b) => (
                <li>
                  <DataLink url={`https://bugs.launchpad.net/bugs/${b.id}`}>{`#${b.id}`}</DataLink>
                  {` ${b.why}`}
                </li>
              ))}
            </ul>
          ) : (
            <p>None.</p>
          )}
        </section>
        {v.active ? (
          (['other', 'release-critical', 'automated'] as const).map((k) => (
            <ChangeSection kind={k} changes={v.changes.filter((c) => c.class === k)} />
          ))
        ) : (
          <p>Open changes are classified from RC1 to the final release.</p>
        )}
      </>
    );
  },
};

function ChangeSection({
  kind,
  changes,
}: {
  kind: FreezeChange['class'];
  changes: readonly FreezeChange[];
}) {
  return (
    <section aria-labelledby={`changes-${kind}`}>
      <h2 id={`changes-${kind}`}>{`${CLASS_TITLE[kind]} (${changes.length})`}</h2>
      {changes.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul class="plain">
          {changes.map((c) => (
            <li>
              <DataLink url={c.url}>{`${c.number}`}</DataLink>
              {` ${c.project} (${c.branch}): ${c.subject}`}
              <br />
              <small class="muted">
                {c.reason}
                {c.owner ? ` · owner ${c.owner}` : ''}
                {c.workInProgress ? ' · work in progress' : ''}
                {c.blockedBy ? ` · -2 by ${c.blockedBy}` : ''}
                {c.posted ? ` · our -2 posted ${c.posted.at.slice(0, 10)} by ${c.posted.by}` : ''}
              </small>
              {c.draft ? (
                <details>
                  <summary>Drafted -2 message</summary>
                  <pre class="paste" data-copy="">
                    {c.draft}
                  </pre>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
