import { isCanonicalPbrVersion, parseLifecycleTag } from '../../data/releases/pbr-version.js';
import { deliverableStatus, releaseTypeOf, type Derived } from './derived.js';
import type { RuleTeam } from './plan-types.js';
import type { RuleEnv } from './plan-types.js';
import { isCanonicalPep440 } from './pep440.js';
import { newReleaseErrors, type Issue, type Rule } from './rule.js';

/**
 * Upstream validate checks on one file's own data (release-tooling.md §5.2,
 * numbers 2–16). Each rule is pure; gating is declared, not coded.
 */

const bugTracker: Rule = {
  id: 'bug-tracker',
  number: 2,
  what: 'a launchpad or storyboard project is named',
  upstream: 'same as upstream (upstream also fetches the project page)',
  gates: ['skip-if-lifecycle'],
  run: (d) =>
    d.doc.launchpad === undefined && d.doc.storyboard === undefined
      ? [
          {
            level: 'error',
            message: 'no bug tracker: set "launchpad" (or "storyboard")',
            field: 'launchpad',
          },
        ]
      : [],
};

const team: Rule = {
  id: 'team',
  level: 'warning',
  number: 3,
  what: 'the team is a governance team, the TC or a SIG (warning)',
  upstream: 'same as upstream',
  gates: ['skip-if-lifecycle'],
  run: (d, env) =>
    teamNames(env.teams).has(d.doc.team) || env.otherOwners.has(d.doc.team)
      ? []
      : [
          {
            level: 'warning',
            message: `team "${d.doc.team}" is not a team in governance projects.yaml`,
            field: 'team',
          },
        ],
};

const namesOf = new WeakMap<readonly RuleTeam[], ReadonlySet<string>>();

/** The governance team names, as a set (looked up for every file). */
function teamNames(teams: readonly RuleTeam[]): ReadonlySet<string> {
  let names = namesOf.get(teams);
  if (!names) namesOf.set(teams, (names = new Set(teams.map((t) => t.name))));
  return names;
}

const releaseNotes: Rule = {
  id: 'release-notes',
  number: 4,
  what: 'every repository a release-notes mapping names is a repository of the deliverable',
  upstream: 'same as upstream (upstream also fetches each link)',
  gates: ['skip-if-lifecycle'],
  run: (d) => {
    const notes = d.doc['release-notes'];
    if (notes === undefined || typeof notes === 'string') return [];
    return Object.keys(notes)
      .filter((repo) => !d.repos.includes(repo))
      .map((repo) => ({
        level: 'error' as const,
        message: `release-notes names ${repo}, which is not a repository of the deliverable`,
        field: `release-notes.${repo}`,
      }));
  },
};

const model: Rule = {
  id: 'model',
  number: 5,
  what: 'release-model present outside _independent, fitting the directory; untagged has no releases',
  upstream: 'same as upstream',
  gates: ['skip-if-lifecycle'],
  run: (d) => {
    const declared = d.doc['release-model'];
    const out: Issue[] = [];
    if (d.independent) {
      if (declared !== undefined && declared !== 'abandoned' && declared !== 'independent') {
        out.push({
          level: 'error',
          message: `a file in _independent cannot use release-model ${declared}`,
          field: 'release-model',
        });
      }
    } else if (declared === undefined) {
      out.push({
        level: 'error',
        message: 'no release-model (required outside _independent)',
        field: 'release-model',
      });
    } else if (declared === 'independent' || declared === 'abandoned') {
      out.push({
        level: 'error',
        message: `release-model ${declared} belongs in deliverables/_independent`,
        field: 'release-model',
      });
    }
    if (declared === 'untagged' && d.releases.length > 0) {
      out.push({
        level: 'error',
        message: 'an untagged deliverable cannot have releases',
        field: 'releases',
      });
    }
    return out;
  },
};

const notAbandoned: Rule = {
  id: 'not-abandoned',
  number: 11,
  what: 'an abandoned deliverable gets no release',
  upstream: 'same as upstream',
  gates: ['new-tags', 'released'],
  run: (d) =>
    d.model === 'abandoned'
      ? newReleaseErrors(
          d,
          (version) => `release ${version}: the deliverable is abandoned and cannot be released`,
        )
      : [],
};

const shaFormat: Rule = {
  id: 'sha-format',
  number: 12,
  what: 'every hash of a new release is a full 40-hex SHA',
  upstream: 'same as upstream (with --git: the commit exists)',
  gates: ['new-tags', 'released'],
  run: (d) =>
    d.newReleaseIndexes.flatMap((i) =>
      (d.releases[i]?.projects ?? []).flatMap((p, j) =>
        /^[0-9a-f]{40}$/.test(p.hash)
          ? []
          : [
              {
                level: 'error' as const,
                message: `${p.repo}: hash must be a full 40-hex commit SHA, got "${p.hash}"`,
                field: `releases[${i}].projects[${j}].hash`,
              },
            ],
      ),
    ),
};

const LAST_STATUSES = new Set(['extended maintenance', 'end of life', 'unmaintained']);

/** Check 14, data part: lifecycle tag ids, pre-releases allowed by the model, canonical form. */
const versionNumbers: Rule = {
  id: 'version-numbers',
  level: 'error or warning',
  number: 14,
  what: 'lifecycle tags name the series; pre-releases only where the model allows; canonical pbr or PEP 440 form',
  upstream: 'same as upstream (its git part only with --git)',
  gates: ['new-tags', 'released'],
  run: (d, env) => d.newReleaseIndexes.flatMap((i) => checkVersion(d, env, i)),
};

function checkVersion(d: Derived, env: RuleEnv, i: number): Issue[] {
  const version = d.releases[i]?.version ?? '';
  const field = `releases[${i}].version`;
  const tag = parseLifecycleTag(version);
  if (tag && tag.kind !== 'last' && (tag.kind !== 'em' || d.independent)) {
    if (d.independent)
      return [
        {
          level: 'warning',
          message: `${version}: lifecycle tag of an independent deliverable is not validated`,
          field,
        },
      ];
    if (tag.id !== d.seriesId)
      return [
        {
          level: 'error',
          message: `${version}: must be ${d.seriesId ?? '?'}-${tag.kind} in ${d.series}`,
          field,
        },
      ];
    return [];
  }
  if (tag?.kind === 'em') {
    return tag.id === d.series
      ? []
      : [{ level: 'error', message: `${version}: must be ${d.series}-em in ${d.series}`, field }];
  }
  if (tag?.kind === 'last') {
    const out: Issue[] = [];
    if (version !== `${d.seriesId ?? ''}-last`)
      out.push({
        level: 'error',
        message: `${version}: must be ${d.seriesId ?? '?'}-last in ${d.series}`,
        field,
      });
    // upstream's check of the recorded status (the -last tag follows the file's edit to it)
    const status = d.seriesInfo?.status;
    if (!status || !LAST_STATUSES.has(status)) {
      out.push({
        level: 'error',
        message: `${version}: a -last tag needs the series to be unmaintained or end of life (${d.series} is ${status ?? 'unknown'})`,
        field,
      });
    }
    return out;
  }
  const out: Issue[] = [];
  if (/a|b|rc/.test(version) && !env.constants.modelsAllowingPrereleases.has(d.model ?? '')) {
    out.push({
      level: 'error',
      message: `${version}: looks like a pre-release and release-model ${d.model ?? '(none)'} does not allow pre-releases`,
      field,
    });
  }
  let releaseType = releaseTypeOf(d.doc, env.constants.typeToReleaseType);
  const known =
    env.constants.pbrReleaseTypes.has(releaseType) ||
    env.constants.pep440ReleaseTypes.has(releaseType);
  if (!known) {
    out.push({
      level: 'error',
      message: `unknown release-type ${releaseType}; checking the version with python-service rules`,
      field: 'release-type',
    });
    releaseType = 'python-service';
  }
  const canonical = env.constants.pep440ReleaseTypes.has(releaseType)
    ? isCanonicalPep440(version)
    : isCanonicalPbrVersion(version);
  if (!canonical) {
    out.push({
      level: 'error',
      message: `${version}: not a canonical ${env.constants.pep440ReleaseTypes.has(releaseType) ? 'PEP 440' : 'pbr'} version (e.g. 1.2.0, 1.2.0.0b1, 1.2.0.0rc1)`,
      field,
    });
  }
  return out;
}

const newReleaseAtEnd: Rule = {
  id: 'new-release-at-end',
  number: 15,
  what: 'a new release is the last entry: one per change, appended',
  upstream: 'same as upstream',
  gates: ['new-tags', 'released'],
  run: (d) =>
    newReleaseErrors(d, (version, i) =>
      i === d.releases.length - 1
        ? undefined
        : `release ${version} is new but not the last entry: append new releases at the end, one per change`,
    ),
};

const OPEN_STATUSES = new Set(['development', 'maintained']);

const openSeries: Rule = {
  id: 'open-series',
  number: 16,
  what: 'no new release (lifecycle tags aside) in a series whose recorded status is not development or maintained',
  upstream: 'same as upstream',
  gates: ['skip-if-lifecycle', 'new-tags', 'released'],
  run: (d) => {
    const status = deliverableStatus(d);
    if (status !== undefined && OPEN_STATUSES.has(status)) return [];
    return newReleaseErrors(d, (version) =>
      /-(eol|em|last)$/.test(version)
        ? undefined
        : `release ${version}: ${d.series} is ${status ?? 'not a known series'}, it takes no new releases`,
    );
  },
};

export const FILE_RULES: readonly Rule[] = [
  bugTracker,
  team,
  releaseNotes,
  model,
  notAbandoned,
  shaFormat,
  versionNumbers,
  newReleaseAtEnd,
  openSeries,
];
