import type { Derived } from './derived.js';
import type { DocBranch, RuleEnv } from './plan-types.js';
import type { Issue, Rule } from './rule.js';

/** Upstream validate checks on `branches` (release-tooling.md §5.2 numbers 27–29, §5.4). */

const branchPrefixes: Rule = {
  id: 'branch-prefix',
  number: 27,
  what: 'every branch is stable/, unmaintained/, feature/ or bugfix/',
  upstream: 'same as upstream',
  gates: [],
  run: (d, env) =>
    (d.doc.branches ?? []).flatMap((b, i) => {
      const prefix = b.name.split('/')[0] ?? '';
      return env.constants.validBranchPrefixes.has(prefix)
        ? []
        : [
            {
              level: 'error' as const,
              message: `branch ${b.name}: prefix must be one of ${[...env.constants.validBranchPrefixes].join(', ')}`,
              field: `branches[${i}].name`,
            },
          ];
    }),
};

const SHA = /^[0-9a-f]{40}$/;

const stableBranches: Rule = {
  id: 'stable-branches',
  level: 'error or warning',
  number: 28,
  what: 'stable and bugfix branches: location form, name of this series, a new branch at the last release',
  upstream: "same as upstream, and the name must be this series' (upstream accepts any YYYY.N)",
  gates: [],
  run: (d, env) => {
    const branches = d.doc.branches ?? [];
    if (branches.length === 0) return [];
    const tracker =
      d.doc.launchpad ?? (d.doc.storyboard !== undefined ? String(d.doc.storyboard) : undefined);
    if (tracker !== undefined && env.constants.noStableBranchCheck.has(tracker)) return [];
    const last = d.releases[d.releases.length - 1];
    if (last?.version.endsWith('-eol')) return [];
    if (d.effectiveType === 'tempest-plugin') {
      return [
        {
          level: 'error',
          message: 'tempest plugins are branchless: remove "branches"',
          field: 'branches',
        },
      ];
    }
    return branches.flatMap((b, i) => checkBranch(d, env, b, i));
  },
};

function checkBranch(d: Derived, env: RuleEnv, b: DocBranch, i: number): Issue[] {
  const field = `branches[${i}]`;
  const parts = b.name.split('/');
  if (parts.length !== 2)
    return [
      {
        level: 'error',
        message: `branch ${b.name}: expected <prefix>/<name> with one "/"`,
        field: `${field}.name`,
      },
    ];
  const [prefix = '', suffix = ''] = parts;
  if (prefix !== 'stable' && prefix !== 'bugfix') return [];
  const kind = d.doc['stable-branch-type'] ?? 'std';
  const out: Issue[] = [];
  if (kind === 'std' || kind === 'std-with-versions') {
    if (typeof b.location !== 'string')
      return [
        {
          level: 'error',
          message: `branch ${b.name}: location must be a version`,
          field: `${field}.location`,
        },
      ];
    if (!d.doc['repository-settings'])
      out.push({
        level: 'error',
        message: `branch ${b.name}: the file has no repository-settings`,
        field: 'repository-settings',
      });
    // a branch that already exists is history; only a new one must sit on the last release
    if (d.isNewBranch(b.name) && !d.independent && prefix !== 'bugfix') {
      const last = d.releases[d.releases.length - 1];
      if (!last)
        out.push({
          level: 'error',
          message: `branch ${b.name}: creating a tag is mandatory before creating a branch`,
          field: `${field}.location`,
        });
      else if (b.location !== last.version) {
        out.push({
          level: 'error',
          message: `branch ${b.name}: a new branch must be at the last release ${last.version}, not ${b.location}`,
          field: `${field}.location`,
        });
      }
    }
  } else if (kind === 'tagless') {
    if (typeof b.location === 'string')
      return [
        {
          level: 'error',
          message: `branch ${b.name}: a tagless branch location must map repositories to commits`,
          field: `${field}.location`,
        },
      ];
    for (const [repo, sha] of Object.entries(b.location)) {
      if (typeof sha !== 'string' || !SHA.test(sha))
        out.push({
          level: 'error',
          message: `branch ${b.name}: ${repo} must be a 40-hex commit SHA`,
          field: `${field}.location.${repo}`,
        });
    }
  } else if (kind === 'upstream') {
    if (typeof b.location !== 'string')
      return [
        {
          level: 'error',
          message: `branch ${b.name}: location must be a string`,
          field: `${field}.location`,
        },
      ];
    return [
      {
        level: 'warning',
        message: `branch ${b.name}: stable-branch-type upstream, branch name not checked`,
        field: `${field}.name`,
      },
    ];
  } else {
    return [
      {
        level: 'error',
        message: `branch ${b.name}: stable-branch-type ${kind} allows no ${prefix} branches`,
        field: `${field}.name`,
      },
    ];
  }
  out.push(...checkName(d, env, b, suffix, prefix, kind, field));
  return out;
}

function checkName(
  d: Derived,
  env: RuleEnv,
  b: DocBranch,
  suffix: string,
  prefix: string,
  kind: string,
  field: string,
): Issue[] {
  if (d.independent) {
    return env.series.some((s) => s.name === suffix)
      ? []
      : [
          {
            level: 'error',
            message: `branch ${b.name}: ${suffix} is not a series name`,
            field: `${field}.name`,
          },
        ];
  }
  if (suffix === d.series || suffix === d.seriesId) return [];
  const majorMinor =
    typeof b.location === 'string' ? b.location.split('.').slice(0, 2).join('.') : undefined;
  if (kind === 'std-with-versions' && suffix === majorMinor) return [];
  const expected =
    prefix === 'stable'
      ? `stable/${d.seriesId ?? d.series}`
      : `bugfix/<major.minor of the location>`;
  return [
    {
      level: 'error',
      message: `branch ${b.name}: expected ${expected} in ${d.series}`,
      field: `${field}.name`,
    },
  ];
}

const featureBranches: Rule = {
  id: 'feature-branches',
  number: 29,
  what: 'feature branches map repositories to 40-hex SHAs',
  upstream: 'same as upstream (with --git: the commits exist)',
  gates: [],
  run: (d) =>
    (d.doc.branches ?? []).flatMap((b, i) => {
      if (!b.name.startsWith('feature/')) return [];
      const field = `branches[${i}].location`;
      if (typeof b.location === 'string')
        return [
          {
            level: 'error' as const,
            message: `branch ${b.name}: location must map repositories to commits`,
            field,
          },
        ];
      return Object.entries(b.location)
        .filter(([, sha]) => typeof sha !== 'string' || !SHA.test(sha))
        .map(([repo]) => ({
          level: 'error' as const,
          message: `branch ${b.name}: ${repo} must be a 40-hex commit SHA`,
          field: `${field}.${repo}`,
        }));
    }),
};

export const BRANCH_RULES: readonly Rule[] = [branchPrefixes, stableBranches, featureBranches];
