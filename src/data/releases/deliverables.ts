import { ConfigError } from '../../core/errors.js';
import { asString, isRecord, parseYaml, type ParsedYaml } from '../yaml.js';

export interface ReleaseProject {
  readonly repo: string;
  readonly hash: string;
  readonly comment?: string;
  readonly tarballBase?: string;
}

export interface ReleaseEntry {
  readonly version: string;
  readonly projects: readonly ReleaseProject[];
  readonly diffStart?: string;
  readonly flags: readonly string[];
}

export interface BranchEntry {
  readonly name: string;
  /** A version, or a repo → SHA mapping for tagless/feature branches. */
  readonly location: string | Readonly<Record<string, string>>;
}

/** One deliverable file, `deliverables/<series>/<name>.yaml`. */
export interface Deliverable {
  readonly series: string;
  readonly name: string;
  readonly path: string;
  readonly team?: string;
  readonly type?: string;
  /** `release-model`; undefined for `_independent` files that omit it. */
  readonly model?: string;
  readonly launchpad?: string;
  readonly storyboard?: string;
  readonly releaseType?: string;
  readonly stableBranchType?: string;
  readonly includePypiLink: boolean;
  readonly repos: readonly string[];
  readonly retiredRepos: readonly string[];
  readonly releases: readonly ReleaseEntry[];
  readonly branches: readonly BranchEntry[];
  readonly cycleHighlights: readonly string[];
  /**
   * Set on a file the series does not have yet: the previous series' file
   * (this series) as init-series will copy it (series-deliverables.ts).
   */
  readonly seededFrom?: string;
  /** The parsed document, for rules and minimal-diff edits that need more. */
  readonly parsed: ParsedYaml;
}

export function deliverablePath(series: string, name: string): string {
  return `deliverables/${series}/${name}.yaml`;
}

/**
 * Reads a deliverable file leniently (the JSON schema check is separate):
 * what is malformed for this model is reported with file and field.
 */
export function parseDeliverable(text: string, path: string): Deliverable {
  const parsed = parseYaml(text, path);
  const doc = parsed.value;
  if (!isRecord(doc)) throw new ConfigError('expected a mapping at the top level', path);
  const parts = path.split('/');
  const series = parts[parts.length - 2] ?? '';
  const name = (parts[parts.length - 1] ?? '').replace(/\.yaml$/, '');
  const settings = isRecord(doc['repository-settings']) ? doc['repository-settings'] : {};
  const retired = Object.entries(settings)
    .filter(([, v]) => isRecord(v) && Array.isArray(v.flags) && v.flags.includes('retired'))
    .map(([k]) => k);
  const releasesRaw = doc.releases ?? [];
  if (!Array.isArray(releasesRaw)) throw new ConfigError('expected a list', path, 'releases');
  const releases = releasesRaw.map((r: unknown, i) => readRelease(r, path, `releases[${i}]`));
  const branchesRaw = doc.branches ?? [];
  if (!Array.isArray(branchesRaw)) throw new ConfigError('expected a list', path, 'branches');
  const branches = branchesRaw.map((b: unknown, i): BranchEntry => {
    if (!isRecord(b)) throw new ConfigError('expected a mapping', path, `branches[${i}]`);
    const bname = asString(b.name);
    if (!bname) throw new ConfigError('missing branch name', path, `branches[${i}].name`);
    const loc = b.location;
    const location = isRecord(loc)
      ? Object.fromEntries(Object.entries(loc).map(([k, v]) => [k, asString(v) ?? '']))
      : (asString(loc) ?? '');
    return { name: bname, location };
  });
  const highlights = Array.isArray(doc['cycle-highlights'])
    ? doc['cycle-highlights'].map((h) => asString(h) ?? '')
    : [];
  return {
    series,
    name,
    path,
    ...optional('team', asString(doc.team)),
    ...optional('type', asString(doc.type)),
    ...optional('model', asString(doc['release-model'])),
    ...optional('launchpad', asString(doc.launchpad)),
    ...optional('storyboard', asString(doc.storyboard)),
    ...optional('releaseType', asString(doc['release-type'])),
    ...optional('stableBranchType', asString(doc['stable-branch-type'])),
    includePypiLink: doc['include-pypi-link'] === true,
    repos: Object.keys(settings),
    retiredRepos: retired,
    releases,
    branches,
    cycleHighlights: highlights,
    parsed,
  };
}

function readRelease(r: unknown, path: string, field: string): ReleaseEntry {
  if (!isRecord(r)) throw new ConfigError('expected a mapping', path, field);
  const version = asString(r.version);
  if (!version) throw new ConfigError('missing version', path, `${field}.version`);
  const projectsRaw = r.projects ?? [];
  if (!Array.isArray(projectsRaw)) throw new ConfigError('expected a list', path, `${field}.projects`);
  const projects = projectsRaw.map((p: unknown, j): ReleaseProject => {
    if (!isRecord(p)) throw new ConfigError('expected a mapping', path, `${field}.projects[${j}]`);
    return {
      repo: asString(p.repo) ?? '',
      hash: asString(p.hash) ?? '',
      ...optional('comment', asString(p.comment)),
      ...optional('tarballBase', asString(p['tarball-base'])),
    };
  });
  const flags = Array.isArray(r.flags) ? r.flags.map((f) => asString(f) ?? '') : [];
  return { version, projects, ...optional('diffStart', asString(r['diff-start'])), flags };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** `X-eol`, `X-eom`, `X-em`, `X-last`: lifecycle markers, not versions. */
export function isLifecycleTag(version: string): boolean {
  return /-(eol|eom|em|last)$/.test(version);
}

/** The last real version in file order, skipping lifecycle tags. */
export function lastVersion(d: Pick<Deliverable, 'releases'>): string | undefined {
  for (let i = d.releases.length - 1; i >= 0; i--) {
    const v = d.releases[i]?.version;
    if (v && !isLifecycleTag(v)) return v;
  }
  return undefined;
}

/** The parts of a deliverable file that listings need (compiled into the snapshot). */
export interface DeliverableSummary {
  readonly team?: string;
  readonly type?: string;
  readonly model?: string;
  readonly launchpad?: string;
  readonly stableBranchType?: string;
  readonly repos: readonly string[];
  readonly versions: readonly string[];
  /** Per version: what it released (the projects' short hashes, by repo); equal keys mean a re-tag. */
  readonly hashes?: readonly string[];
  readonly branches: readonly string[];
  /** True when the file has `cycle-highlights`. */
  readonly highlights?: boolean;
}

/**
 * A short, stable key of what a release tagged: the first 8 hex digits of
 * each project's hash, in repository order. Only compared within one file,
 * whose repositories are the same release after release.
 */
export function releaseKey(r: Pick<ReleaseEntry, 'projects'>): string {
  return [...r.projects]
    .sort((a, b) => a.repo.localeCompare(b.repo))
    .map((p) => p.hash.slice(0, 8))
    .join(',');
}

export function summarize(d: Deliverable): DeliverableSummary {
  return {
    ...optional('team', d.team),
    ...optional('type', d.type),
    ...optional('model', d.model),
    ...optional('launchpad', d.launchpad),
    ...optional('stableBranchType', d.stableBranchType),
    repos: d.repos,
    versions: d.releases.map((r) => r.version),
    hashes: d.releases.map(releaseKey),
    branches: d.branches.map((b) => b.name),
    ...(d.cycleHighlights.length > 0 ? { highlights: true } : {}),
  };
}
