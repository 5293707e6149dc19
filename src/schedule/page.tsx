import type { Deps } from '../core/deps.js';
import { buildSchedule } from './read.js';
import type { ScheduleView } from './plan.js';
import { timelineSvg } from '../web/charts/timeline.js';
import { Chart, EventTitle, ScopeBadge } from '../web/parts.js';
import type { Panel } from '../web/panel.js';

export const schedulePanel: Panel<ScheduleView> = {
  build: (ctx: Deps) => buildSchedule(ctx),
  age: (v) => ({
    asOf: v.dataAsOf,
    source: 'openstack/releases schedule and the team config',
    stale: [],
  }),
  render(v, env) {
    const id = v.series.releaseId ? `${v.series.releaseId} ` : '';
    return (
      <>
        <p>
          {`${id}${v.series.name}: ${v.startWeek} to the release week of ${v.releaseWeek}. `}
          <a href={env.resource('schedule.ics')} download={`${v.series.name}-${v.team}.ics`}>
            Download the calendar (.ics)
          </a>
          {env.subscribeUrl ? (
            <>
              {' · '}
              <a href={env.subscribeUrl}>Subscribe</a>
            </>
          ) : null}
          {' · '}
          <EventTitle title="Official schedule page" url={v.url} />
        </p>
        <Chart
          svg={timelineSvg(v, { label: 3 })}
          caption={`The ${v.series.name} cycle, today in red.`}
        />
        <div class="table-wrap">
          <table>
            <caption class="muted">Week by week; the current week is highlighted.</caption>
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col">Dates</th>
                <th scope="col">Events and deadlines</th>
              </tr>
            </thead>
            <tbody>
              {v.weeks.map((w) => (
                <tr
                  class={w.current ? 'current' : undefined}
                  aria-current={w.current ? 'date' : undefined}
                >
                  <th scope="row">{w.name ?? '—'}</th>
                  <td>{`${w.start} – ${w.end}`}</td>
                  <td>
                    {w.events.length ? (
                      <ul class="plain">
                        {w.events.map((e) => (
                          <li>
                            <ScopeBadge scope={e.scope} />{' '}
                            <EventTitle title={e.title} url={e.url} />
                            {e.date !== w.start
                              ? ` (${e.date}${e.endDate ? ` to ${e.endDate}` : ''})`
                              : ''}
                            {e.owner && e.owner !== 'team' ? ` · ${e.owner}` : ''}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  },
};
