import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Context } from '../cli/context.js';
import type { IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { seriesId, type Series } from '../data/releases/series.js';
import { gitSync, isGitRepo } from '../git/run.js';
import { parseSpec, seriesDirs, seriesSpecFiles, type SpecFacts } from './read-spec.js';

/**
 * The team's specs repository as a git checkout: where it is, which
 * commit to read (the fetched `origin` head, since `liaison sync` only
 * fetches and never touches the work tree), and the spec files of a series.
 */

export interface SpecsRepo {
  readonly dir: string;
  /** Where the setting came from (`--specs-repo`, `$LIAISON_SPECS_REPO`, config, managed). */
  readonly origin: string;
}

/** Folder of the checkouts the tool manages itself (`liaison sync` fetches them). */
export function managedCheckoutsDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_DATA_HOME ?? `${env.HOME ?? '.'}/.local/share`;
  return join(base, 'release-liaison', 'checkouts');
}

/** The specs repository of the team (`openstack/glance-specs`), from governance. */
export function specsRepoName(ctx: Context): string | null {
  const repos = ctx.team.deliverables.flatMap((d) => d.repos);
  return repos.find((r) => /-specs$/.test(r)) ?? null;
}

/**
 * `--specs-repo DIR`, `$LIAISON_SPECS_REPO`, config `specs-repo` (relative
 * to the config file), else a managed checkout named after the team's
 * specs repository; null when none exists. A given path that is not a git
 * checkout is the user's error.
 */
export function locateSpecsRepo(ctx: Context, flag?: string): SpecsRepo | null {
  const given: [string | undefined, string, string][] = [
    [flag, '--specs-repo', ctx.io.cwd],
    [ctx.io.env.LIAISON_SPECS_REPO, '$LIAISON_SPECS_REPO', ctx.io.cwd],
    [ctx.config['specs-repo'], 'specs-repo in the config', configDir(ctx)],
  ];
  for (const [value, origin, base] of given) {
    if (value === undefined || value === '') continue;
    const dir = resolve(base, value);
    if (!existsSync(dir) || !isGitRepo(dir))
      throw new UsageError(`${origin} ${value}: not a git checkout of the team's specs repository`);
    return { dir, origin };
  }
  const name = specsRepoName(ctx);
  if (!name) return null;
  const managed = join(managedCheckoutsDir(ctx.io.env), name.split('/').pop() ?? name);
  return existsSync(managed) && isGitRepo(managed)
    ? { dir: managed, origin: 'managed checkout' }
    : null;
}

function configDir(ctx: Context): string {
  const origin = ctx.loadedConfig.origin;
  return isAbsolute(origin) ? dirname(origin) : ctx.io.cwd;
}

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
  const texts = readBlobs(
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

/** Several blobs in one `cat-file --batch`; undefined for a missing one. */
function readBlobs(dir: string, names: readonly string[]): (string | undefined)[] {
  if (names.length === 0) return [];
  const out = Buffer.from(
    gitSync(dir, ['cat-file', '--batch'], { input: names.join('\n') + '\n' }),
    'utf8',
  );
  const texts: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = / blob (\d+)$/.exec(header);
    if (!m) {
      texts.push(undefined);
      continue;
    }
    const size = Number(m[1]);
    texts.push(out.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return texts;
}
