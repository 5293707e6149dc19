import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { UsageError } from '../../core/errors.js';
import type { FileTree } from '../../data/file-tree.js';
import { gitSync, isGitRepo } from '../../git/run.js';
import { parseSubsetYaml } from './fast-yaml.js';
import { NOTHING_NEW, type LoadedFile, type Newness } from './plan.js';

/** Reading deliverable files (the edge of `release validate`): listing, reading, parsing, --base. */

/** A file to validate: where to read it and how to name it. */
export interface FileRef {
  /** As shown in findings: relative to the releases tree when inside it. */
  readonly display: string;
  /** Relative path in the releases tree, when it is in it. */
  readonly rel?: string;
  /** Absolute path on disk, for files outside the tree. */
  readonly abs?: string;
}

/** Parses a deliverable text: the fast subset reader, else the `yaml` package (which names the error). */
export function parseDeliverableText(text: string): LoadedFile['parsed'] {
  const fast = parseSubsetYaml(text);
  if (fast) return { ok: true, value: fast.value };
  const doc = parseDocument(text, { version: '1.2' });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line;
    const what = (err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, message: `invalid YAML${line ? ` at line ${line}` : ''}: ${what}` };
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 1000 }) as unknown };
}

/** Every `deliverables/<series>/<name>.yaml` of the tree. */
export function listDeliverableFiles(tree: FileTree): FileRef[] {
  const out: FileRef[] = [];
  for (const dir of tree.list('deliverables')) {
    for (const f of tree.list(`deliverables/${dir}`)) {
      if (f.endsWith('.yaml'))
        out.push({ display: `deliverables/${dir}/${f}`, rel: `deliverables/${dir}/${f}` });
    }
  }
  return out;
}

/** A command-line path: a file on disk (inside the tree or not) or a path relative to the tree. */
export function resolveFileArg(arg: string, tree: FileTree, cwd: string): FileRef {
  const onDisk = resolve(cwd, arg);
  const root = tree.absolute('');
  if (existsSync(onDisk) && statSync(onDisk).isFile()) {
    if (root) {
      const rel = relative(resolve(root), onDisk);
      if (!rel.startsWith('..') && !rel.startsWith(sep))
        return { display: rel.split(sep).join('/'), rel: rel.split(sep).join('/') };
    }
    return { display: arg, abs: onDisk };
  }
  const rel = arg.replace(/^\.\//, '');
  if (tree.read(rel) !== undefined) return { display: rel, rel };
  throw new UsageError(`${arg}: no such deliverable file (on disk or in the ${tree.label})`);
}

export function readRef(ref: FileRef, tree: FileTree): string {
  const text = ref.rel !== undefined ? tree.read(ref.rel) : readFileSync(ref.abs ?? '', 'utf8');
  if (text === undefined) throw new UsageError(`${ref.display}: cannot read the file`);
  return text;
}

/** Series directory and deliverable name from a path (`.../hibiscus/glance.yaml`). */
export function seriesAndName(path: string): { series: string; name: string } {
  return { series: basename(dirname(path)), name: basename(path).replace(/\.ya?ml$/, '') };
}

export function loadFile(ref: FileRef, text: string, newness: Newness = NOTHING_NEW): LoadedFile {
  return {
    file: ref.display,
    ...seriesAndName(ref.display),
    parsed: parseDeliverableText(text),
    newness,
  };
}

/** The releases checkout behind the tree, for --base; a clear error when there is none. */
export function releasesCheckout(tree: FileTree): string {
  const root = tree.absolute('');
  if (!root)
    throw new UsageError(
      '--base needs a releases checkout that is a git repository (--releases-repo DIR)',
    );
  if (!isGitRepo(root)) throw new UsageError(`--base: ${root} is not a git repository`);
  return root;
}

/** Deliverable files changed between REV and the work tree (deleted files left out), plus new untracked ones. */
export function changedDeliverables(root: string, rev: string): FileRef[] {
  const changed = gitSync(root, [
    'diff',
    '--name-only',
    '-z',
    '--diff-filter=d',
    rev,
    '--',
    'deliverables',
  ]).split('\0');
  const untracked = gitSync(root, [
    'ls-files',
    '-z',
    '--others',
    '--exclude-standard',
    '--',
    'deliverables',
  ]).split('\0');
  return [...new Set([...changed, ...untracked])]
    .filter((p) => /^deliverables\/[^/]+\/[^/]+\.yaml$/.test(p))
    .sort()
    .map((p) => ({ display: p, rel: p }));
}

/**
 * What each file looked like at REV, read in one `git cat-file --batch`:
 * a release or branch is new when its version or name is not in that
 * version of the file (the whole file is new when it did not exist).
 */
export function newnessAgainst(
  root: string,
  rev: string,
  rels: readonly string[],
): Map<string, Newness> {
  const out = new Map<string, Newness>();
  if (rels.length === 0) return out;
  gitSync(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  const raw = gitSync(root, ['cat-file', '--batch'], {
    input: rels.map((r) => `${rev}:${r}\n`).join(''),
  });
  const buf = Buffer.from(raw, 'utf8');
  let pos = 0;
  for (const rel of rels) {
    const nl = buf.indexOf(10, pos);
    const header = buf.subarray(pos, nl).toString('utf8');
    pos = nl + 1;
    if (header.endsWith(' missing')) {
      out.set(rel, { release: () => true, branch: () => true });
      continue;
    }
    const size = Number(header.split(' ')[2]);
    const text = buf.subarray(pos, pos + size).toString('utf8');
    pos += size + 1;
    out.set(rel, newnessFrom(text));
  }
  return out;
}

function newnessFrom(baseText: string): Newness {
  const parsed = parseDeliverableText(baseText);
  const value = parsed.ok
    ? (parsed.value as { releases?: unknown; branches?: unknown } | null)
    : null;
  const versions = new Set<string>();
  const branches = new Set<string>();
  if (value && Array.isArray(value.releases))
    for (const r of value.releases) versions.add(String((r as { version?: unknown }).version));
  if (value && Array.isArray(value.branches))
    for (const b of value.branches) branches.add(String((b as { name?: unknown }).name));
  return { release: (v) => !versions.has(v), branch: (n) => !branches.has(n) };
}
