import { LiaisonError } from '../core/errors.js';
import {
  parseDeliverable,
  type Deliverable,
  type ReleaseEntry,
} from '../data/releases/deliverables.js';
import { comparePbr, isLifecycleVersion, parsePbrVersion } from '../data/releases/pbr-version.js';
import type { FileContent, StoredFile, VersionJump } from './plan.js';
import { deliverableOfPath } from './plan-query.js';

/**
 * What a release request does to one deliverable file, from its text at
 * the parent commit (old) and at the change's revision (new): the release
 * entries it appends, the branches it adds, released entries it edits.
 * Pure; a file that cannot be read or parsed becomes one clear problem line.
 */
export interface FileChangeAnalysis {
  readonly path: string;
  readonly series: string;
  readonly name: string;
  /** `team:` of the new (else old) file. */
  readonly team: string | null;
  readonly model: string | null;
  readonly added: readonly ReleaseEntry[];
  /** Every release of the new file, in file order (to find the previous one). */
  readonly releases: readonly ReleaseEntry[];
  readonly branchesAdded: readonly string[];
  /** The same branches with their locations (a version, or `{repo: sha}` as JSON). */
  readonly newBranches: readonly { readonly name: string; readonly location: string }[];
  readonly editedReleases: readonly string[];
  readonly problem: string | null;
}

export function analyseFile(
  file: StoredFile,
  oldContent: FileContent | undefined,
  newContent: FileContent | undefined,
  patchset: string,
): FileChangeAnalysis | undefined {
  const where = deliverableOfPath(file.path);
  if (!where) return undefined;
  const base = {
    path: file.path,
    series: where.series,
    name: where.name,
    added: [],
    releases: [],
    branchesAdded: [],
    newBranches: [],
    editedReleases: [],
  };
  const fail = (problem: string, team: string | null = null): FileChangeAnalysis => ({
    ...base,
    team,
    model: null,
    problem,
  });
  if (file.status === 'D') {
    const old = read(oldContent, file.path);
    return fail(`${file.path}: the change deletes this deliverable file`, old.doc?.team ?? null);
  }
  const now = read(newContent, file.path);
  if (now.error) return fail(`${file.path} at ${patchset}: ${now.error}`);
  const doc = now.doc;
  if (!doc) return fail(`${file.path} at ${patchset}: content not synced; run \`liaison sync\``);
  const before =
    file.status === 'A'
      ? { doc: undefined, error: undefined }
      : read(oldContent, file.oldPath ?? file.path);
  const oldReleases = before.doc?.releases ?? [];
  const oldVersions = new Map(oldReleases.map((r) => [r.version, r]));
  const added = doc.releases.filter((r) => !oldVersions.has(r.version));
  const editedReleases = doc.releases
    .filter((r) => {
      const o = oldVersions.get(r.version);
      return o !== undefined && JSON.stringify(o.projects) !== JSON.stringify(r.projects);
    })
    .map((r) => r.version);
  const oldBranches = new Set((before.doc?.branches ?? []).map((b) => b.name));
  const addedBranches = doc.branches.filter((b) => !oldBranches.has(b.name));
  return {
    ...base,
    team: doc.team ?? null,
    model: doc.model ?? null,
    added,
    releases: doc.releases,
    branchesAdded: addedBranches.map((b) => b.name),
    newBranches: addedBranches.map((b) => ({
      name: b.name,
      location: typeof b.location === 'string' ? b.location : JSON.stringify(b.location),
    })),
    editedReleases,
    problem: before.error ? `${file.path} at the parent commit: ${before.error}` : null,
  };
}

function read(
  content: FileContent | undefined,
  path: string,
): { doc?: Deliverable; error?: string } {
  if (!content) return {};
  if (content.text === null) return content.error ? { error: content.error } : {};
  try {
    return { doc: parseDeliverable(content.text, path) };
  } catch (e) {
    if (e instanceof LiaisonError)
      return { error: `does not parse: ${e.message.replace(`${path}: `, '')}` };
    throw e;
  }
}

/** A release of one repository before the new one: the latest earlier entry that lists the repo. */
export interface PreviousRelease {
  readonly version: string;
  readonly hash: string;
  readonly series: string;
}

/**
 * The previous release of `repo`: earlier entries of the same file first,
 * then older series' files (newest first, as `olderReleases` gives them).
 */
export function previousRelease(
  releases: readonly ReleaseEntry[],
  entry: ReleaseEntry,
  repo: string,
  series: string,
  olderReleases: () => readonly { series: string; releases: readonly ReleaseEntry[] }[],
): PreviousRelease | undefined {
  const idx = releases.indexOf(entry);
  const inFile = (
    list: readonly ReleaseEntry[],
    s: string,
    upTo = list.length,
  ): PreviousRelease | undefined => {
    for (let i = upTo - 1; i >= 0; i--) {
      const r = list[i];
      const p = r?.projects.find((x) => x.repo === repo);
      if (r && p) return { version: r.version, hash: p.hash, series: s };
    }
    return undefined;
  };
  const here = inFile(releases, series, idx < 0 ? releases.length : idx);
  if (here) return here;
  for (const f of olderReleases()) {
    const hit = inFile(f.releases, f.series);
    if (hit) return hit;
  }
  return undefined;
}

/** The kind of step from the previous version to the new one. */
export function versionJump(previous: string | undefined, next: string): VersionJump {
  if (isLifecycleVersion(next)) return 'lifecycle';
  const b = parsePbrVersion(next);
  if (!b) return 'unknown';
  if (previous === undefined) return 'first';
  const a = parsePbrVersion(previous);
  if (!a) return isLifecycleVersion(previous) ? 'first' : 'unknown';
  if (comparePbr(b, a) <= 0) return 'same-or-lower';
  if (b.pre || b.dev !== undefined) return 'pre-release';
  if (a.pre && a.major === b.major && a.minor === b.minor && a.patch === b.patch) return 'final';
  if (b.major !== a.major) return 'major';
  if (b.minor !== a.minor) return 'minor';
  return 'patch';
}
