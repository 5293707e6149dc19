import type { ReleaseEntry } from '../../src/data/releases/deliverables.js';
import type { ReleasesData } from '../../src/data/releases/releases-data.js';
import { firstThree, fourthPiece } from '../../src/release/versions/bump.js';
import { walkHistory, type SeriesFile } from '../../src/release/versions/history.js';
import { effectiveModel, loadHistory } from '../../src/release/versions/load-history.js';
import { computeNextRelease } from '../../src/release/versions/next-version.js';
import {
  looksLikePreRelease,
  parseLifecycleTag,
  parsePbrVersion,
} from '../../src/data/releases/pbr-version.js';
import { ProposalRefused } from '../../src/release/versions/refusals.js';
import { RETAG_COMMENTS, type ReleaseType } from '../../src/release/versions/release-types.js';

/** Refusals of rules upstream's new-release does not have. */
const BEYOND_UPSTREAM = new Set([
  'stable-type-before-final',
  'rc-after-final',
  'lifecycle-too-early',
  'version-reused',
  'below-older-series',
  'abandoned',
  'untagged',
]);

/**
 * Replays the real history: for each release of each deliverable file of
 * the given series, drop it and everything after it, infer which type of
 * request produced it, compute the next release for that type, compare.
 */
export interface ReplayCase {
  readonly file: string;
  readonly real: string;
  readonly type: ReleaseType | 'last-tag' | 'unknown';
  readonly computed?: string;
  readonly refused?: string;
  /** The rule a refusal names (refusals.ts). */
  readonly rule?: string;
  readonly outcome: Outcome;
}

export type Outcome =
  | 'match'
  /** Glance & co. number betas after the milestone by hand (0b2 for milestone 2). */
  | 'hand-numbered beta'
  /** `<id>-last` tags are added by the QA team by hand, not by new-release. */
  | 'lifecycle -last tag'
  /** A minor or major number other than the one new-release makes (chosen by hand). */
  | 'hand-chosen jump'
  /** Same final version, but upstream's diff-start came from `git describe` on the project repo. */
  | 'final diff-start from git describe'
  /** No earlier release in any series file: the team picked the first number. */
  | 'first release numbered by hand'
  /** A bugfix as the first release of a series: upstream refuses it, the file was written by hand. */
  | 'hand-written first bugfix'
  /** The version is not a pbr version at all (xstatic-style four numbers, ...). */
  | 'not a pbr version'
  /** Our refusals that upstream does not make (model guard, collision checks). */
  | 'refused by a check beyond upstream'
  | 'mismatch';

export function replaySeries(data: ReleasesData, seriesNames: readonly string[]): ReplayCase[] {
  const cases: ReplayCase[] = [];
  for (const series of seriesNames) {
    for (const name of data.deliverableNames(series)) {
      const h = loadHistory(data, series, name);
      const d = h.deliverable;
      if (!d || d.model === 'untagged') continue;
      d.releases.forEach((real, i) => {
        const current: SeriesFile = { ...h.history[0]!, releases: d.releases.slice(0, i) };
        const history = [current, ...h.history.slice(1)];
        cases.push(
          replayOne(`${series}/${name}`, real, history, effectiveModel(d, series), d.type, h),
        );
      });
    }
  }
  return cases;
}

function replayOne(
  file: string,
  real: ReleaseEntry,
  history: readonly SeriesFile[],
  model: string | undefined,
  deliverableType: string | undefined,
  h: ReturnType<typeof loadHistory>,
): ReplayCase {
  const type = inferType(real, history);
  if (type === 'last-tag')
    return { file, real: real.version, type, outcome: 'lifecycle -last tag' };
  if (type === 'unknown') {
    return {
      file,
      real: real.version,
      type,
      outcome: parsePbrVersion(real.version) ? 'mismatch' : 'not a pbr version',
    };
  }
  try {
    const r = computeNextRelease({
      deliverable: file,
      type,
      model,
      ...(deliverableType ? { deliverableType } : {}),
      history,
      newer: [],
      seriesName: history[0]!.series,
      ...(h.series ? { seriesStatus: h.series.status } : {}),
    });
    const computed = r.version;
    if (computed !== real.version) {
      const outcome = r.last
        ? classify(type, computed, real.version)
        : 'first release numbered by hand';
      return { file, real: real.version, type, computed, outcome };
    }
    if (type === 'final' && real.diffStart !== undefined && r.diffStart !== real.diffStart) {
      return {
        file,
        real: real.version,
        type,
        computed: `${computed} diff-start ${r.diffStart ?? '-'} (real ${real.diffStart})`,
        outcome: 'final diff-start from git describe',
      };
    }
    return { file, real: real.version, type, computed, outcome: 'match' };
  } catch (err) {
    // every refusal names its rule; any other error is a bug the replay must show
    if (!(err instanceof ProposalRefused)) throw err;
    const outcome: Outcome = BEYOND_UPSTREAM.has(err.rule)
      ? 'refused by a check beyond upstream'
      : err.rule === 'first-bugfix'
        ? 'hand-written first bugfix'
        : 'mismatch';
    return { file, real: real.version, type, refused: err.message, rule: err.rule, outcome };
  }
}

/** Which request type produced `real`, from how it differs from the last release. */
export function inferType(
  real: ReleaseEntry,
  history: readonly SeriesFile[],
): ReleaseType | 'last-tag' | 'unknown' {
  const tag = parseLifecycleTag(real.version);
  if (tag) return tag.kind === 'last' ? 'last-tag' : tag.kind;
  const comment = real.projects[0]?.comment;
  if (comment === RETAG_COMMENTS.procedural) return 'procedural';
  if (comment === RETAG_COMMENTS.releasefix) return 'releasefix';
  const next = parsePbrVersion(real.version);
  if (!next) return 'unknown';
  if (next.pre?.kind === 'b') return 'milestone';
  if (next.pre?.kind === 'rc') return 'rc';
  const last = walkHistory(history).last;
  if (!last) return 'feature'; // first release ever: every type gives 0.1.0
  if (
    last.depth === 0 &&
    looksLikePreRelease(last.version) &&
    firstThree(last.version) === real.version &&
    fourthPiece(last.version) !== ''
  ) {
    return 'final';
  }
  const prev = parsePbrVersion(last.version);
  if (!prev) return 'unknown';
  if (next.major !== prev.major) return 'major';
  if (next.minor !== prev.minor) return 'feature';
  return 'bugfix';
}

function classify(type: ReleaseType, computed: string, real: string): Outcome {
  if (type === 'milestone' && firstThree(computed) === firstThree(real))
    return 'hand-numbered beta';
  const c = parsePbrVersion(computed);
  const r = parsePbrVersion(real);
  if (!c || !r) return 'not a pbr version';
  if ((type === 'feature' || type === 'major') && r.patch === 0 && c.patch === 0)
    return 'hand-chosen jump';
  return 'mismatch';
}
