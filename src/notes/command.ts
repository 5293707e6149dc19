import type { EventEmitter } from 'node:events';
import { join, resolve } from 'node:path';
// types only: options are made by the program (`createOption`), so commander does not load
// with this module (the plain-report runner, cli/notes-direct.ts, needs runReport alone)
import type { Command, OptionValues } from '../cli/commander.js';
import type { Program, Wrap } from '../cli/commands.js';
import type { Context } from '../cli/context.js';
import type { NotesOptions } from './read-query.js';
import type { NotesQuery } from './scanner/repository.js';

/** The defaults of the notes options (reno's), for commander and the plain-report runner. */
export const NOTES_DEFAULTS = { relNotesDir: 'releasenotes', title: 'Release Notes' } as const;

/**
 * `liaison notes ...`: reno's report, list, lint and new, plus check.
 * Options mirror reno's; heavy modules load inside the actions.
 */
export function registerNotes(program: Program, wrap: Wrap): void {
  keepVersionOptionForNotes(program);
  const notes = program
    .command('notes')
    .description('release notes the way reno makes them: report, list, lint, new, check');

  // where the notes are: every notes command
  const where = <A extends unknown[], O extends OptionValues, G extends OptionValues>(
    cmd: Command<A, O, G>,
  ) =>
    cmd
      .addOption(
        program.createOption(
          '--repo <dir>',
          'root of the git repository (default: the current directory)',
        ),
      )
      .addOption(
        program
          .createOption('-d, --rel-notes-dir <dir>', 'release notes folder inside the repository')
          .default(NOTES_DEFAULTS.relNotesDir),
      );

  const query = <A extends unknown[], O extends OptionValues, G extends OptionValues>(
    cmd: Command<A, O, G>,
  ) =>
    where(cmd)
      .addOption(
        program.createOption(
          '--branch <name>',
          'the branch to scan (default: the current HEAD and working copy)',
        ),
      )
      .addOption(
        program
          .createOption(
            '--version <version>',
            'only this version (repeatable, printed in the order given)',
          )
          .argParser(collect),
      )
      .addOption(
        program.createOption(
          '--earliest-version <version>',
          'stop when this version is reached in the history',
        ),
      )
      .addOption(
        program.createOption(
          '--collapse-pre-releases',
          'fold pre-releases into their final release',
        ),
      )
      .addOption(program.createOption('--no-collapse-pre-releases', 'show pre-releases separately'))
      .addOption(
        program.createOption(
          '--stop-at-branch-base',
          'stop scanning where the branch meets the default branch',
        ),
      )
      .addOption(program.createOption('--no-stop-at-branch-base', 'scan the whole history'))
      .addOption(
        program.createOption(
          '--ignore-cache',
          'read all history from git, not from the commit cache in the store (reno.cache files are never read)',
        ),
      )
      // values of `--version` that the program-level option let through as operands
      .allowExcessArguments(true);

  query(notes.command('report'))
    .description('the release notes report (RST identical to `reno report`; --format md|html|json)')
    .addOption(
      program
        .createOption('--title <title>', 'main title of the report')
        .default(NOTES_DEFAULTS.title),
    )
    .addOption(
      program.createOption(
        '--no-show-source',
        'do not show the source file and commit of each note',
      ),
    )
    .addOption(
      program.createOption('-o, --output <file>', 'write the report to a file instead of stdout'),
    )
    .addOption(
      program
        .createOption('--format <format>', 'output format')
        .choices(['rst', 'md', 'html', 'json'])
        .default('rst'),
    )
    .action(
      wrap(async (ctx, _args, opts) => {
        await startScanEarly(ctx, opts);
        return runReport(ctx, opts, versionsAsked(program));
      }),
    );

  query(notes.command('list'))
    .description('the note files of each version, as `reno list` prints them')
    .action(
      wrap(async (ctx, _args, opts) => {
        await startScanEarly(ctx, opts);
        return runList(ctx, opts, versionsAsked(program));
      }),
    );

  where(notes.command('lint'))
    .description(
      'check the notes of the work tree as `reno lint` does (exit 1 when it finds something)',
    )
    .action(wrap(async (ctx, _args, opts) => runLint(ctx, opts)));

  where(notes.command('new'))
    .description('create a note file <slug>-<16 hex digits>.yaml from the template')
    .argument('<slug>', 'short descriptive name of the note')
    .addOption(program.createOption('--from-template <file>', 'use this file as the template'))
    .action(
      wrap(async (ctx, args, o) => {
        const [{ writeNewNote }, { repoArg }, { emit }] = await Promise.all([
          import('./apply-new.js'),
          import('./read-query.js'),
          import('../cli/output.js'),
        ]);
        const plan = writeNewNote(repoArg(ctx.io.cwd, o).dir, args[0] ?? '', {
          ...(o.relNotesDir !== undefined ? { relNotesDir: o.relNotesDir } : {}),
          ...(o.fromTemplate !== undefined
            ? { template: { file: join(ctx.cwd, o.fromTemplate), given: o.fromTemplate } }
            : {}),
        });
        emit(ctx, plan, (p) => `Created new notes file in ${p.path}`);
        return 0;
      }),
    );

  query(notes.command('check'))
    .description(
      'release checklist checks: prelude for the coming release, notes for every release, backports missing on master',
    )
    .action(
      wrap(async (ctx, _args, opts) => {
        await startScanEarly(ctx, opts, true);
        return runCheck(ctx, opts);
      }),
    );
}

/**
 * What the notes runners use of a run: its terminal and folder, `--json`
 * and the store (opened only when the history cache asks). A `Context`
 * is one; so is the plain-line runner of `cli/notes-direct.ts`.
 */
export type NotesRun = Pick<Context, 'io' | 'json' | 'store'>;

/** The query of a notes command (the store is opened only when the history cache asks). */
async function notesQuery(ctx: NotesRun, o: NotesOptions): Promise<NotesQuery> {
  return (await import('./read-query.js')).queryOf(ctx.io.cwd, () => ctx.store(), o);
}

function printWarnings(ctx: NotesRun, warnings: readonly string[]): void {
  for (const w of warnings) ctx.io.stderr(`${w}\n`);
}

export async function runReport(
  ctx: NotesRun,
  o: NotesOptions,
  versions: readonly string[],
): Promise<number> {
  const { scanRepository } = await import('./scanner/repository.js');
  const scanning = scanRepository(await notesQuery(ctx, o));
  // the report builder and the renderers load while the scan waits for git
  const [repo, { reportOf }, { renderReportAs }] = await Promise.all([
    scanning,
    import('./read.js'),
    import('./render.js'),
  ]);
  const report = await reportOf(repo, {
    title: o.title ?? NOTES_DEFAULTS.title,
    showSource: o.showSource !== false,
    cliBranch: o.branch ?? null,
    onlyVersions: versions.length ? versions : (o.version ?? []),
  });
  printWarnings(ctx, report.warnings);
  const format = ctx.json ? 'json' : (o.format ?? 'rst');
  const text = await renderReportAs(report, format);
  if (o.output) {
    // a path that cannot be written is one line naming it (exit 2)
    const { writeOutputFile } = await import('../core/files.js');
    writeOutputFile(resolve(ctx.io.cwd, o.output), text, '--output');
  } else {
    // like Python's print(): one newline after the text
    ctx.io.stdout(text + (format === 'rst' ? '\n' : ''));
  }
  return 0;
}

async function runList(
  ctx: Context,
  o: NotesOptions,
  versions: readonly string[],
): Promise<number> {
  const [{ scanRepository }, { listView }, { renderList }, { emit }] = await Promise.all([
    import('./read.js'),
    import('./plan.js'),
    import('./render.js'),
    import('../cli/output.js'),
  ]);
  const repo = await scanRepository(await notesQuery(ctx, o));
  printWarnings(ctx, repo.warnings);
  const view = listView(repo, versions.length ? versions : (o.version ?? []));
  if (ctx.json) emit(ctx, view, renderList);
  else ctx.io.stdout(renderList(view));
  return 0;
}

/** Exit 1 when there are findings, as `reno lint`; messages on stderr like reno's. */
async function runLint(ctx: Context, o: NotesOptions): Promise<number> {
  const [{ loadRenoConfig }, { lintNotes }, { scanRepository }, { repoArg }] = await Promise.all([
    import('../data/reno/config.js'),
    import('./read-lint.js'),
    import('./read.js'),
    import('./read-query.js'),
  ]);
  const { shown, dir } = repoArg(ctx.io.cwd, o);
  const { config, warnings: configWarnings } = loadRenoConfig(
    dir,
    o.relNotesDir ?? NOTES_DEFAULTS.relNotesDir,
  );
  // reno lint also runs a full scan and fails when the scan fails
  const scanned = await scanRepository(await notesQuery(ctx, o));
  const view = lintNotes(dir, shown, config);
  const scanWarnings = scanned.warnings.filter((w) => !configWarnings.includes(w));
  if (ctx.json)
    ctx.io.stdout(
      JSON.stringify(
        { ...view, warnings: [...configWarnings, ...scanWarnings, ...view.warnings] },
        null,
        2,
      ) + '\n',
    );
  else {
    printWarnings(ctx, [...configWarnings, ...scanWarnings]);
    // interleaved as reno prints them: loading warnings, then the finding
    printWarnings(ctx, [...view.warnings, ...view.findings]);
  }
  return view.findings.length > 0 ? 1 : 0;
}

/** Exit 1 when a check fails (findings). */
async function runCheck(ctx: Context, o: NotesOptions): Promise<number> {
  const [{ readNotesCheck }, { renderCheck }, { emit }] = await Promise.all([
    import('./read-check.js'),
    import('./render.js'),
    import('../cli/output.js'),
  ]);
  const { view, warnings } = await readNotesCheck(await notesQuery(ctx, o));
  printWarnings(ctx, warnings);
  emit(ctx, view, renderCheck);
  return view.checks.every((c) => c.ok) ? 0 : 1;
}

/** Starts the scan's first git processes before the scanner's modules load (scanner/early.ts). */
async function startScanEarly(
  ctx: Context,
  o: { repo?: string; relNotesDir?: string; branch?: string; ignoreCache?: true },
  wholeHistory = false,
): Promise<void> {
  (await import('./scanner/early.js')).startScanEarlyFor(ctx.io.cwd, o, { wholeHistory });
}

/**
 * reno's `--version V` clashes with the program's own `--version` flag,
 * which commander recognises anywhere on the line. Under `notes`, the
 * program flag is ignored and the values are read back from the raw
 * arguments (in order), so `notes report --version 1.0.0` works as in reno.
 */
function keepVersionOptionForNotes(program: Command): void {
  // commander's Command is an EventEmitter at run time; its typings do not say so
  const emitter = program as unknown as EventEmitter;
  const listeners = emitter.listeners('option:version') as ((...a: unknown[]) => void)[];
  emitter.removeAllListeners('option:version');
  emitter.on('option:version', (...a: unknown[]) => {
    if (notesArgs(program) !== null) return;
    for (const l of listeners) l.apply(program, a);
  });
}

/** Global options that take a value (their value is not the command name). */
const VALUED_GLOBALS = new Set([
  '--team',
  '--date',
  '--config',
  '--releases-repo',
  '--governance-repo',
  '--db',
]);

/** The arguments after `notes`, or null when the command line is not a notes command. */
function notesArgs(program: Command): string[] | null {
  const raw = (program as unknown as { rawArgs: readonly string[] }).rawArgs;
  for (let i = 0; i < raw.length; i++) {
    const a = raw[i] ?? '';
    if (VALUED_GLOBALS.has(a)) i++;
    else if (!a.startsWith('-')) return a === 'notes' ? raw.slice(i + 1) : null;
  }
  return null;
}

export function versionsAsked(program: Command): string[] {
  const args = notesArgs(program) ?? [];
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--version' && i + 1 < args.length) out.push(args[++i] ?? '');
    else if (a.startsWith('--version=')) out.push(a.slice(10));
  }
  return out;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
