import type { Context } from '../cli/context.js';
import { emit } from '../cli/output.js';
import { git } from '../git/run.js';
import {
  checkBackports,
  checkEveryRelease,
  checkPrelude,
  comingVersions,
  notesDirOf,
  type NotesCheckView,
} from './plan-check.js';
import { isNoteFile } from '../data/reno/note-file.js';
import { PyRegex } from '../data/reno/py-regex.js';
import { Branches } from './scanner/branches.js';
import { VersionRules } from './scanner/versions.js';
import { loadNotes, openRepository, scanOpened } from './scanner/repository.js';
import { printWarnings, queryOf } from './command-options.js';

/** Exit 1 when a check fails (findings). */
export async function runCheck(ctx: Context): Promise<number> {
  const opened = await openRepository(queryOf(ctx));
  const main = await scanOpened(opened, {});
  printWarnings(ctx, main.warnings);
  const tags = opened.facts.tags;
  const coming = comingVersions(main, tags);
  const notes = await loadNotes(main, coming);
  const noCollapse = await scanOpened(opened, { collapsePreReleases: false });
  const stableNames = [...opened.facts.refs.keys()]
    .map((r) =>
      r.startsWith('refs/heads/')
        ? r.slice(11)
        : r.startsWith('refs/remotes/origin/')
          ? r.slice(20)
          : '',
    )
    .filter((n) => n && new PyRegex(opened.config.branchNameRe).searches(n));
  const stableScans = [];
  for (const name of [...new Set(stableNames)].sort())
    stableScans.push(await scanOpened(opened, { branch: name }));
  const masterTree = await git(
    opened.repoDir,
    [
      'ls-tree',
      '-r',
      '--name-only',
      '-z',
      new Branches(opened.facts, opened.config, new VersionRules(opened.config, tags)).resolve(
        opened.config.defaultBranch,
      ),
      '--',
      notesDirOf(main),
    ],
    { okCodes: [128] },
  );
  const masterPaths = masterTree.split('\0').filter(isNoteFile);
  const view: NotesCheckView = {
    repo: opened.repoDir,
    currentVersion: main.scan.currentVersion,
    checks: [
      checkPrelude(main, coming, notes, tags),
      checkEveryRelease(noCollapse),
      checkBackports(stableScans, masterPaths),
    ],
  };
  emit(ctx, view, (v) =>
    v.checks
      .map(
        (c) =>
          `${c.ok ? 'ok  ' : 'FAIL'} ${c.id}: ${c.summary}${c.ok ? '' : c.details.map((d) => `\n       ${d}`).join('')}`,
      )
      .join('\n'),
  );
  return view.checks.every((c) => c.ok) ? 0 : 1;
}
