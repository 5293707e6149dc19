/**
 * What `--debug` tells on stderr: HTTP requests, git commands, timings.
 * Domain code and adapters call `debugLog` unconditionally; until the CLI
 * turns the log on (cli/debug.ts, which loads pino only then) it is one
 * test of a variable, so a run without --debug pays nothing for it.
 * Callers that would build a costly record first check `debugOn()`.
 */
export type DebugSink = (fields: Readonly<Record<string, unknown>>, message: string) => void;

let sink: DebugSink | undefined;

export function debugOn(): boolean {
  return sink !== undefined;
}

export function debugLog(message: string, fields: Readonly<Record<string, unknown>>): void {
  sink?.(fields, message);
}

/** Installs (or with undefined removes) the sink; the CLI does it around one run. */
export function setDebugSink(next: DebugSink | undefined): void {
  sink = next;
}
