// Commands on the checkouts `liaison sync` keeps vs on the embedded snapshot
// (issue 13 item 5): the anchor is the same command on the embedded data.
//
//   npm run build && node bench/current-data.mjs [RELEASES_GIT] [RUNS]
//
// RELEASES_GIT: a clone or bare mirror of openstack/releases (default
// /work/.mirror/openstack+releases/repo). Governance comes from
// ../shared/data/openstack-governance, made a one-commit git repository.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, timeCases } from './lib/timing.mjs';

const root = new URL('..', import.meta.url).pathname;
const releases = process.argv[2] ?? '/work/.mirror/openstack+releases/repo';
const runs = Number(process.argv[3] ?? 9);
const tmp = mkdtempSync(join(tmpdir(), 'liaison-bench-data-'));
const gov = join(tmp, 'governance');
cpSync(join(root, '..', 'shared', 'data', 'openstack-governance'), gov, { recursive: true });
const git = (cwd, ...a) => spawnSync('git', a, { cwd, encoding: 'utf8' });
git(gov, 'init', '-q', '-b', 'master');
git(gov, 'add', '-A');
git(gov, '-c', 'user.name=bench', '-c', 'user.email=bench@example.org', 'commit', '-qm', 'data');
const config = (name, dir) => {
  const file = join(tmp, `${name}.yaml`);
  writeFileSync(
    file,
    `team: glance\ndata-dir: ${dir}\nsources:\n  releases:\n    url: file://${releases}\n  governance:\n    url: ${gov}\n`,
  );
  return file;
};
const managed = config('managed', join(tmp, 'managed'));
const embedded = config('embedded', join(tmp, 'none'));
const bin = join(root, 'dist/src/cli/bin.js');
const t0 = Date.now();
const sync = spawnSync(process.execPath, [bin, 'sync', '--only', 'data', '--config', managed], {
  encoding: 'utf8',
});
if (sync.status !== 0) throw new Error(sync.stderr);
console.log(`first sync (clone + compile): ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const t1 = Date.now();
spawnSync(process.execPath, [bin, 'sync', '--only', 'data', '--config', managed]);
console.log(`sync with nothing new: ${((Date.now() - t1) / 1000).toFixed(1)} s`);

const date = ['--date', '2026-08-25'];
const cases = {};
for (const cmd of [['brief'], ['freeze'], ['release', 'status']]) {
  cases[`${cmd.join(' ')} · embedded`] = [bin, ...cmd, ...date, '--config', embedded];
  cases[`${cmd.join(' ')} · sync's checkouts`] = [bin, ...cmd, ...date, '--config', managed];
}
const { times, cpu } = timeCases(cases, { runs, cwd: root });
console.log('| Case | Wall median | CPU median | Ratio (wall) |\n|---|---|---|---|');
const names = Object.keys(cases);
for (let i = 0; i < names.length; i += 2) {
  const anchor = median(times[names[i]]);
  for (const n of [names[i], names[i + 1]]) {
    const w = median(times[n]);
    const c = cpu[n].length ? `${median(cpu[n]).toFixed(0)} ms` : '-';
    console.log(`| ${n} | ${w.toFixed(0)} ms | ${c} | ${(w / anchor).toFixed(2)}x |`);
  }
}
rmSync(tmp, { recursive: true, force: true });
