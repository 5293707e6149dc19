import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { plainReportOptions, runPlainReport } from '../../src/cli/notes-direct.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import type { TestRepo } from '../helpers/git-repo.js';

const RENO = process.env.LIAISON_RENO;
/** Options reno does not have (or that change where the output goes). */
const OURS_ONLY = new Set(['--format', '--json', '-o', '--output']);

const stores = new WeakMap<TestRepo, string>();

/** A store (history cache) per test repository, outside its work tree. */
export function storeFor(repo: TestRepo): string {
  let path = stores.get(repo);
  if (!path) stores.set(repo, (path = join(tempDir('liaison-store-'), 'liaison.db')));
  return path;
}

/** A note file's path under the default notes folder. */
export const note = (name: string): string => `releasenotes/notes/${name}.yaml`;

/** A one-item `fixes` note. */
export const fixNote = (text: string): string => `---\nfixes:\n  - ${text}\n`;

/** Runs `liaison notes <sub>` on a repo; fails the test on a non-zero exit unless allowed. */
export async function notes(repo: TestRepo, sub: string, args: string[] = [], allowFail = false) {
  const r = await runCli(['notes', sub, '--repo', repo.dir, '--db', storeFor(repo), ...args], {
    cwd: repo.dir,
  });
  if (!allowFail && r.code !== 0) throw new Error(`notes ${sub} exited ${r.code}: ${r.stderr}`);
  if ((sub === 'list' || sub === 'report') && r.code === 0 && !args.includes('--ignore-cache'))
    await expectSameUncached(repo, sub, args, r.stdout);
  if (
    RENO &&
    (sub === 'list' || sub === 'report') &&
    r.code === 0 &&
    !args.some((a) => OURS_ONLY.has(a))
  ) {
    // with $LIAISON_RENO (a reno executable), every scenario is also checked against reno
    // itself; where reno crashes (invalid YAML, shallow clone) we keep going on purpose
    const theirs = spawnSync(RENO, ['-q', sub, '.', ...args], { cwd: repo.dir, encoding: 'utf8' });
    if (theirs.status === 0) expect(r.stdout, `reno ${sub} ${args.join(' ')}`).toBe(theirs.stdout);
  }
  return r;
}

/**
 * Every scenario's list and report, computed again without the store
 * (which asks git for the changes of the walked commits only), then with
 * git's commit-graph file written (graph, trees and changed-path filters
 * read from it): the three must agree to the byte.
 */
async function expectSameUncached(repo: TestRepo, sub: string, args: string[], cached: string) {
  const uncached = () =>
    runCli(['notes', sub, '--repo', repo.dir, '--ignore-cache', '--db', storeFor(repo), ...args], {
      cwd: repo.dir,
    });
  const full = await uncached();
  expect(full.stdout, `notes ${sub} --ignore-cache`).toBe(cached);
  // the plain-line runner of the executable (cli/notes-direct.ts) prints the very same
  const argv = ['notes', sub, '--repo', repo.dir, '--ignore-cache', ...args];
  const io = { env: { NO_COLOR: '1' }, cwd: repo.dir, now: () => new Date(), isTTY: false };
  if (plainReportOptions(argv, io))
    expect(await runPlainReport(argv, io), `direct notes ${sub} ${args.join(' ')}`).toEqual(full);
  const graphFile = join(repo.dir, '.git/objects/info/commit-graph');
  if (existsSync(graphFile)) return; // the test wrote its own
  repo.git('commit-graph', 'write', '--reachable', '--changed-paths');
  try {
    expect((await uncached()).stdout, `notes ${sub} --ignore-cache, commit-graph`).toBe(cached);
  } finally {
    rmSync(graphFile, { force: true });
  }
}

/** `notes list` output with every commit SHA replaced by its label. */
export async function listed(
  repo: TestRepo,
  labels: Record<string, string>,
  args: string[] = [],
): Promise<string> {
  const r = await notes(repo, 'list', args);
  let out = r.stdout;
  for (const [label, sha] of Object.entries(labels)) out = out.replaceAll(sha, label);
  return out;
}
