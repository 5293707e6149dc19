import { NOTES_DEFAULTS } from '../notes/command.js';
import type { NotesOptions } from '../notes/read-query.js';
import type { Io } from './context.js';
import { notesLineOf, readsTeamConfig } from './notes-prestart.js';

/**
 * A plain `liaison notes report --ignore-cache` line, run without
 * commander, the command table or the context: about a third of an
 * uncached run on a big history is the CLI loading around a report whose
 * options the early reader (notes-prestart.ts) already knows. It runs the
 * very `runReport` of `notes/command.ts` with the options commander would
 * have given it, prints nothing until the report is done, and on any
 * error, or a line with anything else on it, answers null: the command
 * then runs in full, whose one error boundary says what went wrong.
 * (Cached lines are the report memo's, cli/notes-memo.ts.)
 */

/** Flags this runner maps; any other flag leaves the line to commander. */
const FLAGS: Readonly<Record<string, (o: Mutable<NotesOptions>) => void>> = {
  '--ignore-cache': (o) => (o.ignoreCache = true),
  '--collapse-pre-releases': (o) => (o.collapsePreReleases = true),
  '--no-collapse-pre-releases': (o) => (o.collapsePreReleases = false),
  '--stop-at-branch-base': (o) => (o.stopAtBranchBase = true),
  '--no-stop-at-branch-base': (o) => (o.stopAtBranchBase = false),
  '--no-show-source': (o) => (o.showSource = false),
};

/** Options with a value this runner maps (the last one given wins, as in commander). */
const VALUED: Readonly<Record<string, (o: Mutable<NotesOptions>, v: string) => void>> = {
  '--repo': (o, v) => (o.repo = v),
  '-d': (o, v) => (o.relNotesDir = v),
  '--rel-notes-dir': (o, v) => (o.relNotesDir = v),
  '--branch': (o, v) => (o.branch = v),
  '--earliest-version': (o, v) => (o.earliestVersion = v),
  '--title': (o, v) => (o.title = v),
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface DirectOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** The options commander gives `notes report` for this line, or null when it is not a plain one. */
export function plainReportOptions(argv: readonly string[], io: Pick<Io, 'env' | 'cwd'>) {
  const line = notesLineOf(argv);
  if (!line || line.command !== 'report' || !line.options.ignoreCache) return null;
  // what the context would read or refuse first: a team config, another day
  if (readsTeamConfig(io) || io.env.LIAISON_TODAY) return null;
  // commander's defaults
  const o: Mutable<NotesOptions> = { ...NOTES_DEFAULTS };
  for (const flag of line.flags) {
    const set = FLAGS[flag];
    if (!set) return null;
    set(o);
  }
  for (const [option, value] of line.values) {
    const set = VALUED[option];
    // an empty value is refused by the full parse, with its message
    if (!set || (value.trim() === '' && option !== '--title')) return null;
    set(o, value);
  }
  return o;
}

/** Runs a plain `notes report --ignore-cache` line; null when it is not one, or it failed. */
export async function runPlainReport(
  argv: readonly string[],
  io: Omit<Io, 'stdout' | 'stderr'>,
): Promise<DirectOutput | null> {
  const options = plainReportOptions(argv, io);
  if (!options) return null;
  const out: string[] = [];
  const err: string[] = [];
  try {
    const { runReport } = await import('../notes/command.js');
    const run = {
      io: {
        ...io,
        stdout: (t: string) => void out.push(t),
        stderr: (t: string) => void err.push(t),
      },
      json: false,
      // --ignore-cache: the history cache, the only reader of the store, is not asked
      store: () => Promise.reject(new Error('no store for an uncached report')),
    };
    const code = await runReport(run, options, []);
    return { stdout: out.join(''), stderr: err.join(''), code };
  } catch {
    return null;
  }
}
