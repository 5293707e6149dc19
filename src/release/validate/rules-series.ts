import { parsePbrVersion } from '../../data/releases/pbr-version.js';
import { isRc } from './derived.js';
import type { DocProject } from './plan-types.js';
import type { Issue, Rule } from './rule.js';
import { idOf, seriesBefore } from './series-lookup.js';

/**
 * Upstream validate checks that look at the release history of a file and
 * at governance (release-tooling.md §5.2, numbers 19–26).
 */

/** Check 19 plus the approval rule's "the deliverable belongs to the team" (§5.6). */
const governance: Rule = {
  id: 'governance',
  level: 'error or warning',
  number: 19,
  what: 'the deliverable is in governance under its team; the last release tags every repository of repository-settings',
  upstream: "same as upstream (plus the approval rule's team ownership)",
  gates: ['skip-if-lifecycle', 'current', 'released'],
  run: (d, env) => {
    const out: Issue[] = [];
    const owner = env.teams.find((t) => t.deliverables.some((g) => g.name === d.name));
    const gd = owner?.deliverables.find((g) => g.name === d.name);
    if (!owner || !gd) {
      if (d.doc['artifact-link-mode'] !== 'none' && !env.otherOwners.has(d.doc.team)) {
        out.push({
          level: 'error',
          message: `deliverable ${d.name} is not in governance projects.yaml`,
        });
      }
      return out;
    }
    if (owner.name !== d.doc.team && !env.otherOwners.has(d.doc.team)) {
      out.push({
        level: 'error',
        message: `deliverable ${d.name} belongs to team "${owner.name}" in governance, not "${d.doc.team}"`,
        field: 'team',
      });
    }
    const last = d.releases[d.releases.length - 1];
    const released = new Set((last?.projects ?? []).map((p) => p.repo));
    const version = last?.version ?? '';
    for (const repo of released) {
      if (!gd.repos.includes(repo))
        out.push({
          level: 'warning',
          message: `release ${version} includes ${repo}, which governance does not list for ${d.name}`,
        });
    }
    for (const repo of gd.repos) {
      if (!released.has(repo))
        out.push({
          level: 'warning',
          message: `release ${version} does not include ${repo}, which governance lists for ${d.name}`,
        });
    }
    const settings = d.repos.filter((r) => !d.retiredRepos.has(r));
    for (const repo of released) {
      if (!d.repos.includes(repo))
        out.push({
          level: 'error',
          message: `release ${version} includes ${repo}, which is not in repository-settings`,
          field: 'repository-settings',
        });
    }
    for (const repo of settings) {
      if (!released.has(repo))
        out.push({
          level: 'error',
          message: `release ${version} does not include ${repo} of repository-settings (tag every repository, or mark it retired)`,
        });
    }
    return out;
  },
};

/** Check 20, with the chronologically previous series (upstream takes the alphabetical one). */
const seriesOpen: Rule = {
  id: 'series-open',
  level: 'warning',
  number: 20,
  what: "the previous series' file has its stable branch (warning)",
  upstream:
    'upstream check 20, with the previous series in series order (upstream takes the alphabetical one)',
  gates: ['new-tags', 'cycle', 'released', 'current'],
  run: (d, env) => {
    // branchless deliverables (tempest plugins) never have the branch to look for
    if (d.effectiveType === 'tempest-plugin' || d.doc['stable-branch-type'] === 'none') return [];
    const prev = seriesBefore(env.series, d.series);
    if (!prev) return [];
    const prevDoc = env.deliverableIn(prev.name, d.name);
    if (!prevDoc) return [];
    const branch = `stable/${idOf(prev)}`;
    if ((prevDoc.branches ?? []).some((b) => b.name === branch)) return [];
    return [
      {
        level: 'warning',
        message: `deliverables/${prev.name}/${d.name}.yaml has no ${branch} branch: is the ${d.series} series open?`,
      },
    ];
  },
};

const firstInSeries: Rule = {
  id: 'first-in-series',
  number: 21,
  what: 'the first release of a series increments at least the minor version or is a beta/RC',
  upstream: 'same as upstream',
  gates: ['new-tags', 'released', 'cycle'],
  run: (d) => {
    if (
      d.model === 'untagged' ||
      d.doc['stable-branch-type'] === 'tagless' ||
      d.effectiveType === 'tempest-plugin'
    )
      return [];
    if (d.releases.length !== 1) return [];
    const version = d.releases[0]?.version ?? '';
    if (/-(eol|eom|em|last)$/.test(version)) return []; // a lifecycle tag is no version to increment
    const lastPiece = version.split('.').pop() ?? '';
    if (lastPiece === '0' || lastPiece.startsWith('0b') || lastPiece.startsWith('0rc')) return [];
    return [
      {
        level: 'error',
        message: `${version}: the first release of a series must increment at least the minor version or be a beta/RC`,
        field: 'releases[0].version',
      },
    ];
  },
};

const finalAfterRc: Rule = {
  id: 'final-after-rc',
  number: 22,
  what: 'a final right after an RC tags the same repositories at the same hashes',
  upstream: 'same as upstream',
  gates: ['new-tags', 'released'],
  run: (d) => {
    const n = d.releases.length;
    const prev = d.releases[n - 2];
    const last = d.releases[n - 1];
    if (!prev || !last || !isRc(prev.version) || isRc(last.version)) return [];
    const key = (ps: readonly DocProject[]) =>
      [...ps]
        .sort((a, b) => (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : 0))
        .map((p) => `${p.repo}@${p.hash}`)
        .join(',');
    if (key(prev.projects) === key(last.projects)) return [];
    return [
      {
        level: 'error',
        message: `${last.version} follows ${prev.version}: a final after an RC must tag the same repositories at the same hashes`,
        field: `releases[${n - 1}].projects`,
      },
    ];
  },
};

type Stage = 'a' | 'b' | 'rc' | 'final';
const ALLOWED_BEFORE: Record<Stage, readonly Stage[]> = {
  rc: ['b', 'rc'],
  b: ['a', 'b'],
  a: ['a'],
  final: ['rc', 'final'],
};

function stageOf(version: string): Stage | undefined {
  const v = parsePbrVersion(version);
  if (!v) return undefined;
  return v.pre ? v.pre.kind : 'final';
}

const preReleaseProgression: Rule = {
  id: 'pre-release-progression',
  number: 23,
  what: 'cycle-with-rc: rc after beta or rc, beta after alpha or beta, final after rc or final',
  upstream: 'same as upstream',
  gates: ['new-tags', 'current', 'released', 'cycle'],
  run: (d, env) => {
    if (!env.constants.milestoneBasedModels.has(d.model ?? '')) return [];
    const n = d.releases.length;
    const last = d.releases[n - 1];
    const lastStage = last ? stageOf(last.version) : undefined;
    if (!last || !lastStage) return [];
    const field = `releases[${n - 1}].version`;
    if (n === 1) {
      return lastStage === 'final'
        ? [
            {
              level: 'error',
              message: `${last.version}: ${d.model ?? ''} needs a release candidate before the final release`,
              field,
            },
          ]
        : [];
    }
    const prev = d.releases[n - 2];
    const prevStage = prev ? stageOf(prev.version) : undefined;
    if (!prev || !prevStage || ALLOWED_BEFORE[lastStage].includes(prevStage)) return [];
    return [
      {
        level: 'error',
        message: `${last.version} cannot follow ${prev.version} (${describe(lastStage)} after ${describe(prevStage)})`,
        field,
      },
    ];
  },
};

const describe = (s: Stage) =>
  ({ a: 'an alpha', b: 'a beta', rc: 'a release candidate', final: 'a final release' })[s];

function lifecycleRule(number: number, kind: 'eol' | 'eom' | 'em'): Rule {
  return {
    id: kind,
    number,
    what: `an -${kind} tag needs branches and tags exactly the repositories of the deliverable${kind === 'em' ? ', at the hashes of the previous release' : ''}`,
    upstream: 'same as upstream',
    gates: ['new-tags', 'released'],
    run: (d) => {
      const n = d.releases.length;
      const last = d.releases[n - 1];
      if (!last?.version.endsWith(`-${kind}`)) return [];
      const out: Issue[] = [];
      if ((d.doc.branches ?? []).length === 0)
        out.push({
          level: 'error',
          message: `${last.version}: a deliverable without branches cannot be tagged ${kind}`,
          field: 'branches',
        });
      const tagged = new Set(last.projects.map((p) => p.repo));
      // retired repositories are tagged too: the tag closes the series for all of them
      const expected = d.repos;
      const missing = expected.filter((r) => !tagged.has(r));
      const extra = [...tagged].filter((r) => !expected.includes(r));
      if (missing.length > 0 || extra.length > 0) {
        out.push({
          level: 'error',
          message: `${last.version} must tag exactly the repositories of the deliverable${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; not in repository-settings: ${extra.join(', ')}` : ''}`,
          field: `releases[${n - 1}].projects`,
        });
      }
      if (kind === 'em') {
        const prev = d.releases[n - 2];
        if (!prev)
          out.push({
            level: 'error',
            message: `${last.version}: an -em tag needs a previous release to re-tag`,
            field: `releases[${n - 1}]`,
          });
        else {
          for (const p of last.projects) {
            const before = prev.projects.find((q) => q.repo === p.repo);
            if (before?.hash !== p.hash) {
              out.push({
                level: 'error',
                message: `${last.version}: ${p.repo} must be tagged at the hash of ${prev.version}`,
                field: `releases[${n - 1}].projects`,
              });
            }
          }
        }
      }
      return out;
    },
  };
}

export const SERIES_RULES: readonly Rule[] = [
  governance,
  seriesOpen,
  firstInSeries,
  finalAfterRc,
  preReleaseProgression,
  lifecycleRule(24, 'eol'),
  lifecycleRule(25, 'eom'),
  lifecycleRule(26, 'em'),
];
