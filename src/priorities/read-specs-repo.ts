import type { IsoDate } from '../core/dates.js';
import { seriesId, type Series } from '../data/releases/series.js';
import { gitSync } from '../git/run.js';
import { readBlobsSync } from '../git/blobs.js';
import { parseSpec, seriesDirs, seriesSpecFiles, type SpecFacts } from './read-spec.js';

export { locateSpecsRepo, specsRepoName, type SpecsRepo } from '../git/specs-repo.js';

/**
 * The team's specs repository as a git checkout (located by
 * src/git/specs-repo.ts): which commit to read (the fetched `origin` head, since `liaison sync` only
 * fetches and never touches the work tree), and the spec files of a series.
 */

/** What was read of the repository for one series. */
export interface SeriesSpecs {
  readonly dir: string;
  /** The commit read and its date: the age of this data. */
  readonly commit: string;
  readonly commitDate: string;
  readonly ref: string;
  /** `specs/<dir>/` used (`2026.1`, or the name for older series); null when the series has none. */
  readonly seriesDir: string | null;
  readonly specs: readonly SpecFacts[];
  /** Spec file names (stems) in the folders of later series: specs moved on to another cycle. */
  readonly laterStems: ReadonlySet<string>;
}

/** The fetched head: `origin/HEAD`, `origin/master`, `origin/main`, else the checkout's HEAD. */
function headRef(dir: string): string {
  for (const ref of [
    'refs/remotes/origin/HEAD',
    'refs/remotes/origin/master',
    'refs/remotes/origin/main',
  ]) {
    const ok = gitSync(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      okCodes: [1],
    }).trim();
    if (ok) return ref;
  }
  return 'HEAD';
}

/**
 * The specs of `series` (approved and implemented) as the repository had
 * them at the end of `asOf` (the newest mainline commit of the fetched
 * head up to that day: a past --date sees the specs of that day),
 * templates and indexes left out, each parsed; `later` are the series
 * newer than it (their folders tell which specs moved on).
 */
export function readSeriesSpecs(
  dir: string,
  series: Series,
  later: readonly Series[],
  asOf: IsoDate,
): SeriesSpecs {
  const ref = headRef(dir);
  const [commit = '', commitDate = ''] = gitSync(dir, [
    'log',
    '-1',
    '--first-parent',
    `--before=${asOf}T23:59:59Z`,
    '--format=%H%x1f%cI',
    ref,
  ])
    .trim()
    .split('\x1f');
  if (!commit)
    return {
      dir,
      commit: '',
      commitDate: '',
      ref,
      seriesDir: null,
      specs: [],
      laterStems: new Set(),
    };
  const paths = gitSync(dir, ['ls-tree', '-r', '--name-only', '-z', commit, '--', 'specs/'])
    .split('\0')
    .filter(Boolean);
  const dirs = seriesDirs(paths);
  const pick = (s: Series) => [seriesId(s), s.name].find((d) => dirs.has(d)) ?? null;
  const seriesDir = pick(series);
  const files = seriesDir ? seriesSpecFiles(paths, seriesDir) : [];
  const texts = readBlobsSync(
    dir,
    files.map((f) => `${commit}:${f.path}`),
  );
  const specs = files.map((f, i) => parseSpec(f, texts[i] ?? ''));
  const laterStems = new Set<string>();
  for (const s of later) {
    const d = pick(s);
    if (d) for (const f of seriesSpecFiles(paths, d)) laterStems.add(f.stem);
  }
  return { dir, commit, commitDate, ref, seriesDir, specs, laterStems };
}
