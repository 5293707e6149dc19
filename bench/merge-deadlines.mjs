// How many of the release team's automatic proposals `liaison review` reads a
// merge deadline from (issue 13 item 7). Not a timing: a coverage count over
// the real commit messages of openstack/releases.
//
//   npm run build && node bench/merge-deadlines.mjs [RELEASES_GIT_DIR] [SINCE]
//
// RELEASES_GIT_DIR: a clone or bare mirror of openstack/releases (default
// /work/.mirror/openstack+releases/repo); SINCE: git --since (default 2025-01-01).
// "Automatic proposals" are the messages that tell what happens to a patch
// with no response (the release team's generated requests). For each found
// deadline it also checks that the date lies 0-60 days after the commit and
// falls on the weekday the text names, when it names one.
import { execFileSync } from 'node:child_process';
import { mergeDeadline } from '../dist/src/review/plan-deadline.js';

const repo = process.argv[2] ?? '/work/.mirror/openstack+releases/repo';
const since = process.argv[3] ?? '2025-01-01';
const out = execFileSync(
  'git',
  ['-C', repo, 'log', `--since=${since}`, '--no-merges', '--format=%H%x00%as%x00%B%x01'],
  { encoding: 'utf8', maxBuffer: 1 << 30 },
);
const messages = out
  .split('\x01')
  .filter((m) => m.trim())
  .map((m) => {
    const [hash, date, body] = m.replace(/^\n/, '').split('\x00');
    return { hash, date, body };
  });
const auto = messages.filter((m) => /no response/i.test(m.body) && /merged/i.test(m.body));
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
let found = 0;
let named = 0;
let weekdayOk = 0;
const odd = [];
for (const m of auto) {
  const d = mergeDeadline([m.body], m.date);
  if (!d) {
    odd.push(`${m.hash.slice(0, 12)} ${m.date}: no deadline read`);
    continue;
  }
  found++;
  const gap = (Date.parse(d.date) - Date.parse(m.date)) / 864e5;
  if (gap < 0 || gap > 60)
    odd.push(`${m.hash.slice(0, 12)} ${m.date}: ${d.date} is ${gap} days away`);
  const w = /(?:on|after|afte|by|early|before)\s+(Monday|Tuesday|Wednesday|Thursday|Friday)\b/.exec(
    m.body.replace(/\s+/g, ' '),
  );
  if (w) {
    named++;
    const day = WEEKDAYS[(new Date(`${d.date}T00:00:00Z`).getUTCDay() + 6) % 7];
    if (day === w[1]) weekdayOk++;
    else odd.push(`${m.hash.slice(0, 12)} ${m.date}: text says ${w[1]}, ${d.date} is a ${day}`);
  }
}
console.log(`commits since ${since}: ${messages.length}`);
console.log(`automatic proposals: ${auto.length}; merge deadline read: ${found} of ${auto.length}`);
console.log(`deadline on the weekday the text names: ${weekdayOk} of ${named}`);
for (const line of odd) console.log(`  ${line}`);
