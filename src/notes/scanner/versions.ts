import type { RenoConfig } from '../../data/reno/config.js';
import { PyRegex } from '../../data/reno/py-regex.js';
import type { TagRef } from './git-facts.js';
import type { CommitGraph } from './graph.js';

/**
 * Which tags are versions, which versions are pre-releases, and the
 * version tags of each commit in reno's order (by tag date, then
 * pre-releases first, so the commit's version is the last one).
 */
export class VersionRules {
  readonly releaseTag: PyRegex;
  readonly preRelease: PyRegex;
  private readonly tagsByCommit = new Map<string, string[]>();
  readonly tagDates = new Map<string, number>();

  constructor(config: RenoConfig, tags: readonly TagRef[]) {
    this.releaseTag = new PyRegex(config.releaseTagRe);
    this.preRelease = new PyRegex(config.preReleaseTagRe);
    const byCommit = new Map<string, TagRef[]>();
    for (const t of tags) {
      this.tagDates.set(t.name, t.date);
      const list = byCommit.get(t.commit) ?? [];
      list.push(t);
      byCommit.set(t.commit, list);
    }
    for (const [commit, list] of byCommit) {
      // stable sorts, as Python's sorted: by date, then finals after pre-releases
      const versions = [...list]
        .sort((a, b) => a.date - b.date)
        .map((t) => t.name)
        .filter((name) => this.releaseTag.matches(name));
      const ordered = [
        ...versions.filter((v) => this.isPreRelease(v)),
        ...versions.filter((v) => !this.isPreRelease(v)),
      ];
      if (ordered.length > 0) this.tagsByCommit.set(commit, ordered);
    }
  }

  /** The version tags on a commit, pre-releases first; empty when none. */
  versionTagsOn(sha: string): readonly string[] {
    return this.tagsByCommit.get(sha) ?? [];
  }

  private byId?: { graph: CommitGraph; tags: Map<number, readonly string[]> };

  /** The version tags by commit number of `graph` (only commits that have some). */
  tagsById(graph: CommitGraph): ReadonlyMap<number, readonly string[]> {
    if (this.byId?.graph !== graph) {
      const tags = new Map<number, readonly string[]>();
      for (const [sha, list] of this.tagsByCommit) {
        const id = graph.id(sha);
        if (id !== undefined) tags.set(id, list);
      }
      this.byId = { graph, tags };
    }
    return this.byId.tags;
  }

  isPreRelease(version: string): boolean {
    return this.preRelease.searches(version);
  }

  /** The version with its pre-release part (the `pre_release` group) cut out. */
  stripPreRelease(version: string): string {
    const m = this.preRelease.exec(version);
    const group = m?.groups?.pre_release;
    if (!m || group === undefined) return version;
    const start = m.index + m[0].indexOf(group);
    return version.slice(0, start) + version.slice(start + group.length);
  }
}

/** reno's `_parse_version`: the first three dot-separated fields, numbers as numbers. */
export function firstThreeFields(version: string): readonly (number | string)[] {
  const parts = [...version.split('.'), '0', '0', '0'].slice(0, 3);
  return parts.map((p) => (/^\s*[+-]?\d+\s*$/.test(p) ? Number(p) : p));
}

export function sameFirstThree(a: string, b: string): boolean {
  const x = firstThreeFields(a);
  const y = firstThreeFields(b);
  return x.every((v, i) => v === y[i]);
}
