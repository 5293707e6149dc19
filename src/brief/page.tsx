import { cap } from '../core/text.js';
import { buildBrief } from './read.js';
import {
  GATE_ADVICE_TITLE,
  PRIORITIES_TITLE,
  REVIEW_TITLE,
  reviewLines,
  reviewStale,
} from './render.js';
import { summaryLines } from '../priorities/render.js';
import { adviceLine } from '../gate/render-queue.js';
import type { BriefEvent, BriefView } from './plan.js';
import { actionBlocks, actionWords, settledSummary, type ActionBlock } from '../actions/render.js';
import type { Deps } from '../core/deps.js';
import type { ScheduleView } from '../schedule/plan.js';
import { timelineSvg } from '../web/charts/timeline.js';
import { Chart, EventTitle, ScopeBadge, Table } from '../web/parts.js';
import type { Panel } from '../web/panel.js';

export interface OverviewView {
  readonly brief: BriefView;
  /** Null when the releases data has no schedule for the series. */
  readonly schedule: ScheduleView | null;
}

/** The brief's horizon, as `liaison brief` without `--weeks`. */
const BRIEF_WEEKS = 8;

export const overviewPanel: Panel<OverviewView> = {
  async build(ctx: Deps) {
    const brief = await buildBrief(ctx, { horizonWeeks: BRIEF_WEEKS });
    let schedule: ScheduleView | null = null;
    try {
      schedule = await ctx.views.schedule(ctx);
    } catch {
      // no schedule for the series: the timeline is left out, the brief still shows
    }
    return { brief, schedule };
  },
  json: (v) => v.brief,
  age: (v) => ({ asOf: v.brief.dataAsOf, source: v.brief.dataSource, stale: v.brief.notes }),
  render(v) {
    const b = v.brief;
    const id = b.series.releaseId ? `${b.series.releaseId} ` : '';
    return (
      <>
        <ActionsSection brief={b} />
        <section aria-labelledby="where">
          <h2 id="where">Where the cycle is</h2>
          <div class="cards">
            <div class="card">
              <h3>Series</h3>
              <p>{`${id}${cap(b.series.name)} (${b.series.status})`}</p>
            </div>
            <div class="card">
              <h3>Week</h3>
              <p>{`${b.week}, from ${b.weekStart}`}</p>
            </div>
            <div class="card">
              <h3>Release</h3>
              <p>
                {b.series.releaseDate
                  ? `${b.series.releaseDate} (${b.weeksToRelease} weeks)`
                  : 'not scheduled'}
              </p>
            </div>
            <div class="card">
              <h3>Next</h3>
              <p>
                {b.phase.before
                  ? `${b.phase.before.title}, ${b.phase.before.date}`
                  : 'nothing scheduled'}
              </p>
            </div>
          </div>
          {v.schedule ? (
            <Chart
              svg={timelineSvg(v.schedule)}
              caption={`The ${v.schedule.series.name} cycle: cross-project events and team deadlines, today in red; the next deadlines are labelled.`}
            />
          ) : null}
        </section>
        <section aria-labelledby="due">
          <h2 id="due">Due this week</h2>
          {b.dueThisWeek.length ? (
            <EventList events={b.dueThisWeek} />
          ) : (
            <p>Nothing scheduled this week.</p>
          )}
          {b.review ? (
            <>
              <h3>{REVIEW_TITLE}</h3>
              {reviewStale(b.review) ? <p class="notice">{reviewStale(b.review)}</p> : null}
              <ul class="plain">
                {reviewLines(b.review).map((l) => (
                  <li>{l}</li>
                ))}
              </ul>
            </>
          ) : null}
          {b.priorities ? (
            <>
              <h3>{PRIORITIES_TITLE}</h3>
              {b.priorities.stale.length ? (
                <p class="notice">{b.priorities.stale.join('; ')}</p>
              ) : null}
              <ul class="plain">
                {summaryLines(b.priorities).map((l) => (
                  <li>{l}</li>
                ))}
              </ul>
            </>
          ) : null}
          {b.gateAdvice.length ? (
            <>
              <h3>{GATE_ADVICE_TITLE}</h3>
              <ul class="plain">
                {b.gateAdvice.map((a) => (
                  <li class="notice">{adviceLine(a)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section aria-labelledby="coming">
          <h2 id="coming">{`Coming up (next ${BRIEF_WEEKS} weeks)`}</h2>
          {b.upcoming.length ? (
            <EventTable events={b.upcoming} />
          ) : (
            <p>Nothing in the coming weeks.</p>
          )}
        </section>
        <section aria-labelledby="deliverables">
          <h2 id="deliverables">Deliverables</h2>
          <Table head={['Deliverable', 'Model', 'Type', 'Latest release']}>
            {b.deliverables.map((d) => (
              <tr>
                <td>{d.name}</td>
                <td>{d.model ?? '-'}</td>
                <td>{d.type ?? '-'}</td>
                <td>
                  {d.latest
                    ? `${d.latest}${d.latestSeries ? ` (${d.latestSeries})` : ''}`
                    : 'never released'}
                </td>
              </tr>
            ))}
          </Table>
        </section>
      </>
    );
  },
};

/** Said first: what the release process asks of the team now, then what is open, then coming. */
function ActionsSection({ brief }: { brief: BriefView }) {
  const blocks = actionBlocks(brief.actions);
  const settled = settledSummary(brief.actions);
  const series = brief.actionsSeries;
  return (
    <section aria-labelledby="actions">
      <h2 id="actions">{`Release actions (${series})`}</h2>
      {blocks.every((x) => x.actions.length === 0) ? (
        <p>Nothing to do for the release process now.</p>
      ) : null}
      {blocks.map((block) => (
        <ActionList block={block} series={series} />
      ))}
      {settled ? <p class="muted">{`Settled: ${settled}.`}</p> : null}
    </section>
  );
}

function ActionList({ block, series }: { block: ActionBlock; series: string }) {
  if (block.actions.length === 0) return null;
  return (
    <>
      <h3>{block.title}</h3>
      <ul class="plain">
        {block.actions.map((a) => {
          const w = actionWords(a);
          return (
            <li>
              <span class={`badge ${w.tone}`}>{w.state}</span> <strong>{w.headline}</strong>
              {`, ${w.when}${a.series === series ? '' : ` (${a.series})`}`}
              <br />
              <span class="muted">{a.evidence}</span>
              {block.commands && a.command ? (
                <>
                  <br />
                  <code>{a.command}</code>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function EventList({ events }: { events: readonly BriefEvent[] }) {
  return (
    <ul class="plain">
      {events.map((e) => (
        <li>
          <ScopeBadge scope={e.scope} /> <EventTitle title={e.title} url={e.url} />
          {` — ${e.date}${e.endDate ? ` to ${e.endDate}` : ''}${e.owner && e.owner !== 'team' ? ` (owner: ${e.owner})` : ''}`}
        </li>
      ))}
    </ul>
  );
}

function EventTable({ events }: { events: readonly BriefEvent[] }) {
  return (
    <Table head={['Date', 'Week', 'Event', 'Owner', 'In']}>
      {events.map((e) => (
        <tr>
          <td>{e.date + (e.endDate ? ` to ${e.endDate}` : '')}</td>
          <td>{e.week ?? ''}</td>
          <td>
            <ScopeBadge scope={e.scope} /> <EventTitle title={e.title} url={e.url} />
          </td>
          <td>{e.owner ?? ''}</td>
          <td>
            {e.daysAway === 0 ? 'today' : e.daysAway > 0 ? `${e.daysAway} days` : 'under way'}
          </td>
        </tr>
      ))}
    </Table>
  );
}
