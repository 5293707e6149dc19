import type { DeliverableDoc } from './plan-types.js';

/**
 * What counts as new in a file, against the file at `--base` (pure).
 * Upstream decides "new" by asking git whether a tag exists; offline, a
 * release entry is new when the base file has no entry like it. Entries
 * are matched as a multiset, so a version listed a second time is new even
 * though the base has that version, and an entry whose version the base has
 * with other commits is an edit of released history, not a new release.
 */

/** The parts of the file at --base the comparison needs. */
export interface BaseFacts {
  /** The --base revision as given (`HEAD`, `origin/master`). */
  readonly label: string;
  readonly releases: readonly BaseRelease[];
  readonly branches: readonly BaseBranch[];
}

export interface BaseRelease {
  readonly version: string;
  readonly projects: readonly { readonly repo: string; readonly hash: string }[];
}

export interface BaseBranch {
  readonly name: string;
  /** The location as text (a mapping as JSON), for comparison only. */
  readonly location: string;
}

export type Newness =
  /** No --base: everything is history, the rules for new releases do not run. */
  | { readonly kind: 'nothing' }
  /** The file did not exist at --base: everything in it is new. */
  | { readonly kind: 'all'; readonly label: string }
  | { readonly kind: 'base'; readonly base: BaseFacts }
  /** Chosen versions count as new (tests and replays of history). */
  | { readonly kind: 'versions'; readonly isNew: (version: string) => boolean };

export const NOTHING_NEW: Newness = { kind: 'nothing' };

/** How the file differs from its base, as the rules see it. */
export interface Ages {
  /** Indexes of release entries that are new (to be tagged). */
  readonly newReleases: readonly number[];
  /** Entries whose version the base has with other repositories or commits. */
  readonly edited: readonly EditedRelease[];
  /** Versions of the base that the file no longer lists. */
  readonly removed: readonly string[];
  /** Indexes of branch entries that are new (to be created). */
  readonly newBranches: readonly number[];
  /** Branch entries whose name the base has at another location. */
  readonly editedBranches: readonly { readonly index: number; readonly before: BaseBranch }[];
  readonly isNewBranch: (name: string) => boolean;
  /** The --base revision, when there is one. */
  readonly baseLabel: string | undefined;
}

export interface EditedRelease {
  readonly index: number;
  readonly before: BaseRelease;
}

const NONE: readonly never[] = [];
const never = (): boolean => false;
const always = (): boolean => true;
export const NO_AGES: Ages = {
  newReleases: NONE,
  edited: NONE,
  removed: NONE,
  newBranches: NONE,
  editedBranches: NONE,
  isNewBranch: never,
  baseLabel: undefined,
};

export function agesOf(doc: DeliverableDoc, newness: Newness): Ages {
  const releases = doc.releases ?? [];
  switch (newness.kind) {
    case 'nothing':
      return NO_AGES;
    case 'versions':
      return {
        ...NO_AGES,
        newReleases: indexesWhere(releases.length, (i) =>
          newness.isNew(String(releases[i]?.version)),
        ),
      };
    case 'all':
      return {
        newReleases: indexesWhere(releases.length, always),
        edited: NONE,
        removed: NONE,
        newBranches: indexesWhere((doc.branches ?? []).length, always),
        editedBranches: NONE,
        isNewBranch: always,
        baseLabel: newness.label,
      };
    case 'base':
      return againstBase(doc, newness.base);
  }
}

function againstBase(doc: DeliverableDoc, base: BaseFacts): Ages {
  const releases = doc.releases ?? [];
  const r = matchEntries(
    releases,
    base.releases,
    (e) => e.version,
    (e) => projectsKey(e.projects ?? []),
    (b) => b.version,
    (b) => projectsKey(b.projects),
  );
  const branches = doc.branches ?? [];
  const b = matchEntries(
    branches,
    base.branches,
    (e) => e.name,
    (e) => locationText(e.location),
    (x) => x.name,
    (x) => x.location,
  );
  const newBranchNames = new Set(b.fresh.map((i) => String(branches[i]?.name)));
  return {
    newReleases: r.fresh,
    edited: r.edited,
    removed: r.left.map((x) => x.version),
    newBranches: b.fresh,
    editedBranches: b.edited,
    isNewBranch: (name) => newBranchNames.has(name),
    baseLabel: base.label,
  };
}

/**
 * Matches the entries of the file with those of the base as multisets:
 * identical entries first, wherever they are; then an entry whose name
 * the base still has (with other content) is an edit; the rest are new.
 */
function matchEntries<E, B>(
  entries: readonly E[],
  baseEntries: readonly B[],
  nameOf: (e: E) => string,
  contentOf: (e: E) => string,
  baseName: (b: B) => string,
  baseContent: (b: B) => string,
): { fresh: number[]; edited: { index: number; before: B }[]; left: B[] } {
  const unmatched = new Map<string, B[]>();
  for (const x of baseEntries) {
    const key = `${baseName(x)}\u0000${baseContent(x)}`;
    const list = unmatched.get(key);
    if (list) list.push(x);
    else unmatched.set(key, [x]);
  }
  const open = entries.map((e) => {
    const list = unmatched.get(`${nameOf(e)}\u0000${contentOf(e)}`);
    return !(list && list.length > 0 && list.pop());
  });
  const byName = new Map<string, B[]>();
  for (const list of unmatched.values())
    for (const x of list) {
      const same = byName.get(baseName(x));
      if (same) same.push(x);
      else byName.set(baseName(x), [x]);
    }
  const fresh: number[] = [];
  const edited: { index: number; before: B }[] = [];
  entries.forEach((e, i) => {
    if (!open[i]) return;
    const before = byName.get(nameOf(e))?.shift();
    if (before !== undefined) edited.push({ index: i, before });
    else fresh.push(i);
  });
  return { fresh, edited, left: [...byName.values()].flat() };
}

function indexesWhere(n: number, pred: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (pred(i)) out.push(i);
  return out;
}

function projectsKey(
  projects: readonly { readonly repo: unknown; readonly hash: unknown }[],
): string {
  return projects
    .map((p) => `${String(p.repo)}@${String(p.hash)}`)
    .sort()
    .join(',');
}

export function locationText(location: unknown): string {
  return typeof location === 'string' ? location : JSON.stringify(location ?? null);
}

/** The links of a `release-notes` value: one link (key `''`) or one per repository. */
export function linksOf(notes: unknown): { key: string; url: unknown }[] {
  if (notes === undefined || notes === null) return [];
  if (typeof notes === 'object' && !Array.isArray(notes))
    return Object.entries(notes as Record<string, unknown>).map(([key, url]) => ({ key, url }));
  return [{ key: '', url: notes }];
}

/** BaseFacts from the parsed file at --base (anything unreadable counts as absent). */
export function baseFactsOf(label: string, value: unknown): BaseFacts {
  const doc = (typeof value === 'object' && value !== null ? value : {}) as {
    releases?: unknown;
    branches?: unknown;
  };
  const releases: BaseRelease[] = [];
  if (Array.isArray(doc.releases))
    for (const r of doc.releases as { version?: unknown; projects?: unknown }[]) {
      if (typeof r !== 'object' || r === null) continue;
      const projects = Array.isArray(r.projects)
        ? (r.projects as { repo?: unknown; hash?: unknown }[])
            .filter((p) => typeof p === 'object' && p !== null)
            .map((p) => ({ repo: String(p.repo), hash: String(p.hash) }))
        : [];
      releases.push({ version: String(r.version), projects });
    }
  const branches: BaseBranch[] = [];
  if (Array.isArray(doc.branches))
    for (const b of doc.branches as { name?: unknown; location?: unknown }[])
      if (typeof b === 'object' && b !== null)
        branches.push({ name: String(b.name), location: locationText(b.location) });
  return { label, releases, branches };
}
