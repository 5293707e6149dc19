import type { Context } from '../cli/context.js';
import { SourceUnavailableError } from '../core/errors.js';
import { buildNotesPreview, type NotesReport, type ReportVersion } from './read.js';
import { cloneDir } from '../post-final/read-disk.js';
import type { Panel } from '../web/panel.js';

export interface NotesPageView {
  readonly deliverable: string;
  readonly clone: string;
  /** What `liaison notes report --repo CLONE --json` prints. */
  readonly report: NotesReport;
}

/**
 * The notes of the team's first deliverable that has a local clone (config
 * `deliverables.<name>.clone` or `clones-dir`): the unreleased versions are
 * the next release's preview, older releases follow.
 */
export const notesPanel: Panel<NotesPageView> = {
  async build(ctx: Context) {
    const names = ctx.team.deliverables.map((d) => d.name);
    for (const name of names) {
      const clone = cloneDir(ctx, name);
      if (clone)
        return {
          deliverable: name,
          clone,
          // the options `liaison notes report --repo CLONE` uses by default
          report: await buildNotesPreview(
            { repoDir: clone, relnotesdir: 'releasenotes' },
            { title: 'Release Notes', showSource: true, cliBranch: null, onlyVersions: [] },
          ),
        };
    }
    throw new SourceUnavailableError(
      `no local clone of ${names.join(', ') || 'the team’s deliverables'}: set clones-dir or deliverables.<name>.clone in liaison.yaml`,
      'clones',
    );
  },
  json: (v) => v.report,
  age: (v) => ({
    asOf: null,
    source: `${v.deliverable} clone ${v.clone} at ${v.report.repo.head.slice(0, 10)} (${v.report.repo.currentVersion})`,
    stale: v.report.warnings,
  }),
  render(v) {
    const next = v.report.versions.filter((x) => x.unreleased);
    const released = v.report.versions.filter((x) => !x.unreleased);
    return (
      <>
        <section aria-labelledby="next">
          <h2 id="next">{`Next release of ${v.deliverable}`}</h2>
          {next.length ? (
            next.map((x) => <Version v={x} />)
          ) : (
            <p>{`No notes since ${v.report.repo.currentVersion}.`}</p>
          )}
        </section>
        {released.length ? (
          <section aria-labelledby="released">
            <h2 id="released">Released</h2>
            {released.slice(0, 10).map((x) => (
              <details>
                <summary>{`${x.title}${x.releaseDate ? ` (${x.releaseDate})` : ''}`}</summary>
                <Version v={x} />
              </details>
            ))}
          </section>
        ) : null}
      </>
    );
  },
};

function Version({ v }: { v: ReportVersion }) {
  return (
    <article aria-label={v.title}>
      <h3>{v.title}</h3>
      {v.prelude ? (
        <>
          <h4>{v.prelude.title}</h4>
          {v.prelude.entries.map((e) => (
            <p style="white-space:pre-wrap">{e.text}</p>
          ))}
        </>
      ) : null}
      {v.sections.map((s) => (
        <>
          <h4>{s.title}</h4>
          <ul class="plain">
            {s.entries.map((e) => (
              <li style="white-space:pre-wrap">{e.text}</li>
            ))}
          </ul>
        </>
      ))}
    </article>
  );
}
