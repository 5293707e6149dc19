import type { DeliverableDoc } from './model.js';

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
  readonly branches: ReadonlySet<string>;
  /** `release-notes` by repository, `''` for the one-link form. */
  readonly links: ReadonlyMap<string, unknown>;
}

export interface BaseRelease {
  readonly version: string;
  readonly projects: readonly { readonly repo: string; readonly hash: string }[];
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
  readonly isNewBranch: (name: string) => boolean;
  /** Release-notes links added or changed (key `''` for the one-link form). */
  readonly newLinks: readonly { readonly key: string; readonly url: unknown }[];
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
  isNewBranch: never,
  newLinks: NONE,
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
        isNewBranch: always,
        newLinks: linksOf(doc['release-notes']),
        baseLabel: newness.label,
      };
    case 'base':
      return againstBase(doc, newness.base);
  }
}

function againstBase(doc: DeliverableDoc, base: BaseFacts): Ages {
  const releases = doc.releases ?? [];
  // identical entries first, wherever they are; then same version = edited
  const unmatched = new Map<string, BaseRelease[]>();
  for (const r of base.releases) {
    const key = entryKey(r.version, r.projects);
    const list = unmatched.get(key);
    if (list) list.push(r);
    else unmatched.set(key, [r]);
  }
  const status: ('old' | 'open')[] = releases.map((r) => {
    const list = unmatched.get(entryKey(String(r.version), r.projects ?? []));
    return list && list.length > 0 && list.pop() ? 'old' : 'open';
  });
  const leftByVersion = new Map<string, BaseRelease[]>();
  for (const list of unmatched.values())
    for (const r of list) {
      const same = leftByVersion.get(r.version);
      if (same) same.push(r);
      else leftByVersion.set(r.version, [r]);
    }
  const newReleases: number[] = [];
  const edited: EditedRelease[] = [];
  status.forEach((s, i) => {
    if (s === 'old') return;
    const before = leftByVersion.get(String(releases[i]?.version))?.shift();
    if (before) edited.push({ index: i, before });
    else newReleases.push(i);
  });
  const removed = [...leftByVersion.values()].flat().map((r) => r.version);
  const newLinks = linksOf(doc['release-notes']).filter(
    ({ key, url }) => !base.links.has(key) || base.links.get(key) !== url,
  );
  return {
    newReleases,
    edited,
    removed,
    isNewBranch: (name) => !base.branches.has(name),
    newLinks,
    baseLabel: base.label,
  };
}

function indexesWhere(n: number, pred: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (pred(i)) out.push(i);
  return out;
}

function entryKey(
  version: string,
  projects: readonly { readonly repo: unknown; readonly hash: unknown }[],
): string {
  return `${version}\u0000${projects
    .map((p) => `${String(p.repo)}@${String(p.hash)}`)
    .sort()
    .join(',')}`;
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
    'release-notes'?: unknown;
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
  const branches = new Set<string>();
  if (Array.isArray(doc.branches))
    for (const b of doc.branches as { name?: unknown }[])
      if (typeof b === 'object' && b !== null) branches.add(String(b.name));
  const links = new Map(linksOf(doc['release-notes']).map(({ key, url }) => [key, url]));
  return { label, releases, branches, links };
}
