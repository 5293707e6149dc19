import type { IsoDate } from '../../core/dates.js';
import { gitSync } from '../../git/run.js';

/**
 * When each release entry (and stable branch, and cycle-highlights key) of
 * a deliverable file was proposed and merged, read from the git history of
 * an openstack/releases checkout.
 *
 * - merged: the day the change reached master — the committer date of the
 *   first-parent commit of master that brought the line in (Gerrit's merge
 *   commit, or the change itself when it was fast-forwarded);
 * - proposed: the author date of the change (Gerrit keeps it across
 *   patch sets and rebases), i.e. of the merge's second parent.
 *
 * Dates are UTC days. The embedded snapshot stores them (part
 * `release-dates.json`), so the default data has them too.
 */

/** `[proposed, merged]`; either may be unknown. */
export type DatePair = readonly [proposed: IsoDate | null, merged: IsoDate | null];

export interface FileDates {
  /** version → dates of the change that added the release entry. */
  readonly v: Readonly<Record<string, DatePair>>;
  /** branch name → dates of the change that added the branch entry. */
  readonly b: Readonly<Record<string, DatePair>>;
  /** Dates of the change that added `cycle-highlights`, when the file has them. */
  readonly h?: DatePair;
}

export interface ReleaseDates {
  /** Commit of openstack/releases the dates were read at. */
  readonly commit: string | null;
  /** Series the dates cover (every file of each). */
  readonly series: readonly string[];
  /**
   * `<series>/<deliverable>` → dates; the embedded snapshot stores each as
   * one packed string (`encodeFileDates`), read only for the files asked.
   */
  readonly files: Readonly<Record<string, FileDates | string>>;
  /**
   * The embedded snapshot only: each deliverable's conventions from the
   * history (src/actions/plan-conventions.ts), compiled because the series
   * they look back at are not in the snapshot. `<series>/<deliverable>` →.
   */
  readonly conventions?: Readonly<Record<string, StoredConventions>>;
}

/** Conventions as stored: milestones, `b` betas named by milestone, `h` highlights, `s: 0` no stable branch, `f` series looked at. */
export interface StoredConventions {
  readonly m: readonly number[];
  readonly b?: 1;
  readonly h?: 1;
  readonly s?: 0;
  readonly f: string;
}

/** How a deliverable releases (the release actions' conventions; plain data). */
export interface DeliverableConventions {
  /** Milestones the deliverable releases at (betas for cycle-with-rc, releases for libraries). */
  readonly milestones: readonly number[];
  /** Whether betas are numbered after their milestone (Glance: 0b2 at milestone 2) or in sequence. */
  readonly betaNumbering: 'milestone' | 'sequence';
  /** Whether the deliverable adds `cycle-highlights` (service deliverables). */
  readonly highlights: boolean;
  /** Whether the deliverable gets a stable branch in each series. */
  readonly stableBranch: boolean;
  /** `config`: the team config says so; `history`: the last series' releases; `default`: no history. */
  readonly source: 'config' | 'history' | 'default';
  /** The earlier series the history default looked at (newest first). */
  readonly from: readonly string[];
  /** One line: why (e.g. "from gazpacho, flamingo, epoxy: betas at milestone 2"). */
  readonly basis: string;
}

const VERSION_LINE = /^\s*-\s+version:\s*['"]?([^'"\s#]+)/;
const BRANCH_LINE = /^\s*-\s+name:\s*['"]?([^'"\s#]+)/;
const HIGHLIGHTS_LINE = /^cycle-highlights:/;
const FILE_PATH = /^deliverables\/([^/]+)\/([^/]+)\.yaml$/;

interface Mutable {
  v: Map<string, DatePair>;
  b: Map<string, DatePair>;
  h?: DatePair;
}

export interface ReadDatesOptions {
  /** Which paths to read: whole series folders, or single files (`<series>/<name>`). */
  readonly series?: readonly string[];
  readonly files?: readonly string[];
  /** Commit to read the history at (default HEAD). */
  readonly rev?: string;
  /** Skip first-parent commits older than this day (speed: files of old series never change). */
  readonly since?: IsoDate;
}

/**
 * One `git log --first-parent -m -p` pass over the wanted paths (oldest
 * first), plus one `git log --no-walk` for the author dates of the merged
 * changes. A line removed and re-added in one commit (a re-dump) keeps its
 * first dates; a line replaced by another in one commit is a rename and
 * keeps the dates; a line removed for good is forgotten.
 */
export function readReleaseDates(root: string, opts: ReadDatesOptions): ReleaseDates {
  const rev = opts.rev ?? 'HEAD';
  const commit = gitSync(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], {
    okCodes: [1],
  }).trim();
  const paths = [
    ...(opts.series ?? []).map((s) => `deliverables/${s}/`),
    ...(opts.files ?? []).map((f) => `deliverables/${f}.yaml`),
  ];
  const files = new Map<string, Mutable>();
  const series = opts.series ?? [];
  if (!commit || paths.length === 0) return { commit: commit || null, series, files: {} };
  const log = gitSync(root, [
    'log',
    '--first-parent',
    '-m',
    '--reverse',
    '--no-renames',
    '--no-color',
    '--no-ext-diff',
    '-p',
    '--unified=0',
    '--format=%x00%H%x1f%P%x1f%ct%x1f%at',
    ...(opts.since ? [`--since=${opts.since}T00:00:00Z`] : []),
    commit,
    '--',
    ...paths,
  ]);
  const commits = parseLog(log);
  const authored = authorDates(
    root,
    commits.map((c) => c.merged).filter((x): x is string => x !== null),
  );
  for (const c of commits) {
    const proposed = c.merged ? (authored.get(c.merged) ?? null) : c.authorDay;
    const dates: DatePair = [proposed, c.commitDay];
    for (const [key, change] of c.files) {
      let f = files.get(key);
      if (!f) {
        f = { v: new Map(), b: new Map() };
        files.set(key, f);
      }
      apply(f.v, change.addedVersions, change.removedVersions, dates);
      apply(f.b, change.addedBranches, change.removedBranches, dates);
      if (change.highlightsAdded && !change.highlightsRemoved && !f.h) f.h = dates;
      if (change.highlightsRemoved && !change.highlightsAdded) f.h = undefined;
    }
  }
  const out: Record<string, FileDates> = {};
  for (const [key, f] of files)
    out[key] = {
      v: Object.fromEntries(f.v),
      b: Object.fromEntries(f.b),
      ...(f.h ? { h: f.h } : {}),
    };
  return { commit, series, files: out };
}

function apply(
  into: Map<string, DatePair>,
  added: ReadonlySet<string>,
  removed: ReadonlySet<string>,
  dates: DatePair,
): void {
  const gone = [...removed].filter((r) => !added.has(r));
  const come = [...added].filter((a) => !removed.has(a));
  // one entry renamed in place (gazpacho's glance 31.0.0.0b2 re-released as
  // 32.0.0.0b2): the same release under a new name keeps its dates
  const renamed = gone.length === come.length;
  come.forEach((a, i) => {
    const was = renamed ? gone[i] : undefined;
    const old = was !== undefined ? into.get(was) : undefined;
    if (!into.has(a)) into.set(a, old ?? dates);
  });
  for (const r of gone) into.delete(r);
}

interface FileChange {
  addedVersions: Set<string>;
  removedVersions: Set<string>;
  addedBranches: Set<string>;
  removedBranches: Set<string>;
  highlightsAdded: boolean;
  highlightsRemoved: boolean;
}

interface LoggedCommit {
  /** Second parent of a merge: the change that was merged; null when not a merge. */
  readonly merged: string | null;
  readonly commitDay: IsoDate;
  readonly authorDay: IsoDate;
  readonly files: Map<string, FileChange>;
}

function newChange(): FileChange {
  return {
    addedVersions: new Set(),
    removedVersions: new Set(),
    addedBranches: new Set(),
    removedBranches: new Set(),
    highlightsAdded: false,
    highlightsRemoved: false,
  };
}

function day(epochSeconds: string): IsoDate {
  return new Date(Number(epochSeconds) * 1000).toISOString().slice(0, 10);
}

function parseLog(log: string): LoggedCommit[] {
  const out: LoggedCommit[] = [];
  for (const chunk of log.split('\0')) {
    if (chunk === '') continue;
    const nl = chunk.indexOf('\n');
    const header = nl < 0 ? chunk : chunk.slice(0, nl);
    const [, parents = '', ct = '0', at = '0'] = header.split('\x1f');
    const files = new Map<string, FileChange>();
    let current: FileChange | undefined;
    for (const line of (nl < 0 ? '' : chunk.slice(nl + 1)).split('\n')) {
      if (line.startsWith('diff --git ')) {
        // "diff --git a/<path> b/<path>": deliverable paths hold no spaces
        const path = line.slice(line.lastIndexOf(' b/') + 3);
        const m = FILE_PATH.exec(path);
        current = undefined;
        if (m) {
          const key = `${m[1] ?? ''}/${m[2] ?? ''}`;
          current = files.get(key) ?? newChange();
          files.set(key, current);
        }
        continue;
      }
      if (line.startsWith('+++ ') || line.startsWith('--- ')) continue;
      if (!current) continue;
      const sign = line.charAt(0);
      if (sign !== '+' && sign !== '-') continue;
      const body = line.slice(1);
      const version = VERSION_LINE.exec(body)?.[1];
      const branch = version ? undefined : BRANCH_LINE.exec(body)?.[1];
      if (version) (sign === '+' ? current.addedVersions : current.removedVersions).add(version);
      else if (branch) (sign === '+' ? current.addedBranches : current.removedBranches).add(branch);
      else if (HIGHLIGHTS_LINE.test(body)) {
        if (sign === '+') current.highlightsAdded = true;
        else current.highlightsRemoved = true;
      }
    }
    const list = parents.split(' ').filter((p) => p !== '');
    out.push({
      merged: list.length > 1 ? (list[1] ?? null) : null,
      commitDay: day(ct),
      authorDay: day(at),
      files,
    });
  }
  return out;
}

/** Author day of each commit, in one `git log --no-walk --stdin`. */
function authorDates(root: string, commits: readonly string[]): Map<string, IsoDate> {
  const out = new Map<string, IsoDate>();
  if (commits.length === 0) return out;
  const text = gitSync(root, ['log', '--no-walk=unsorted', '--stdin', '--format=%H%x1f%at'], {
    input: commits.join('\n') + '\n',
  });
  for (const line of text.split('\n')) {
    const [h, at] = line.split('\x1f');
    if (h && at) out.set(h, day(at));
  }
  return out;
}

/** The dates of one file, or an empty record. */
export function fileDates(dates: ReleaseDates | undefined, series: string, name: string): FileDates {
  const f = dates?.files[`${series}/${name}`];
  if (f === undefined) return { v: {}, b: {} };
  return typeof f === 'string' ? decodeFileDates(f) : f;
}

/**
 * One file's dates packed in a string, so that parsing the snapshot part
 * makes one string per file and only the files a command reads are
 * unpacked: `v<version>|<proposed>|<merged>` for releases, `b<branch>|…`
 * for branches, `h|…` for the highlights, joined with `;` (versions,
 * branch names and dates hold none of `|;`).
 */
export function encodeFileDates(f: FileDates): string {
  const pair = (p: DatePair) => `${p[0] ?? ''}|${p[1] ?? ''}`;
  return [
    ...Object.entries(f.v).map(([k, p]) => `v${k}|${pair(p)}`),
    ...Object.entries(f.b).map(([k, p]) => `b${k}|${pair(p)}`),
    ...(f.h ? [`h|${pair(f.h)}`] : []),
  ].join(';');
}

export function decodeFileDates(text: string): FileDates {
  const v: Record<string, DatePair> = {};
  const b: Record<string, DatePair> = {};
  let h: DatePair | undefined;
  for (const item of text === '' ? [] : text.split(';')) {
    const [key = '', p = '', m = ''] = item.slice(1).split('|');
    const pair: DatePair = [p || null, m || null];
    if (item.startsWith('v')) v[key] = pair;
    else if (item.startsWith('b')) b[key] = pair;
    else h = pair;
  }
  return { v, b, ...(h ? { h } : {}) };
}
