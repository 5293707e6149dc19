import type { Deps } from '../core/deps.js';
import type { MeetingView } from './plan.js';
import { buildMeetingView } from './read.js';
import { renderMeetingIrc, renderMeetingMarkdown, sectionTitle } from './render.js';
import type { Panel } from '../web/panel.js';

export const meetingPanel: Panel<MeetingView> = {
  build: (ctx: Deps) => buildMeetingView(ctx),
  age: (v) => ({
    asOf: null,
    source: v.dataSource,
    stale: v.sections.filter((s) => s.note).map((s) => `${sectionTitle(s)}: ${s.note ?? ''}`),
  }),
  render(v) {
    return (
      <>
        <p>{`The release section of the ${v.team} meeting on ${v.date}: ${v.series.releaseId ?? ''} ${v.series.name}, week ${v.week}.`}</p>
        <section aria-labelledby="irc">
          <h2 id="irc">For IRC (meeting bot lines)</h2>
          <pre class="paste" data-copy="" tabindex={0} aria-label="Meeting text for IRC">
            {renderMeetingIrc(v)}
          </pre>
        </section>
        <section aria-labelledby="md">
          <h2 id="md">For an etherpad or Markdown</h2>
          <pre class="paste" data-copy="" tabindex={0} aria-label="Meeting text in Markdown">
            {renderMeetingMarkdown(v)}
          </pre>
        </section>
      </>
    );
  },
};
