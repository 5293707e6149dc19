import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, isMap, isSeq, type YAMLMap } from 'yaml';
import { packageRoot } from '../../src/core/package-root.js';
import {
  fileDates,
  type DatePair,
  type ReleaseDates,
} from '../../src/data/releases/release-dates.js';
import { RELEASES_DIR } from './shared-data.js';

/**
 * A generated mini-history of openstack/releases, for tests that replay past
 * cycles without the network or the mirror: the real deliverable files of
 * ../shared/data (one snapshot, no history) and the proposed/merged dates
 * stored in the embedded snapshot (data/snapshot/release-dates.json) make a
 * real git repository where the file as of a date holds the entries merged
 * by then. Each entry is a change (author date = proposed) merged into
 * master by a merge commit on its merge day, as Gerrit does. Nothing of the
 * upstream history is copied: the commits are made up from those facts.
 */
export interface MiniHistoryOptions {
  /** Deliverable file names (`glance`, `glance-store`...) to include. */
  readonly deliverables: readonly string[];
  /** Series whose files to include (default: every series the stored dates cover). */
  readonly series?: readonly string[];
  /** Where to make it (default: a new temporary folder; the caller removes it). */
  readonly dir?: string;
}

interface Change {
  readonly path: string;
  /** Applies the change to a parsed file. */
  readonly kind: 'version' | 'branch' | 'highlights';
  readonly key: string;
  readonly proposed: string;
  readonly merged: string;
}

const START = '2020-01-01';

function epoch(day: string, seconds = 43_200): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000 + seconds;
}

export function storedDates(): ReleaseDates {
  return JSON.parse(
    readFileSync(join(packageRoot(), 'data/snapshot/release-dates.json'), 'utf8'),
  ) as ReleaseDates;
}

/** The file with only the entries in `have` (versions, branches, highlights). */
function fileAt(
  text: string,
  have: { versions: Set<string>; branches: Set<string>; highlights: boolean },
): string {
  const doc = parseDocument(text);
  const root = doc.contents as YAMLMap;
  const keep = (key: string, pick: (item: unknown) => boolean) => {
    const seq = root.get(key, true);
    if (!isSeq(seq)) return;
    seq.items = seq.items.filter((item) => pick(item));
    if (seq.items.length === 0) root.delete(key);
  };
  keep('releases', (r) => isMap(r) && have.versions.has(String(r.get('version'))));
  keep('branches', (b) => isMap(b) && have.branches.has(String(b.get('name'))));
  if (!have.highlights) root.delete('cycle-highlights');
  // release notes links come with the final: keep the file minimal before it
  if (have.versions.size === 0) root.delete('release-notes');
  return doc.toString();
}

/** Builds the repository (with `git fast-import`) and returns its folder. */
export function buildMiniHistory(opts: MiniHistoryOptions): string {
  const dates = storedDates();
  const series = opts.series ?? dates.series;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'liaison-mini-history-'));
  const finals = new Map<string, string>();
  const changes: Change[] = [];
  const undated = new Map<
    string,
    { versions: Set<string>; branches: Set<string>; highlights: boolean }
  >();
  for (const s of series) {
    for (const name of opts.deliverables) {
      const path = `deliverables/${s}/${name}.yaml`;
      let text: string;
      try {
        text = readFileSync(join(RELEASES_DIR, path), 'utf8');
      } catch {
        continue;
      }
      finals.set(path, text);
      const fd = fileDates(dates, s, name);
      const doc = parseDocument(text).toJS() as {
        releases?: { version: unknown }[];
        branches?: { name: string }[];
        'cycle-highlights'?: unknown;
      };
      const base = { versions: new Set<string>(), branches: new Set<string>(), highlights: false };
      const add = (kind: Change['kind'], key: string, pair: DatePair | undefined) => {
        if (pair?.[0] && pair[1])
          changes.push({ path, kind, key, proposed: pair[0], merged: pair[1] });
        else if (kind === 'version') base.versions.add(key);
        else if (kind === 'branch') base.branches.add(key);
        else base.highlights = true;
      };
      for (const r of doc.releases ?? [])
        add('version', String(r.version), fd.v[String(r.version)]);
      for (const b of doc.branches ?? []) add('branch', b.name, fd.b[b.name]);
      if (doc['cycle-highlights']) add('highlights', 'cycle-highlights', fd.h);
      undated.set(path, base);
    }
  }
  changes.sort((a, b) => a.merged.localeCompare(b.merged) || a.proposed.localeCompare(b.proposed));
  const state = new Map(
    [...undated].map(([p, h]) => [
      p,
      { ...h, versions: new Set(h.versions), branches: new Set(h.branches) },
    ]),
  );
  const out: string[] = [];
  const who = 'Mini History <mini@example.org>';
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}`;
  const commit = (
    ref: string,
    mark: number,
    when: number,
    msg: string,
    files: [string, string][],
    from?: number,
    merge?: number,
  ) => {
    out.push(
      `commit ${ref}`,
      `mark :${mark}`,
      `author ${who} ${when} +0000`,
      `committer ${who} ${when} +0000`,
    );
    out.push(data(msg));
    if (from) out.push(`from :${from}`);
    if (merge) out.push(`merge :${merge}`);
    for (const [path, text] of files) out.push(`M 100644 inline ${path}`, data(text));
    out.push('');
  };
  // the first commit: series list, schedules, every file with its undated entries
  const base: [string, string][] = [
    [
      'data/series_status.yaml',
      readFileSync(join(RELEASES_DIR, 'data/series_status.yaml'), 'utf8'),
    ],
  ];
  for (const s of readdirSync(join(RELEASES_DIR, 'doc/source'))) {
    try {
      base.push([
        `doc/source/${s}/schedule.yaml`,
        readFileSync(join(RELEASES_DIR, 'doc/source', s, 'schedule.yaml'), 'utf8'),
      ]);
    } catch {
      // a folder without a schedule
    }
  }
  for (const [path, have] of state) base.push([path, fileAt(finals.get(path) ?? '', have)]);
  let mark = 1;
  commit('refs/heads/master', mark, epoch(START), 'Import the data files\n', base);
  let master = mark;
  for (const c of changes) {
    const have = state.get(c.path);
    if (!have) continue;
    if (c.kind === 'version') have.versions.add(c.key);
    else if (c.kind === 'branch') have.branches.add(c.key);
    else have.highlights = true;
    const text = fileAt(finals.get(c.path) ?? '', have);
    const change = ++mark;
    commit(
      'refs/heads/change',
      change,
      epoch(c.proposed, 36_000),
      `Change ${c.path}: ${c.key}\n`,
      [[c.path, text]],
      master,
    );
    const merged = ++mark;
    // the merge lands later in the day than the change was written (a same-day merge)
    commit(
      'refs/heads/master',
      merged,
      epoch(c.merged, 50_000),
      `Merge "Change ${c.path}: ${c.key}"\n`,
      [[c.path, text]],
      master,
      change,
    );
    master = merged;
  }
  execFileSync('git', ['init', '-q', '-b', 'master', dir]);
  execFileSync('git', ['-C', dir, 'fast-import', '--quiet'], { input: out.join('\n') + '\n' });
  execFileSync('git', ['-C', dir, 'branch', '-q', '-D', 'change']);
  execFileSync('git', ['-C', dir, 'reset', '-q', '--hard', 'master']);
  return dir;
}
