/**
 * The typed errors of the tool. Only `src/cli/main.ts` turns them into exit
 * codes (see `exitCodeOf`), so every command can simply throw.
 *
 * Exit codes: 0 ok · 1 findings · 2 usage or config error · 3 a required
 * source is unavailable · 70 internal error (a bug).
 */

export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  source: 3,
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Base class: a user-facing, one-line error with a defined exit code. */
export abstract class LiaisonError extends Error {
  abstract readonly exitCode: ExitCode;
}

/** Findings were reported (validation errors, overdue items...). */
export class FindingsError extends LiaisonError {
  readonly exitCode = EXIT.findings;
}

/** The command line is wrong (unknown option value, unknown team...). */
export class UsageError extends LiaisonError {
  readonly exitCode = EXIT.usage;
}

/**
 * A file we read is malformed or does not fit its schema. `file` and `field`
 * are put in front of the message so the user knows where to look.
 */
export class ConfigError extends LiaisonError {
  readonly exitCode = EXIT.usage;
  constructor(
    readonly detail: string,
    readonly file?: string,
    readonly field?: string,
    readonly line?: number,
  ) {
    super(formatLocation(file, field, line) + detail);
  }
}

/** A source the command cannot work without is missing or down. */
export class SourceUnavailableError extends LiaisonError {
  readonly exitCode = EXIT.source;
  constructor(
    message: string,
    readonly source?: string,
    readonly since?: string,
  ) {
    super(message);
  }
}

/** A refusal of the command for a domain reason (e.g. release after EOL). */
export class RefusedError extends LiaisonError {
  readonly exitCode = EXIT.findings;
}

function formatLocation(file?: string, field?: string, line?: number): string {
  if (!file && !field) return '';
  const where = file ? (line ? `${file}:${line}` : file) : '';
  return `${where}${where && field ? ': ' : ''}${field ?? ''}: `;
}

/**
 * The errors of libraries that mean bad input or a bad store, not a bug, as
 * typed errors: the one place they are mapped (the CLI boundary and the
 * dashboard call this). Anything else stays an internal error.
 */
export function asLiaisonError(err: unknown): LiaisonError | undefined {
  if (err instanceof LiaisonError) return err;
  if (!(err instanceof Error)) return undefined;
  const code = (err as { code?: unknown }).code;
  // better-sqlite3's SqliteError: a damaged store (zeroed pages, dropped tables), a
  // full disk, a locked or read-only file; what to do is the same
  if (err.name === 'SqliteError' && typeof code === 'string' && code.startsWith('SQLITE_')) {
    return new SourceUnavailableError(
      `the store is damaged or unusable (${firstLine(err.message)}); ` +
        'move the --db file aside and keep it (it holds checklist ticks and the reminder ledger), or pass another --db',
      'store',
    );
  }
  return undefined;
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? s).slice(0, 200);
}

export function exitCodeOf(err: unknown): ExitCode {
  return asLiaisonError(err)?.exitCode ?? EXIT.internal;
}
