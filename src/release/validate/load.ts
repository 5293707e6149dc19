import { existsSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { ConfigError, UsageError } from '../../core/errors.js';
import { documentValue, textHazard } from '../../data/yaml.js';
import { readRegularFile } from '../../core/files.js';
import { MAX_DATA_FILE_BYTES, type FileTree } from '../../data/file-tree.js';
import { parseSubsetYaml } from './fast-yaml.js';
import { NOTHING_NEW, type LoadedFile, type Newness } from './plan.js';

// the general YAML parser is loaded only for a file the subset reader leaves to it
const require = createRequire(import.meta.url);

/** Reading deliverable files (the edge of `release validate`): listing, reading, parsing. */

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
  const hazard = textHazard(text);
  if (hazard)
    return { ok: false, message: `invalid YAML at line ${hazard.line}: ${hazard.message}` };
  const fast = parseSubsetYaml(text);
  if (fast) return { ok: true, value: fast.value };
  try {
    const { parseDocument } = require('yaml') as typeof import('yaml');
    const doc = parseDocument(text, { version: '1.2' });
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line;
      const what = (err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      return { ok: false, message: `invalid YAML${line ? ` at line ${line}` : ''}: ${what}` };
    }
    // the limits of data/yaml.ts: an alias bomb or a too-deep nesting is a finding, not a crash
    return { ok: true, value: documentValue(doc, '') };
  } catch (e) {
    if (e instanceof ConfigError) return { ok: false, message: e.detail };
    if (e instanceof RangeError) return { ok: false, message: 'invalid YAML: nested too deep' };
    throw e;
  }
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
  if (existsSync(onDisk) && !statSync(onDisk).isFile()) readRegularFile(onDisk); // throws: says what it is
  if (existsSync(onDisk)) {
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
  const abs = ref.abs ?? (ref.rel !== undefined ? diskPath(tree, ref.rel) : undefined);
  // a directory, FIFO or dangling link in place of the file is an error naming it (core/files.ts)
  const text =
    abs !== undefined
      ? readRegularFile(abs, { maxBytes: MAX_DATA_FILE_BYTES })
      : ref.rel !== undefined
        ? tree.read(ref.rel)
        : undefined;
  if (text === undefined) throw new UsageError(`${ref.display}: no such file`);
  return text;
}

const roots = new WeakMap<FileTree, string | null>();

/** Where a tree path is on disk, if the tree is a checkout (a plain join for listed paths: faster than path.join). */
function diskPath(tree: FileTree, rel: string): string | undefined {
  let root = roots.get(tree);
  if (root === undefined) roots.set(tree, (root = tree.absolute('') ?? null));
  if (root === null) return undefined;
  return /^[\w-]+(\/[\w.-]+)*$/.test(rel) && !rel.includes('..')
    ? `${root}/${rel}`
    : tree.absolute(rel);
}

/** Series directory and deliverable name from a path (`.../hibiscus/glance.yaml`). */
export function seriesAndName(path: string): { series: string; name: string } {
  const slash = path.lastIndexOf('/');
  if (slash <= 0 || sep !== '/')
    return { series: basename(dirname(path)), name: basename(path).replace(/\.ya?ml$/, '') };
  const file = path.slice(slash + 1);
  const name = file.endsWith('.yaml') ? file.slice(0, -5) : file.replace(/\.ya?ml$/, '');
  return { series: path.slice(path.lastIndexOf('/', slash - 1) + 1, slash), name };
}

export function loadFile(ref: FileRef, text: string, newness: Newness = NOTHING_NEW): LoadedFile {
  return {
    file: ref.display,
    ...seriesAndName(ref.display),
    parsed: parseDeliverableText(text),
    newness,
  };
}
