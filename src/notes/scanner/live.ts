import { gitTakingEarly, REFS_ARGS, statusArgs } from './early.js';
import {
  headFromRevParse,
  headFromStatus,
  shallowFromFiles,
  usageErrorOfGit,
  type Head,
} from './head.js';

/** What git says about the refs and the work tree right now (the first processes of a scan). */
export interface LiveRefs {
  readonly head: Head;
  /** Raw `for-each-ref` and `status` outputs (also the key of the scan memo). */
  readonly refsOut: string;
  readonly statusOut: string;
}

/**
 * Starts the first git processes of a scan at once: the refs, the head,
 * and with `workingCopy` the `git status` of the notes folder (which also
 * gives the head, saving a process when the clone's layout allows it).
 */
export function readLiveRefs(
  repoDir: string,
  notesPath: string,
  workingCopy: boolean,
): Promise<LiveRefs> {
  const shallowFile = workingCopy ? shallowFromFiles(repoDir) : null;
  const headFromGit = shallowFile === null ? headFromRevParse(repoDir) : null;
  const refsPromise = gitTakingEarly(repoDir, REFS_ARGS);
  const statusPromise = workingCopy
    ? gitTakingEarly(repoDir, statusArgs(notesPath))
    : Promise.resolve('');
  const headPromise =
    headFromGit ??
    statusPromise.then(
      (out) => headFromStatus(out, repoDir, shallowFile ?? false),
      usageErrorOfGit(repoDir),
    );
  // a failing head (not a repository) must not leave the others' rejections unhandled
  refsPromise.catch(() => undefined);
  statusPromise.catch(() => undefined);
  return headPromise.then(async (head) => ({
    head,
    refsOut: await refsPromise,
    statusOut: await statusPromise,
  }));
}
