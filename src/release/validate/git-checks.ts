import type { Deps } from '../../core/deps.js';
import { gitSync } from '../../git/run.js';
import { cloneLocator } from '../../git/clones.js';
import { INDEPENDENT } from './derived.js';
import { idOf } from './series-lookup.js';
import type { DeliverableDoc, Finding, RuleEnv } from './plan-types.js';
import type { RuleInfo } from './rule.js';
import type { LoadedFile } from './plan.js';

/**
 * The validate checks that need a clone of each project repository
 * (release-tooling.md §5.2: 12 commit exists, 13 existing tags, 17 branch
 * membership, 30 branch points). The rules read `RepoFacts`; the adapter
 * below answers them with git on a local clone.
 */
const gitRule = (
  id: string,
  upstreamCheck: number | null,
  what: string,
  upstream: string,
  level: RuleInfo['level'] = 'error',
): RuleInfo => ({
  id,
  upstreamCheck,
  what,
  upstream,
  applies: 'with --git: the releases and branches of the files checked',
  level,
});

/** The rules of the --git checks, as the rules table lists them. */
export const GIT_RULES: readonly RuleInfo[] = [
  gitRule(
    'clone',
    null,
    'every repository not retired has a local clone',
    'upstream clones each repository (check 1)',
  ),
  gitRule('sha-exists', 12, 'the commit of each new tag exists in the clone', 'same as upstream'),
  gitRule(
    'existing-tags',
    13,
    'a tag that already exists points at the listed commit',
    'same as upstream',
  ),
  gitRule(
    'branch-membership',
    17,
    "a new tag's commit is on the series branch (or master before it exists) and descends from the previous release",
    'same as upstream (independent deliverables: a warning to check by hand)',
    'error or warning',
  ),
  gitRule(
    'branch-points',
    30,
    "a stable branch's point is in master and in the branch",
    'same as upstream',
  ),
];

export interface RepoFacts {
  readonly hasCommit: (sha: string) => boolean;
  /** The commit a tag points to, or undefined when there is no such tag. */
  readonly tagCommit: (tag: string) => string | undefined;
  /** The head of a branch (local, else origin's), or undefined. */
  readonly branchHead: (name: string) => string | undefined;
  readonly isAncestor: (ancestor: string, descendant: string) => boolean;
}

export function gitFindings(
  files: readonly LoadedFile[],
  env: RuleEnv,
  repoFacts: (repo: string, deliverable: string) => RepoFacts | undefined,
  whereClones: string,
): Finding[] {
  const out: Finding[] = [];
  for (const f of files) {
    if (!f.parsed.ok || env.constants.closedSeries.has(f.series)) continue;
    const doc = f.parsed.value as DeliverableDoc;
    if (typeof doc !== 'object' || doc === null) continue;
    const add = (check: string, level: 'error' | 'warning', message: string, field?: string) =>
      out.push({ file: f.file, level, rule: check, check, message, ...(field ? { field } : {}) });
    const settings = doc['repository-settings'] ?? {};
    const retired = new Set(
      Object.entries(settings)
        .filter(([, v]) => JSON.stringify(v ?? {}).includes('"retired"'))
        .map(([k]) => k),
    );
    const releases = doc.releases ?? [];
    const series = env.series.find((s) => s.name === f.series);
    // upstream's branch checks name the branch from the recorded status, as the branches really are
    const branchName = series
      ? `${series.status === 'unmaintained' ? 'unmaintained' : 'stable'}/${idOf(series)}`
      : undefined;
    const missing = new Set<string>();
    const factsOf = (repo: string): RepoFacts | undefined => {
      const facts = repoFacts(repo, f.name);
      if (!facts && !missing.has(repo) && !retired.has(repo)) {
        missing.add(repo);
        add(
          'clone',
          'error',
          `no local clone of ${repo} ${whereClones}; git checks skipped for it`,
        );
      }
      return facts;
    };
    releases.forEach((r, i) => {
      (r.projects ?? []).forEach((p, j) => {
        if (retired.has(p.repo)) return;
        const g = factsOf(p.repo);
        if (!g) return;
        const field = `releases[${i}].projects[${j}].hash`;
        const tagged = g.tagCommit(r.version);
        if (tagged !== undefined) {
          if (tagged !== p.hash)
            add(
              'existing-tags',
              'error',
              `${p.repo}: tag ${r.version} already exists at ${tagged.slice(0, 12)}, not at ${p.hash.slice(0, 12)}`,
              field,
            );
          return; // an existing tag is history; the other checks are for new tags
        }
        if (!g.hasCommit(p.hash)) {
          add(
            'sha-exists',
            'error',
            `${p.repo}: commit ${p.hash} of ${r.version} is not in the clone (fetch it, or fix the hash)`,
            field,
          );
          return;
        }
        if (f.series === INDEPENDENT) {
          add(
            'branch-membership',
            'warning',
            `${p.repo} ${r.version}: independent release, verify the branch manually`,
            field,
          );
        } else if (!(r.version.includes('-eom') && series?.status === 'unmaintained')) {
          const onBranch = branchName && g.branchHead(branchName) ? branchName : 'master';
          const head = g.branchHead(onBranch);
          if (head && !g.isAncestor(p.hash, head))
            add(
              'branch-membership',
              'error',
              `${p.repo} ${r.version}: commit ${p.hash.slice(0, 12)} is not on ${onBranch}`,
              field,
            );
        }
        const prev = [...releases.slice(0, i)]
          .reverse()
          .flatMap((q) => q.projects ?? [])
          .find((q) => q.repo === p.repo);
        if (
          prev &&
          prev.hash !== p.hash &&
          g.hasCommit(prev.hash) &&
          !g.isAncestor(prev.hash, p.hash)
        ) {
          add(
            'branch-membership',
            'error',
            `${p.repo} ${r.version}: commit ${p.hash.slice(0, 12)} does not descend from the previous release's ${prev.hash.slice(0, 12)}`,
            field,
          );
        }
      });
    });
    if (doc['stable-branch-type'] === 'upstream') continue;
    (doc.branches ?? []).forEach((b, i) => {
      if (!b.name.startsWith('stable/')) return;
      const points: [string, string][] =
        typeof b.location === 'string'
          ? (releases.find((r) => r.version === b.location)?.projects ?? []).map((p) => [
              p.repo,
              p.hash,
            ])
          : Object.entries(b.location).map(([repo, sha]) => [repo, String(sha)]);
      for (const [repo, sha] of points) {
        if (retired.has(repo)) continue;
        const g = factsOf(repo);
        if (!g || !g.hasCommit(sha)) continue;
        for (const ref of ['master', b.name]) {
          const head = g.branchHead(ref);
          if (head && !g.isAncestor(sha, head))
            add(
              'branch-points',
              'error',
              `${b.name}: ${repo} branch point ${sha.slice(0, 12)} is not in ${ref}`,
              `branches[${i}].location`,
            );
        }
      }
    });
  }
  return out;
}

/** RepoFacts answered by git on a local clone (refs read once per clone). */
export function cloneFacts(dir: string): RepoFacts {
  const tags = new Map<string, string>();
  const heads = new Map<string, string>();
  const remote = new Map<string, string>();
  const refs = gitSync(dir, [
    'for-each-ref',
    '--format=%(refname)%00%(objectname)%00%(*objectname)',
    'refs/tags',
    'refs/heads',
    'refs/remotes/origin',
  ]);
  for (const line of refs.split('\n')) {
    const [ref = '', obj = '', peeled = ''] = line.split('\0');
    if (ref.startsWith('refs/tags/')) tags.set(ref.slice(10), peeled || obj);
    else if (ref.startsWith('refs/heads/')) heads.set(ref.slice(11), obj);
    else if (ref.startsWith('refs/remotes/origin/')) remote.set(ref.slice(20), obj);
  }
  const commits = new Map<string, boolean>();
  return {
    tagCommit: (t) => tags.get(t),
    branchHead: (b) => heads.get(b) ?? remote.get(b),
    hasCommit: (sha) => {
      if (!/^[0-9a-f]{40}$/.test(sha)) return false;
      if (!commits.has(sha))
        commits.set(sha, gitExit(dir, ['cat-file', '-e', `${sha}^{commit}`]) === 0);
      return commits.get(sha) ?? false;
    },
    isAncestor: (a, b) => a === b || gitExit(dir, ['merge-base', '--is-ancestor', a, b]) === 0,
  };
}

function gitExit(dir: string, args: string[]): number {
  try {
    gitSync(dir, args);
    return 0;
  } catch {
    return 1;
  }
}

/** The --git runner for `release validate`: clones found by `--clones` or the config. */
export function gitCheckRunner(
  ctx: Deps,
  clonesFlag?: string,
): (files: readonly LoadedFile[], env: RuleEnv) => Finding[] {
  const locator = cloneLocator(ctx, clonesFlag);
  const facts = new Map<string, RepoFacts | undefined>();
  return (files, env) =>
    gitFindings(
      files,
      env,
      (repo, deliverable) => {
        if (!facts.has(repo)) {
          const dir = locator.find(repo, deliverable);
          facts.set(repo, dir ? cloneFacts(dir) : undefined);
        }
        return facts.get(repo);
      },
      locator.describe,
    );
}
