import { UsageError } from '../../core/errors.js';
import type { RenoConfig } from '../../data/reno/config.js';
import { PyRegex } from '../../data/reno/py-regex.js';
import type { RepoFacts } from './git-facts.js';
import type { VersionRules } from './versions.js';
import { ABSENT } from './graph.js';
import { dateWalkIds, reachableMask } from './walks.js';

/**
 * Branch logic of reno: how a branch name is found among the refs, which
 * branches are "series" branches (including closed ones known only by an
 * -eol/-eom tag), their order, and the tagged commit where a branch
 * leaves the default branch.
 */
export class Branches {
  private readonly nameRe: PyRegex;
  private readonly closedRe: PyRegex;
  private readonly sortRe: PyRegex;
  private onDefault?: Uint8Array;
  private series?: string[];

  constructor(
    private readonly facts: RepoFacts,
    private readonly config: RenoConfig,
    private readonly versions: VersionRules,
  ) {
    this.nameRe = new PyRegex(config.branchNameRe);
    this.closedRe = new PyRegex(config.closedBranchTagRe);
    this.sortRe = new PyRegex(config.branchSortRe);
  }

  /** The commit a branch name stands for, reno's way; null = HEAD. */
  resolve(name: string | null): string {
    if (!name) return this.facts.head;
    const last = name.slice(name.lastIndexOf('/') + 1);
    const candidates = [
      `refs/heads/${name}`,
      `refs/remotes/${name}`,
      `refs/tags/${name}`,
      `refs/tags/${last}-eol`,
      `refs/tags/${last}-eom`,
      `refs/remotes/origin/${name}`,
    ];
    if (name.startsWith('origin/')) candidates.push(`refs/heads/${name.slice(7)}`);
    for (const ref of candidates) {
      const sha = this.facts.refs.get(ref);
      if (sha) return sha;
    }
    throw new UsageError(
      `unknown reference ${name}: no branch, remote branch or tag of that name (tried ${candidates.join(', ')})`,
    );
  }

  /** Series branch names, sorted by reno's key (numbered series after named ones). */
  seriesBranches(): readonly string[] {
    if (this.series) return this.series;
    const names = new Set<string>();
    for (const ref of this.facts.refs.keys()) {
      let name: string | undefined;
      if (ref.startsWith('refs/remotes/origin/')) name = ref.slice(20);
      else if (ref.startsWith('refs/heads/')) name = ref.slice(11);
      if (name && this.nameRe.searches(name)) {
        names.add(name);
        continue;
      }
      if (!ref.startsWith('refs/tags/')) continue;
      const m = this.closedRe.exec(ref.slice(ref.lastIndexOf('/') + 1));
      if (m) names.add(this.config.branchNamePrefix + (m[1] ?? ''));
    }
    const key = (n: string) => {
      const m = this.sortRe.exec(n);
      return m ? this.config.branchSortPrefix + (m[1] ?? '') : n;
    };
    this.series = [...names].sort((a, b) => cmp(key(a), key(b)) || cmp(a, b));
    return this.series;
  }

  /** The series branch created just before `branch`, if any. */
  earlierBranch(branch: string): string | null {
    const name = branch.startsWith('origin/') ? branch.slice(7) : branch;
    const all = this.seriesBranches();
    const i = all.indexOf(name);
    return i > 0 ? (all[i - 1] ?? null) : null;
  }

  /**
   * The last version tag of the first commit, in date-walk order of
   * `branch`, that is also on the default branch and carries a version
   * tag (not the merge-base: the newest tagged shared commit).
   */
  branchBase(branch: string): string | null {
    const graph = this.facts.commits;
    this.onDefault ??= reachableMask(
      graph,
      graph.id(this.resolve(this.config.defaultBranch)) ?? ABSENT,
    );
    const onDefault = this.onDefault;
    const tagged = this.versions.tagsById(graph);
    let base: string | null = null;
    dateWalkIds(graph, graph.id(this.resolve(branch)) ?? ABSENT, (id) => {
      if (!onDefault[id]) return true;
      const tags = tagged.get(id);
      const last = tags?.[tags.length - 1];
      if (last === undefined) return true;
      base = last;
      return false;
    });
    return base;
  }
}

/** Python's default string order (code points). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
