import type { Deps } from '../core/deps.js';
import { buildNotesPage, type ReportVersion } from './read.js';
import type { NotesPageView } from './plan.js';
import type { Panel } from '../web/panel.js';

export const notesPanel: Panel<NotesPageView> = {
  build: (ctx: Deps) => buildNotesPage(ctx),
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
