import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  startScanEarlyFor,
  stopUnusedEarly,
  type EarlyScanOptions,
} from '../notes/scanner/early.js';

/**
 * `liaison notes report|list` starts its scan's git processes before
 * commander and the command's modules load (~60–100 ms of a run that the
 * git processes spend on the other core). This reads just enough of the
 * command line for that; the real parse comes later, and the scanner takes
 * a process over only when it asks for the very same git command
 * (scanner/early.ts), so a misread here costs time, never output. A command
 * line with anything this reader does not know starts nothing.
 */

/** Global options and those of `notes report|list` that take a value. */
const VALUED: Readonly<Record<string, 'repo' | 'relNotesDir' | 'branch' | null>> = {
  '--team': null,
  '--date': null,
  '--config': null,
  '--releases-repo': null,
  '--governance-repo': null,
  '--db': null,
  '--repo': 'repo',
  '-d': 'relNotesDir',
  '--rel-notes-dir': 'relNotesDir',
  '--branch': 'branch',
  '--version': null,
  '--earliest-version': null,
  '--title': null,
  '-o': null,
  '--output': null,
  '--format': null,
};

const FLAGS = new Set([
  '--json',
  '--ignore-cache',
  '--collapse-pre-releases',
  '--no-collapse-pre-releases',
  '--stop-at-branch-base',
  '--no-stop-at-branch-base',
  '--no-show-source',
]);

/** A `notes report|list` command line as this reader understands it. */
export interface NotesLine {
  readonly command: 'report' | 'list';
  readonly options: EarlyScanOptions;
  /** Every option with a value, as given (`--db x` and `--db=x` alike), in order. */
  readonly values: readonly (readonly [string, string])[];
  /** The flags given, in order. */
  readonly flags: readonly string[];
}

/** The scan options of a `notes report|list` command line, or null for any other. */
export function earlyScanOptionsOf(argv: readonly string[]): EarlyScanOptions | null {
  return notesLineOf(argv)?.options ?? null;
}

/** The command and options of a `notes report|list` command line, or null for any other. */
export function notesLineOf(argv: readonly string[]): NotesLine | null {
  const o: { -readonly [K in keyof EarlyScanOptions]: EarlyScanOptions[K] } = {};
  const values: [string, string][] = [];
  const flags: string[] = [];
  let command = 0; // 0: before `notes`, 1: after it, 2: after report|list
  let name: 'report' | 'list' = 'report';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('-')) {
      if (command === 0 && a === 'notes') command = 1;
      else if (command === 1 && (a === 'report' || a === 'list')) {
        command = 2;
        name = a;
      } else return null;
      continue;
    }
    if (command === 1) return null;
    if (FLAGS.has(a)) {
      if (a === '--ignore-cache') o.ignoreCache = true;
      flags.push(a);
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const option = eq > 0 ? a.slice(0, eq) : a;
    if (!(option in VALUED)) return null;
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) return null;
    values.push([option, value]);
    const key = VALUED[option];
    if (key) o[key] = value;
  }
  return command === 2 ? { command: name, options: o, values, flags } : null;
}

/**
 * Starts the scan's git processes when `argv` is a notes report or list;
 * true if it did. Without `refs`, the `for-each-ref` waits (a report the
 * output memo answers does not need it; called again, this starts only
 * what is not started yet).
 */
export function prestartNotesScan(argv: readonly string[], cwd: string, refs = true): boolean {
  const o = earlyScanOptionsOf(argv);
  if (o) startScanEarlyFor(cwd, o, { refs });
  return o !== null;
}

/** After the command: ends the early processes it did not take over. */
export const stopUnusedNotesGit = stopUnusedEarly;

/**
 * True when a run would read a team config (`$LIAISON_CONFIG`, a
 * `liaison.yaml` in the working folder): the lines the report memo and the
 * plain-report runner answer before the context exists must not have one,
 * so that a config the context would refuse is refused as always.
 */
export function readsTeamConfig(io: { readonly env: NodeJS.ProcessEnv; readonly cwd: string }) {
  return Boolean(io.env.LIAISON_CONFIG) || existsSync(join(io.cwd, 'liaison.yaml'));
}
