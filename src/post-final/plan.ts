import { compareDates, type IsoDate } from '../core/dates.js';
import type { Deps } from '../core/deps.js';
import { ConfigError } from '../core/errors.js';
import { unifiedDiff } from '../core/unified-diff.js';
import { seriesId, type Series } from '../data/releases/series.js';
import { mergeById, readBuiltin, required, type Sourced } from '../config/builtin.js';
import {
  postFinalSchema,
  type PostFinalConfig,
  type PostFinalTaskSpec,
} from '../config/schema-workflow.js';
import { fillTemplate, replaceConstant, taskValues, unimplementedSpecs } from './plan-edit.js';

/** Read access to a clone; the command passes one over the file system, tests may pass their own. */
export interface RepoReader {
  readonly dir: string;
  read(path: string): string | undefined;
  /** Files under a folder, relative to the repository root, recursively. */
  list(folder: string): string[];
}

export type FileChange =
  | {
      readonly kind: 'edit';
      readonly path: string;
      readonly before: string;
      readonly after: string;
    }
  | { readonly kind: 'move'; readonly path: string; readonly to: string };

export interface TaskPlan {
  readonly id: string;
  readonly kind: 'replace-constant' | 'move-specs';
  readonly title: string;
  readonly repo: string;
  /** `pending`: changes to make; `done`: already up to date; `unavailable`: no clone or file. */
  readonly status: 'pending' | 'done' | 'unavailable';
  readonly detail: string;
  readonly dir: string | null;
  readonly changes: readonly FileChange[];
  readonly diff: string;
  /** Commit subject; `--commit` adds Signed-off-by. */
  readonly message: string | null;
}

export interface PostFinalView {
  readonly team: string;
  readonly date: IsoDate;
  /** The series whose final release the tasks follow, and the one they prepare. */
  readonly released: { readonly name: string; readonly id: string } | null;
  /**
   * The series the tasks prepare. Beyond the data its id is computed
   * (`2027.1` → `2027.2`) and `name` is null: the name is chosen later.
   */
  readonly next: { readonly name: string | null; readonly id: string; readonly projected: boolean };
  readonly tasks: readonly TaskPlan[];
}

export interface PostFinalOptions {
  /** The released series (name or id); default: the last one released by --date. */
  readonly series?: string;
  readonly task?: string;
  /** Clone to use for the selected task (or the first one). */
  readonly repo?: string;
}

/** Built-in tasks of the team (none for teams without a data/post-final file), changed by the config. */
export function postFinalSpecs(
  team: string,
  config: PostFinalConfig | undefined,
  configFile: string,
): Sourced<PostFinalTaskSpec>[] {
  const builtin =
    (config?.builtin ?? true) ? readBuiltin('post-final', team, postFinalSchema) : undefined;
  return mergeById(
    builtin ? { items: builtin.value.tasks, file: builtin.file, field: 'tasks' } : undefined,
    { items: config?.tasks ?? [], file: configFile, field: 'post-final.tasks' },
    config?.remove ?? [],
  );
}

function fill(
  entry: Sourced<PostFinalTaskSpec>,
  key: 'value' | 'message' | 'from' | 'to' | 'implemented-dir',
  values: Record<string, string>,
): string {
  const r = fillTemplate(required(entry, key), values);
  if (!r.ok) throw new ConfigError(r.error, entry.file, `${entry.field}.${key}`);
  return r.text;
}

/**
 * What a task would change in the clone for the cycle `next` opens after
 * `released` (hibiscus → indri: CURRENT_RELEASE '2027_1').
 */
export function planTask(
  entry: Sourced<PostFinalTaskSpec>,
  released: Series | undefined,
  next: Series,
  repo: RepoReader | undefined,
): TaskPlan {
  const spec = entry.value;
  const kind = required(entry, 'kind');
  const values = taskValues(released, next);
  const base = {
    id: spec.id,
    kind,
    title: spec.title ?? spec.id,
    repo: required(entry, 'repo'),
    dir: repo?.dir ?? null,
  };
  const none = { changes: [], diff: '', message: null };
  const templates = [spec.value, spec.message, spec.from, spec.to, spec['implemented-dir']];
  if (!next.name && templates.some((t) => t?.includes('{next-name}'))) {
    return {
      ...base,
      ...none,
      status: 'unavailable',
      detail: `the series ${seriesId(next)} has no name in series_status.yaml yet, and this task needs {next-name}`,
    };
  }
  if (!repo) {
    return {
      ...base,
      ...none,
      status: 'unavailable',
      detail: `no clone of ${base.repo}: pass --repo DIR or set deliverables.${base.repo}.clone or clones-dir in liaison.yaml`,
    };
  }
  if (kind === 'replace-constant') {
    const file = required(entry, 'file');
    const constant = required(entry, 'constant');
    const value = fill(entry, 'value', values);
    const message = fill(entry, 'message', { ...values, value });
    const text = repo.read(file);
    if (text === undefined)
      return {
        ...base,
        ...none,
        status: 'unavailable',
        detail: `${file} not found in ${repo.dir}`,
      };
    const edit = replaceConstant(text, constant, value);
    if (edit.status === 'missing') {
      return {
        ...base,
        ...none,
        status: 'unavailable',
        detail: `${file}: no ${constant} = '...' line`,
      };
    }
    if (edit.status === 'same') {
      return {
        ...base,
        ...none,
        message,
        status: 'done',
        detail: `${constant} is already '${value}' (${file}:${edit.line})`,
      };
    }
    return {
      ...base,
      status: 'pending',
      detail: `${constant} is '${edit.current}', should be '${value}' for ${next.name || seriesId(next)} (${file}:${edit.line})`,
      changes: [{ kind: 'edit', path: file, before: text, after: edit.text }],
      diff: unifiedDiff(text, edit.text, file),
      message,
    };
  }
  const from = fill(entry, 'from', values);
  const to = fill(entry, 'to', values);
  const implementedDir = spec['implemented-dir']
    ? fill(entry, 'implemented-dir', values)
    : undefined;
  const message = fill(entry, 'message', values);
  const approved = repo.list(from);
  const moves = unimplementedSpecs(approved, implementedDir ? repo.list(implementedDir) : []).map(
    (path): FileChange => ({ kind: 'move', path, to: to + path.slice(from.length) }),
  );
  if (moves.length === 0) {
    return {
      ...base,
      ...none,
      message,
      status: 'done',
      detail: `no unimplemented specs left in ${from}`,
    };
  }
  return {
    ...base,
    status: 'pending',
    detail: `${moves.length} unimplemented spec${moves.length === 1 ? '' : 's'} in ${from} to move to ${to}`,
    changes: moves,
    diff: moves.map((m) => (m.kind === 'move' ? `rename ${m.path} => ${m.to}\n` : '')).join(''),
    message,
  };
}

/** The newest series released on or before `date`. */
export function lastReleased(series: readonly Series[], date: IsoDate): Series | undefined {
  return series.find(
    (s) => s.initialRelease !== undefined && compareDates(s.initialRelease, date) <= 0,
  );
}

/** What `liaison post-final` did: the plan, and with --write/--commit what was applied. */
export interface PostFinalRun extends PostFinalView {
  readonly mode: 'dry-run' | 'write' | 'commit';
  readonly applied: readonly ApplyResult[];
}

export interface ApplyResult {
  readonly id: string;
  readonly written: readonly string[];
  readonly commit: string | null;
}

declare module '../core/deps.js' {
  interface Views {
    /** One post-final task's plan for the cycle `newSeries` opens (the checklist's post-final-task check). */
    postFinalTask(ctx: Deps, taskId: string, newSeries: Series): Promise<TaskPlan | undefined>;
  }
}
