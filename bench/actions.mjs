// The release actions' cost on the command path (issue 13): in a fresh
// process per run, after the reads the brief does anyway (calendar, team,
// deliverable summaries), load the actions' modules and plan the team's
// actions; then plan every team of the data for one series (issue 15's
// all-teams view). Anchor: the whole `liaison brief --json` in-process.
//   npm run build && node bench/actions.mjs [runs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './lib/timing.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 7);
const child = `
const root = ${JSON.stringify(root)};
const { Context } = await import(root + 'dist/src/cli/context.js');
const io = { stdout(){}, stderr(){}, env: { ...process.env, XDG_DATA_HOME: '/nonexistent-liaison-bench' }, cwd: root, now: () => new Date(), isTTY: false };
const mode = process.argv[1];
const ctx = new Context({ date: '2026-11-27', json: true }, io);
const t0 = performance.now();
if (mode === 'brief') { await ctx.views.brief(ctx, {}); console.log(performance.now() - t0); process.exit(0); }
const { teamDeliverables } = await import(root + 'dist/src/team/plan.js');
const { positionAt } = await import(root + 'dist/src/calendar/cycle.js');
const pos = positionAt(ctx.calendarInput, ctx.today);
teamDeliverables(ctx.team, ctx.calendarInput.series, pos.series.name, ctx.data.releases, ctx.config);
ctx.data.releases.deliverableNames(pos.series.name);
const t1 = performance.now();
const m = await import(root + 'dist/src/actions/read.js');
const p = await import(root + 'dist/src/actions/plan.js');
if (mode === 'team') { m.buildReleaseActions(ctx, {}); console.log(performance.now() - t1); process.exit(0); }
const { calendarInput } = await import(root + 'dist/src/calendar/input.js');
const cal = calendarInput(ctx.data.releases);
let n = 0;
const t2 = performance.now();
for (const team of ctx.data.governance.teams()) {
  const r = m.readActions({ releases: ctx.data.releases, calendar: cal, team, config: {}, today: '2026-09-09' }, 'hibiscus');
  if (r) n += p.planActions(r.input).length;
}
console.log(performance.now() - t2, n, ctx.data.governance.teams().length);
`;
const run = (mode) => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', child, mode], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim().split(' ').map(Number);
};
const brief = [];
const team = [];
const all = [];
let counts = [0, 0];
for (let i = 0; i < runs; i++) {
  brief.push(run('brief')[0]);
  team.push(run('team')[0]);
  const [ms, actions, teams] = run('all');
  all.push(ms);
  counts = [actions, teams];
}
console.log(`runs: ${runs}, fresh process each, medians`);
console.log(`brief view (anchor)              ${median(brief).toFixed(1)} ms`);
console.log(
  `team actions (load + plan)       ${median(team).toFixed(1)} ms  ratio ${(median(team) / median(brief)).toFixed(2)}x`,
);
console.log(`every team (${counts[1]} teams, ${counts[0]} actions)  ${median(all).toFixed(1)} ms`);
