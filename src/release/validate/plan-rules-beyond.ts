import { seriesStatusAt } from '../../calendar/series-status.js';
import { parseLifecycleTag } from '../../data/releases/pbr-version.js';
import { INDEPENDENT, type Derived } from './derived.js';
import { linksOf, locationText } from './plan-newness.js';
import type { RuleEnv } from './plan-types.js';
import { newReleaseErrors, UPSTREAM, versionAt, type Issue, type Rule } from './rule.js';
import type { RuleSeries } from './series-lookup.js';
import {
  compareOrdered,
  lineOf,
  orderedVersion,
  sameScheme,
  type OrderedVersion,
} from './plan-version-order.js';

/**
 * Rules upstream's validator does not have (or has only with git, or
 * crashes on), gated like its rules: they judge what is new against
 * --base, so the merged history is never re-judged. Every message ends
 * with where upstream stands.
 */

const isLifecycle = (v: string): boolean => parseLifecycleTag(v) !== undefined;

/** A link upstream fetches (release-notes): it must be an https:// URL with a host. */
const linkScheme: Rule = {
  id: 'link-scheme',
  what: 'every release-notes link is an https:// URL with a host',
  upstream:
    'upstream validate fetches each link: it crashes on one without a scheme (or with another than http/https) and accepts http://',
  // like upstream's link check, on every file checked (the real files are all clean)
  gates: [],
  scope: 'every file checked',
  run: (d) =>
    linksOf(d.doc['release-notes']).flatMap(({ key, url }) => {
      const problem = linkProblem(url);
      if (!problem) return [];
      const stance = d.hasLifecycleTag
        ? `${UPSTREAM.misses} (it skips the links of files with lifecycle tags)`
        : problem.upstreamCrashes
          ? `${UPSTREAM.crashes} (its HTTP client refuses the URL before any request)`
          : `${UPSTREAM.misses} (it fetches plain http)`;
      return [
        {
          level: 'error' as const,
          message: `release-notes${key ? ` of ${key}` : ''}: ${JSON.stringify(url)} ${problem.what}; ${stance}`,
          field: key ? `release-notes.${key}` : 'release-notes',
        },
      ];
    }),
};

function linkProblem(url: unknown): { what: string; upstreamCrashes: boolean } | undefined {
  if (typeof url !== 'string') return { what: 'is not a link', upstreamCrashes: true };
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined)
    return { what: 'has no scheme: write https://…', upstreamCrashes: true };
  if (scheme === 'http') return { what: 'is plain http: write https://…', upstreamCrashes: false };
  if (scheme !== 'https') return { what: `uses ${scheme}://, not https://`, upstreamCrashes: true };
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    host = '';
  }
  if (!host || /\s/.test(url)) return { what: 'is not a well-formed URL', upstreamCrashes: !host };
  return undefined;
}

const duplicateVersion: Rule = {
  id: 'duplicate-version',
  what: 'a new release does not repeat a version the file already lists',
  upstream:
    'upstream validate catches this only with git, when the existing tag points at another commit; offline it misses it',
  gates: ['new-tags', 'released'],
  run: (d) =>
    newReleaseErrors(
      d,
      (version, i) => {
        const other = d.releases.findIndex((r, j) => j !== i && r.version === version);
        // two new entries with one version: reported once, on the later one
        if (other < 0 || (other > i && d.newReleaseIndexes.includes(other))) return undefined;
        return `release ${version} is listed twice (also releases[${other}]): a version is tagged once; ${UPSTREAM.gitOnly}, through the existing tag`;
      },
      '.version',
    ),
};

/**
 * pbr ordering within the file: a release continues its major.minor line
 * (gnocchi's 3.0.7 after 3.1.4 is a stable release of the 3.0 line), and a
 * release that opens a line is above everything the file holds.
 */
const versionOrder: Rule = {
  id: 'version-order',
  what: 'a new version is above every earlier version of its major.minor line in the file; one opening a line is above every version of the file (pbr order: X.Y.Z.0rcN < X.Y.Z)',
  upstream: 'upstream validate has no ordering rule: it misses this',
  gates: ['new-tags', 'released'],
  run: (d) => newReleaseErrors(d, (version, i) => versionOrderError(d, version, i), '.version'),
};

/** Why release `i` is out of pbr order in its own file, or undefined. */
function versionOrderError(d: Derived, version: string, i: number): string | undefined {
  const v = orderedVersion(version);
  if (!v) return undefined;
  const earlier: [string, OrderedVersion][] = [];
  for (let j = 0; j < i; j++) {
    const text = versionAt(d, j);
    if (text === version) return undefined; // duplicate-version says it
    const e = orderedVersion(text);
    if (e && sameScheme(v, e)) earlier.push([text, e]);
  }
  const line = lineOf(v);
  const sameLine = earlier.filter(([, e]) => lineOf(e) === line);
  const above = (sameLine.length > 0 ? sameLine : earlier).filter(
    ([, e]) => compareOrdered(v, e) <= 0,
  );
  const highest = highestOf(above);
  if (!highest) return undefined;
  const why =
    sameLine.length > 0
      ? `is not greater than ${highest} of its own ${line} line`
      : `opens the ${line} line in this file but is not greater than ${highest} (a new line starts above every version of the file)`;
  return `release ${version} ${why}; ${UPSTREAM.misses}`;
}

function highestOf(list: readonly [string, OrderedVersion][]): string | undefined {
  let best: [string, OrderedVersion] | undefined;
  for (const x of list) if (!best || compareOrdered(x[1], best[1]) > 0) best = x;
  return best?.[0];
}

/** Files of the deliverable in series older than the file's, in series order. */
function olderFiles(d: Derived, env: RuleEnv) {
  const names = env.series.map((s) => s.name);
  const mine = names.indexOf(d.series);
  if (mine < 0) return [];
  return env
    .filesOf(d.name)
    .filter((f) => f.series !== INDEPENDENT && names.indexOf(f.series) > mine);
}

const belowOlderSeries: Rule = {
  id: 'below-older-series',
  what: 'a new version of a series is above every version of the deliverable in older series',
  upstream:
    'upstream validate misses this (gazpacho glance 31.0.0.0b2, below flamingo 31.0.0, was merged and tagged)',
  gates: ['new-tags', 'released', 'cycle'],
  run: (d, env) =>
    newReleaseErrors(
      d,
      (version) => {
        const v = orderedVersion(version);
        if (!v) return undefined;
        let highest: { version: string; series: string; v: OrderedVersion } | undefined;
        for (const f of olderFiles(d, env))
          for (const r of f.doc.releases ?? []) {
            const text = r.version;
            const e = orderedVersion(text);
            if (!e || !sameScheme(v, e) || compareOrdered(v, e) > 0) continue;
            if (!highest || compareOrdered(e, highest.v) > 0)
              highest = { version: text, series: f.series, v: e };
          }
        if (!highest) return undefined;
        return `release ${version} is not greater than ${highest.version} of the older series ${highest.series}; ${UPSTREAM.misses}`;
      },
      '.version',
    ),
};

/** The other series (or _independent) whose file of the deliverable lists `version`. */
function otherSeriesListing(d: Derived, env: RuleEnv, version: string): string[] {
  return env
    .filesOf(d.name)
    .filter(
      (f) => f.series !== d.series && (f.doc.releases ?? []).some((r) => r.version === version),
    )
    .map((f) => f.series);
}

const versionInOtherSeries: Rule = {
  id: 'version-in-other-series',
  what: 'a new version is not already a release of the deliverable in another series (or _independent)',
  upstream:
    'upstream validate misses this (with git it only checks that an existing tag points at the listed commit)',
  gates: ['new-tags', 'released'],
  run: (d, env) =>
    newReleaseErrors(
      d,
      (version) => {
        if (isLifecycle(version)) return undefined;
        const where = otherSeriesListing(d, env, version);
        if (where.length === 0) return undefined;
        return `release ${version} is already a release of ${d.name} in ${where.join(', ')}: a version is tagged once; ${UPSTREAM.misses}`;
      },
      '.version',
    ),
};

const diffStartKnown: Rule = {
  id: 'diff-start-unknown',
  what: "a new release's diff-start is a version of the deliverable (in any series)",
  upstream: 'upstream validate never reads diff-start: it misses this',
  gates: ['new-tags', 'released'],
  run: (d, env) =>
    newReleaseErrors(
      d,
      (version, i) => {
        const start = d.releases[i]?.['diff-start'];
        if (start === undefined) return undefined;
        const known =
          d.releases.some((r, j) => j !== i && r.version === start) ||
          otherSeriesListing(d, env, start).length > 0;
        if (known) return undefined;
        return `release ${version}: diff-start ${JSON.stringify(start)} is not a version of ${d.name} in any series (the notes and announcement would start nowhere); ${UPSTREAM.misses}`;
      },
      '.diff-start',
    ),
};

const CLOSED = new Set(['end of life', 'unmaintained']);
const OPEN = new Set(['development', 'maintained']);

/**
 * Upstream's open-series check reads the recorded status (edited by hand,
 * late) and is skipped for every file with a lifecycle tag, which every
 * file of an unmaintained series has; this one reads the status at --date,
 * from the schedule (`seriesStatusAt`, the one every view uses).
 */
const closedSeries: Rule = {
  id: 'closed-series',
  what: 'no new release (lifecycle tags aside) of a cycle-based deliverable in a series that is end of life or unmaintained at --date',
  upstream:
    'upstream validate misses this when the recorded status is behind the date or the file has a lifecycle tag (every unmaintained file has one)',
  gates: ['new-tags', 'released', 'cycle'],
  run: (d, env) => {
    const info = d.seriesInfo;
    if (!info) return [];
    const explicit = d.doc['stable-status'];
    const status = explicit ?? seriesStatusAt(env.series, info, env.today, env.dataDate);
    if (!CLOSED.has(status)) return [];
    // upstream's own open-series finding already says it
    if (!d.hasLifecycleTag && !OPEN.has(explicit ?? info.status)) return [];
    const from =
      explicit === undefined && status !== info.status ? phaseStart(info, status) : undefined;
    const since = from ? ` (since ${from})` : '';
    return newReleaseErrors(d, (version) =>
      isLifecycle(version)
        ? undefined
        : `release ${version}: at ${env.today} ${d.series} is ${status}${since}, and a ${d.model ?? 'cycle-based'} deliverable is released only in development or maintained series; ${UPSTREAM.misses} (it reads the recorded status "${info.status}"${d.hasLifecycleTag ? ' and skips files with lifecycle tags' : ''})`,
    );
  },
};

/** The date the data gives for a series entering a phase, if any. */
function phaseStart(info: RuleSeries, status: string): string | undefined {
  if (info.nextPhase?.status === status && info.nextPhase.date) return info.nextPhase.date;
  return status === 'end of life' ? info.eolDate : undefined;
}

const editedRelease: Rule = {
  id: 'edited-release',
  what: 'a release the base already lists keeps its repositories and commits',
  upstream:
    'upstream validate catches this only with git (the existing tag points elsewhere); offline it misses it',
  gates: [],
  scope: 'release entries changed against --base',
  run: (d) =>
    d.ages.edited.map(({ index, before }) => {
      const now = d.releases[index]?.projects ?? [];
      const was = new Map(before.projects.map((p) => [p.repo, p.hash]));
      const changes: string[] = [];
      for (const p of now) {
        const old = was.get(p.repo);
        if (old === undefined) changes.push(`${p.repo} added`);
        else if (old !== p.hash) changes.push(`${p.repo} ${old} → ${p.hash}`);
        was.delete(p.repo);
      }
      for (const repo of was.keys()) changes.push(`${repo} removed`);
      return {
        level: 'error' as const,
        message: `release ${before.version} is already in ${d.ages.baseLabel ?? 'the base'} with other commits (${changes.join('; ')}): a released entry is never edited, request a new version; ${UPSTREAM.gitOnly}, through the existing tag`,
        field: `releases[${index}].projects`,
      };
    }),
};

const removedRelease: Rule = {
  id: 'removed-release',
  level: 'warning',
  what: 'a release the base lists stays in the file (warning: the release team sometimes removes an entry on purpose)',
  upstream: 'upstream validate misses this',
  gates: [],
  scope: 'release entries removed against --base',
  run: (d) =>
    d.ages.removed.map((version): Issue => ({
      level: 'warning',
      message: `release ${version} of ${d.ages.baseLabel ?? 'the base'} is no longer listed: its tag stays, so the file should keep it; ${UPSTREAM.misses}`,
      field: 'releases',
    })),
};

const duplicateBranch: Rule = {
  id: 'duplicate-branch',
  what: 'a new branch entry does not repeat a branch name the file already lists',
  upstream: 'upstream validate misses this (with git it stops at a branch that exists)',
  gates: [],
  scope: 'branch entries new against --base',
  run: (d) => {
    const branches = d.doc.branches ?? [];
    return d.ages.newBranches.flatMap((i) => {
      const name = String(branches[i]?.name);
      const other = branches.findIndex((b, j) => j !== i && b.name === name);
      if (other < 0 || (other > i && d.ages.newBranches.includes(other))) return [];
      return [
        {
          level: 'error' as const,
          message: `branch ${name} is listed twice (also branches[${other}]); ${UPSTREAM.misses}`,
          field: `branches[${i}].name`,
        },
      ];
    });
  },
};

const editedBranch: Rule = {
  id: 'edited-branch',
  what: 'a branch the base already lists keeps its location',
  upstream: 'upstream validate misses this (with git it stops at a branch that exists)',
  gates: [],
  scope: 'branch entries changed against --base',
  run: (d) =>
    d.ages.editedBranches.map(({ index, before }) => ({
      level: 'error' as const,
      message: `branch ${before.name} is already in ${d.ages.baseLabel ?? 'the base'} at ${before.location}, not ${locationText(d.doc.branches?.[index]?.location)}: a branch is cut once; ${UPSTREAM.misses}`,
      field: `branches[${index}].location`,
    })),
};

export const BEYOND_RULES: readonly Rule[] = [
  linkScheme,
  duplicateVersion,
  editedRelease,
  removedRelease,
  duplicateBranch,
  editedBranch,
  versionOrder,
  belowOlderSeries,
  versionInOtherSeries,
  diffStartKnown,
  closedSeries,
];
