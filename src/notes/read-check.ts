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
import { loadNotes, openRepository, scanOpened, type NotesQuery } from './scanner/repository.js';

/**
 * What `liaison notes check` judges: the scans of the default branch (with and
 * without collapsed pre-releases) and of each stable branch, and the note
 * files on master; the checks themselves are plan-check.ts's.
 */
export async function readNotesCheck(
  query: NotesQuery,
): Promise<{ view: NotesCheckView; warnings: readonly string[] }> {
  const opened = await openRepository(query);
  const main = await scanOpened(opened, {});
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
  return {
    warnings: main.warnings,
    view: {
      repo: opened.repoDir,
      currentVersion: main.scan.currentVersion,
      checks: [
        checkPrelude(main, coming, notes, tags),
        checkEveryRelease(noCollapse),
        checkBackports(stableScans, masterPaths),
      ],
    },
  };
}
