import { git } from '../git/run.js';
import { readBlobs } from '../git/blobs.js';
import { loadRenoConfig, notesPath, type RenoConfig } from '../data/reno/config.js';
import { NoteParseError, parseNoteText } from '../data/reno/note-file.js';
import { bugFooters } from '../sources/gerrit/parse.js';
import type { CommitInfo, NoteInfo, ShipFacts } from './plan.js';

/**
 * "What it ships", read from a local clone with git: is the proposed hash
 * there and on the expected branch, the commits since the previous release
 * (merges left out, as the release team's `git log --no-merges`), and the
 * release notes those commits add (sections read with the notes library).
 */
export interface ShipQuery {
  readonly repo: string;
  readonly hash: string;
  /** Range start: `diff-start` or the previous release's hash; null for a first release. */
  readonly start: string | null;
  /** Branches the hash should be on, best first; the first that exists in the clone is expected. */
  readonly branches: readonly string[];
}

const US = '\x1f';

/**
 * One clone, one range. Existence of the hash, the range start and the
 * branch refs is asked in ONE `cat-file --batch-check` (a process start
 * costs more than the lookups); the log and note reads follow.
 */
export async function readShipFacts(clone: string, q: ShipQuery): Promise<ShipFacts> {
  const refs = q.branches.flatMap((b) => [`refs/heads/${b}`, `refs/remotes/origin/${b}`]);
  const asked = [`${q.hash}^{commit}`, `${q.start ?? q.hash}^{commit}`, ...refs];
  const answers = (
    await git(clone, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
      input: asked.join('\n') + '\n',
    })
  ).split('\n');
  const found = (i: number) =>
    !(answers[i] ?? ' missing').endsWith(' missing') && (answers[i] ?? '') !== '';
  const ref = refs.find((_, i) => found(i + 2));
  const expectedBranch = ref
    ? ref.replace(/^refs\/(heads|remotes\/origin)\//, '')
    : (q.branches[q.branches.length - 1] ?? 'master');
  const hashFound = found(0);
  const startFound = q.start !== null && found(1);
  const base = { repo: q.repo, clone, hashFound, startFound, expectedBranch, start: q.start };
  if (!hashFound) return { ...base, onExpectedBranch: null, commits: [], notes: [] };
  const onBranch = ref
    ? git(clone, ['merge-base', q.hash, ref], { okCodes: [1] }).then((o) => o.trim() === q.hash)
    : Promise.resolve(null);
  if (!startFound) return { ...base, onExpectedBranch: await onBranch, commits: [], notes: [] };
  const range = `${q.start}..${q.hash}`;
  let config: RenoConfig | undefined;
  try {
    config = loadRenoConfig(clone).config;
  } catch {
    config = undefined; // a broken reno config: commits are still listed, notes are not
  }
  const notesDir = `${config ? notesPath(config) : 'releasenotes/notes'}/`;
  // one log for subjects, authors, footers and the files each commit adds
  const [onExpectedBranch, log] = await Promise.all([
    onBranch,
    git(clone, [
      'log',
      '--no-merges',
      '--no-renames',
      '-z',
      '--name-status',
      `--format=%x1e%H${US}%an${US}%B`,
      range,
    ]),
  ]);
  const commits: CommitInfo[] = [];
  for (const record of log.split('\x1e')) {
    if (record.trim() === '') continue;
    const [hash = '', author = '', rest = ''] = record.split(US);
    // with -z the message ends with NUL, then `STATUS NUL PATH NUL` pairs
    const [body = '', ...fields] = rest.split('\0');
    const notes: string[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const path = fields[i + 1] ?? '';
      if (fields[i]?.trim() === 'A' && path.startsWith(notesDir) && path.endsWith('.yaml'))
        notes.push(path);
    }
    commits.push({
      hash,
      subject: body.split('\n')[0] ?? '',
      author,
      closesBugs: bugFooters(body).closes,
      feature: featureSignal(body),
      apiBreak: /^Sem-Ver:\s*api-break\b/im.test(body),
      notes,
    });
  }
  const paths = [...new Set(commits.flatMap((c) => c.notes))];
  const texts = await readBlobs(
    clone,
    paths.map((p) => `${q.hash}:${p}`),
  );
  const notes: NoteInfo[] = paths.map((path, i) => ({
    path,
    sections: noteSections(texts[i], path, config),
  }));
  return { ...base, onExpectedBranch, commits, notes };
}

function noteSections(
  text: string | undefined,
  path: string,
  config: RenoConfig | undefined,
): string[] {
  if (!config || text === undefined) return [];
  try {
    return [...parseNoteText(text, path, config).content.keys()];
  } catch (e) {
    if (e instanceof NoteParseError) return ['(unparsable)'];
    throw e;
  }
}

/**
 * Why a commit counts as a feature: pbr's `Sem-Ver: feature`/`api-break`
 * footer, or an `Implements: blueprint …` footer (features are tracked as
 * blueprints in OpenStack).
 */
export function featureSignal(message: string): string | null {
  const semver = /^Sem-Ver:\s*(feature|api-break)\b/im.exec(message);
  if (semver) return `Sem-Ver: ${semver[1]?.toLowerCase() ?? ''}`;
  const bp = /^(Partially-)?Implements:\s*(?:blueprint|bp)[\s:]+(\S+)/im.exec(message);
  if (bp) return `${bp[1] ? 'Partially-' : ''}Implements: blueprint ${bp[2] ?? ''}`;
  return null;
}
