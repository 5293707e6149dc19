import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, UsageError } from './errors.js';

/**
 * Reading data and config files: only regular files are read. A FIFO in
 * place of a file would block `read` forever, a directory or a device is not
 * data; each gets one line naming the file instead. A missing file is
 * `undefined` (the caller says whether that is fine); a dangling link or a
 * link loop is an error, never "absent".
 */

/** What a path is, in words, when it is not a regular file. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Opens a regular file for reading without ever blocking (O_NONBLOCK: a
 * FIFO opens at once and is refused). Returns undefined when nothing is
 * there; throws a ConfigError naming the file for anything else.
 */
export function openRegularFile(path: string): number | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && isLink(path))
      throw new ConfigError('a dangling symbolic link (its target does not exist)', path);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(unreadable(code), path);
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    throw new ConfigError(`cannot read it: it is ${kindOf(st)}, not a file`, path);
  }
  return fd;
}

function unreadable(code: string | undefined): string {
  switch (code ?? '') {
    case 'ELOOP':
      return 'cannot read it: a loop of symbolic links';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read it: permission denied';
    case 'EISDIR':
      return 'cannot read it: it is a directory, not a file';
    case 'ENAMETOOLONG':
      return 'cannot read it: the path is too long';
    default:
      return `cannot read it (${code ?? 'unknown error'})`;
  }
}

let shared = Buffer.allocUnsafe(64 * 1024);

/**
 * The text of a regular file (UTF-8), or undefined when it does not exist.
 * Read into one reused buffer (many small files are read in a row by
 * `release validate`); `maxBytes` bounds what a hostile file can cost.
 */
export function readRegularFile(
  path: string,
  opts: { readonly maxBytes?: number } = {},
): string | undefined {
  const fd = openRegularFile(path);
  if (fd === undefined) return undefined;
  try {
    let n = 0;
    for (;;) {
      if (n === shared.length) {
        const bigger = Buffer.allocUnsafe(shared.length * 2);
        shared.copy(bigger);
        shared = bigger;
      }
      const room = shared.length - n;
      let got: number;
      try {
        got = readSync(fd, shared, n, room, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new ConfigError(unreadable(code), path);
      }
      n += got;
      if (opts.maxBytes !== undefined && n > opts.maxBytes)
        throw new ConfigError(
          `too large (over ${Math.round(opts.maxBytes / 1024 / 1024)} MB) to be a data file`,
          path,
        );
      if (got === 0 || got < room) break; // a short read of a regular file is its end
    }
    const text = shared.toString('utf8', 0, n);
    if (shared.length > 8 * 1024 * 1024) shared = Buffer.allocUnsafe(64 * 1024); // do not keep a big one
    return text;
  } finally {
    closeSync(fd);
  }
}

/** An output path's problem, in words (a command-line path: the user's to fix). */
function unwritable(code: string | undefined): string {
  switch (code ?? '') {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a directory; give a file name';
    case 'EEXIST':
      return 'it exists and is not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    default:
      return `cannot write it (${code ?? 'unknown error'})`;
  }
}

/** The error for an output path the command cannot write, naming the option and the path. */
export function outputError(what: string, path: string, e: unknown): UsageError {
  return new UsageError(`${what} ${path}: ${unwritable((e as NodeJS.ErrnoException).code)}`);
}

/**
 * `mkdir -p` for an output folder, one level at a time: Node's recursive
 * mkdir spins forever under /proc, and a file on the way must be named, not
 * reported as an internal error. `what` names the option (`--outbox`).
 */
export function makeOutputDir(dir: string, what: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    let st: Stats | undefined;
    try {
      st = statSync(at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw outputError(what, dir, e);
    }
    if (st) {
      if (!st.isDirectory())
        throw new UsageError(
          `${what} ${dir}: ${at === resolve(dir) ? 'it is a file, not a folder' : `${at} is a file, not a folder`}`,
        );
      break;
    }
    missing.push(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      // ENOENT from mkdir with the parent there: a file system that makes no folders (/proc)
      const why = code === 'ENOENT' ? 'this file system does not allow it' : unwritable(code);
      throw new UsageError(`${what} ${dir}: cannot create the folder ${d}: ${why}`);
    }
  }
}

/** Writes an output file; a path that cannot be written is a usage error naming it. */
export function writeOutputFile(path: string, data: string | Uint8Array, what: string): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw outputError(what, path, e);
  }
}

/** What a path is when it exists and is not a regular file (`a FIFO (named pipe)`), else undefined. */
export function nonFileKind(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? undefined : kindOf(st);
  } catch {
    return undefined;
  }
}
