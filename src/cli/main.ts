import { Command, CommanderError, Option, type CommandUnknownOpts } from './commander.js';
import { EXIT, UsageError, asLiaisonError, exitCodeOf } from '../core/errors.js';
import { debugLog } from '../core/debug-log.js';
import { inertText } from '../core/text.js';
import type { Context, GlobalOptions, Io } from './context.js';
import { registerCommands, type Program, type Wrap } from './commands.js';

/** Thrown by actions to end with a given exit code after printing their output. */
export class ExitWith extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export type Action = (
  ctx: Context,
  args: readonly string[],
) => Promise<number | undefined> | number | undefined;

/**
 * Builds the command tree. Each capability registers its commands through
 * `registerCommands`; an action receives a `Context` made from the global
 * options merged with its own.
 */
export async function buildProgram(
  io: Io,
  run: (fn: Action, opts: GlobalOptions, args: readonly string[]) => Promise<void>,
  argv: readonly string[] = [],
): Promise<Program> {
  const bare = new Command('liaison')
    .description(
      "An OpenStack team's release liaison: cycle, releases, notes, gate, bugs, freeze, reminders",
    )
    .version(process.env.npm_package_version ?? '0.1.0')
    .showHelpAfterError('(run liaison --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  const program: Program = addGlobalOptions(bare);
  const wrap: Wrap =
    (fn) =>
    async (...args) => {
      // commander passes the command last; its options with the globals are the action's
      const cmd = args[args.length - 1] as CommandUnknownOpts;
      rejectEmptyValues(cmd);
      const opts = cmd.optsWithGlobals() as Parameters<typeof fn>[2];
      await run((ctx, operands) => fn(ctx, operands, opts), opts, cmd.args);
    };
  const name = commandNameOf(argv, program);
  // `liaison --version` prints a string: no command module is needed for it
  if (name !== undefined || !isVersionOnly(argv)) await registerCommands(program, wrap, name);
  return program;
}

/**
 * An empty value (`--date ''`, `--team ''`, `sync --only ''`) is a mistake
 * (an unset shell variable), never a choice: without this check it would
 * silently mean "the default" (for --date, the real clock). Operands are
 * each command's to check (it can say what the operand is for).
 */
export function rejectEmptyValues(cmd: CommandUnknownOpts): void {
  for (let c: CommandUnknownOpts | null = cmd; c; c = c.parent) {
    for (const o of c.options) {
      if (o.long && EMPTY_MEANS_SOMETHING.has(o.long)) continue;
      const value: unknown = c.getOptionValue(o.attributeName());
      const values: unknown[] = Array.isArray(value) ? value : [value];
      if (values.some((v) => typeof v === 'string' && v.trim() === ''))
        throw new UsageError(`${o.long ?? o.flags}: expected a value, got an empty one`);
    }
  }
}

/** Options where an empty value is a documented choice: `notes report --title ''` (no title, as reno). */
const EMPTY_MEANS_SOMETHING: ReadonlySet<string> = new Set(['--title']);

/** A command line asking for the version and no help (commander answers it before any command). */
function isVersionOnly(argv: readonly string[]): boolean {
  const has = (...flags: string[]) => argv.some((a) => flags.includes(a));
  return has('--version', '-V') && !has('--help', '-h');
}

/** The command an argument list names: its first operand after the global options. */
export function commandNameOf(argv: readonly string[], program: Command): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') return argv[i + 1];
    if (!arg.startsWith('-')) return arg;
    if (arg.includes('=')) continue;
    const option = program.options.find((o) => o.long === arg || o.short === arg);
    if (option && (option.required || option.optional)) i++;
  }
  return undefined;
}

export function addGlobalOptions(cmd: Command) {
  return cmd
    .addOption(
      new Option('--team <name>', 'governance team (default: the config team, else glance)'),
    )
    .addOption(
      new Option('--date <YYYY-MM-DD>', 'act as if today were this date (also $LIAISON_TODAY)'),
    )
    .addOption(new Option('--json', 'print the result as JSON'))
    .addOption(
      new Option('--config <file>', 'team config file (default ./liaison.yaml, else built-in)'),
    )
    .addOption(
      new Option(
        '--releases-repo <dir>',
        'openstack/releases checkout (default: embedded snapshot)',
      ),
    )
    .addOption(
      new Option(
        '--governance-repo <dir>',
        'openstack/governance checkout (default: embedded snapshot)',
      ),
    )
    .addOption(
      new Option(
        '--db <file>',
        'SQLite store (default: ~/.local/share/release-liaison/liaison.db)',
      ),
    )
    .addOption(
      new Option(
        '--debug',
        'log HTTP requests, git commands and timings on stderr (JSON lines); show stack traces',
      ),
    );
}

/** Runs the CLI and returns the exit code; the only place errors become codes. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  let debug = argv.includes('--debug');
  const run = async (fn: Action, opts: GlobalOptions, args: readonly string[]) => {
    debug = opts.debug === true;
    // pino loads only with --debug (start-up time)
    const stopLog = debug ? (await import('./debug.js')).startDebugLog(io.stderr) : undefined;
    // (the performance global loads perf_hooks: only --debug reports timings)
    const started = stopLog ? performance.now() : 0;
    if (stopLog) debugLog('run', { argv });
    let result: number | undefined;
    const { trackView } = await import('../data/age/track.js');
    try {
      // loaded here, not at start-up: --help and --version need no config or data code
      const { Context, preloadConfigLoader } = await import('./context.js');
      const ctx = new Context(opts, io);
      if (ctx.needsConfigLoader()) await preloadConfigLoader();
      try {
        // in its own record of the data it reads: emit's envelope warns from it
        result = (
          await trackView(() => fn(ctx, args), { processWide: io.oneCommandProcess === true })
        ).result;
      } finally {
        ctx.close();
      }
    } finally {
      if (stopLog) {
        const ms = Math.round(performance.now() - started);
        debugLog('done', result === undefined ? { ms } : { ms, exit: result });
        stopLog();
      }
    }
    if (typeof result === 'number') code = result;
  };
  try {
    const program = await buildProgram(io, run, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof ExitWith) return err.code;
    if (err instanceof CommanderError) {
      // help and version end with code 0; bad usage with 2
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const known = asLiaisonError(err);
    if (known) {
      // messages quote file contents and server answers: shown inert, like all terminal text
      io.stderr(`liaison: ${inertText(known.message)}\n`);
      if (debug && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
      return known.exitCode;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    io.stderr(
      `liaison: internal error: ${inertText(e.message)}\nThis is a bug in release-liaison; run again with --debug and report the trace.\n`,
    );
    if (debug && e.stack) io.stderr(e.stack + '\n');
    return exitCodeOf(err);
  }
}
