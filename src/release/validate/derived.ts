import type { DeliverableDoc, DocRelease, FileFacts, RuleEnv } from './plan-types.js';
import { idOf, seriesNamed, type RuleSeries } from './series-lookup.js';

/** Facts the rules share, computed once per file from its content and the series list. */
export interface Derived extends FileFacts {
  readonly independent: boolean;
  /** `independent` for `_independent` files (unless `abandoned`), else `release-model`. */
  readonly model: string | undefined;
  /** Upstream's effective type: tempest plugins by name, trailing by model, else `type`. */
  readonly effectiveType: string;
  readonly releases: readonly DocRelease[];
  readonly seriesInfo: RuleSeries | undefined;
  /** Branch/tag id of the file's series (`2026.2`, or the name before antelope). */
  readonly seriesId: string | undefined;
  /** Repository names of `repository-settings`, in file order. */
  readonly repos: readonly string[];
  readonly retiredRepos: ReadonlySet<string>;
  /** Any release is a `-em`/`-eom`/`-eol` tag (upstream's skip-if-lifecycle-tag). */
  readonly hasLifecycleTag: boolean;
  readonly newReleaseIndexes: readonly number[];
  /** Which branch entries count as new (not yet created). */
  readonly isNewBranch: (name: string) => boolean;
}

export const INDEPENDENT = '_independent';

export function derive(f: FileFacts, env: RuleEnv): Derived {
  const doc = f.doc;
  const independent = f.series === INDEPENDENT;
  const declared = doc['release-model'];
  const model = independent ? (declared === 'abandoned' ? 'abandoned' : 'independent') : declared;
  const releases = doc.releases ?? [];
  const settings = doc['repository-settings'] ?? {};
  const repos = Object.keys(settings);
  let retired: ReadonlySet<string> = NONE;
  for (const repo of repos) {
    if (!hasRetiredFlag(settings[repo])) continue;
    if (retired === NONE) retired = new Set();
    (retired as Set<string>).add(repo);
  }
  const seriesInfo = independent ? undefined : seriesNamed(env.series, f.series);
  let hasLifecycleTag = false;
  for (let i = 0; i < releases.length; i++) {
    if (LIFECYCLE.test(releases[i]?.version ?? '')) {
      hasLifecycleTag = true;
      break;
    }
  }
  // every field written out: a spread of `f` here made this the slowest
  // step of a whole run (each added property went through a slow path)
  return {
    file: f.file,
    series: f.series,
    name: f.name,
    doc,
    ages: f.ages,
    independent,
    model,
    effectiveType: f.name.includes('tempest-plugin')
      ? 'tempest-plugin'
      : model === 'cycle-trailing'
        ? 'trailing'
        : (doc.type ?? 'other'),
    releases,
    seriesInfo,
    seriesId: seriesInfo ? idOf(seriesInfo) : undefined,
    repos,
    retiredRepos: retired,
    hasLifecycleTag,
    newReleaseIndexes: f.ages.newReleases,
    isNewBranch: f.ages.isNewBranch,
  };
}

const NONE: ReadonlySet<string> = new Set();
const LIFECYCLE = /-(em|eom|eol)/;

function hasRetiredFlag(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const flags = (v as { flags?: unknown }).flags;
  return Array.isArray(flags) && flags.includes('retired');
}

/** `release-type`, else implied by `type`, else by `include-pypi-link`, else python-service. */
export function releaseTypeOf(
  doc: DeliverableDoc,
  typeToReleaseType: Readonly<Record<string, string>>,
): string {
  return (
    doc['release-type'] ??
    typeToReleaseType[doc.type] ??
    (doc['include-pypi-link'] === true ? 'python-pypi' : 'python-service')
  );
}

/**
 * The deliverable's status for the open-series rule (upstream order of
 * precedence). The recorded series status, not the one at --date: this
 * rule is upstream's and must answer as upstream's job does on the same
 * files; closed-series (plan-rules-beyond.ts) judges the status at --date.
 */
export function deliverableStatus(d: Derived): string | undefined {
  return (
    d.doc['stable-status'] ??
    (d.model === 'abandoned' ? 'end of life' : d.independent ? 'development' : d.seriesInfo?.status)
  );
}

export const isRc = (v: string): boolean => v.includes('rc');
