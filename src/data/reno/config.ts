import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { yamlLib } from '../yaml.js';
import { ConfigError } from '../../core/errors.js';
import { PyRegex } from './py-regex.js';

/**
 * reno's configuration: every option reno documents, with its default,
 * read from `<relnotesdir>/config.yaml` or else `reno.yaml` in the work
 * tree (never both, never from history), then overridden by the command
 * line options that were actually given.
 */

export interface RenoSection {
  readonly name: string;
  readonly title: string;
  /** 1 = section (`-`), 2 = subsection (`^`), 3 = subsubsection (`~`). */
  readonly level: 1 | 2 | 3;
}

export interface RenoConfig {
  readonly relnotesdir: string;
  readonly notesdir: string;
  readonly allowSubdirectories: boolean;
  readonly collapsePreReleases: boolean;
  readonly stopAtBranchBase: boolean;
  readonly branch: string | null;
  readonly defaultBranch: string;
  readonly earliestVersion: string | null;
  readonly template: string;
  readonly addReleaseDate: boolean;
  readonly releaseTagRe: string;
  readonly preReleaseTagRe: string;
  readonly branchNameRe: string;
  readonly closedBranchTagRe: string;
  readonly branchNamePrefix: string;
  readonly branchSortRe: string;
  readonly branchSortPrefix: string;
  readonly sections: readonly RenoSection[];
  readonly preludeSectionName: string;
  readonly ignoreNullMerges: boolean;
  readonly ignoreNotes: readonly string[];
  readonly unreleasedVersionTitle: string;
  readonly encoding: string | null;
  readonly semverMajor: readonly string[];
  readonly semverMinor: readonly string[];
  readonly semverPatch: readonly string[];
}

/** `<relnotesdir>/<notesdir>`, relative to the repository root. */
export function notesPath(config: RenoConfig): string {
  return `${config.relnotesdir.replace(/\/+$/, '')}/${config.notesdir.replace(/^\/+|\/+$/g, '')}`;
}

export const DEFAULT_SECTIONS: readonly RenoSection[] = [
  { name: 'features', title: 'New Features', level: 1 },
  { name: 'issues', title: 'Known Issues', level: 1 },
  { name: 'upgrade', title: 'Upgrade Notes', level: 1 },
  { name: 'deprecations', title: 'Deprecation Notes', level: 1 },
  { name: 'critical', title: 'Critical Issues', level: 1 },
  { name: 'security', title: 'Security Issues', level: 1 },
  { name: 'fixes', title: 'Bug Fixes', level: 1 },
  { name: 'other', title: 'Other Notes', level: 1 },
];

/** The default release tag pattern, verbose syntax with its comment, as reno ships it. */
export const DEFAULT_RELEASE_TAG_RE =
  '((?:v?[\\d.ab]|rc)+)  # digits, a, b, and rc cover regular and\n                   # pre-releases\n';
export const DEFAULT_PRE_RELEASE_TAG_RE = '(?P<pre_release>\\.v?\\d+(?:[ab]|rc)+\\d*)$\n';

/** Our own wording for a new note: one block per section, to keep or delete. */
export function defaultTemplate(
  preludeName: string,
  sections: readonly RenoSection[] = DEFAULT_SECTIONS,
): string {
  const lines = [
    '---',
    `${preludeName}: >`,
    '    Optional. A short paragraph shown above the lists of this release; keep',
    '    it only for a note that sets the theme of the release, otherwise delete',
    '    this key. It is read on its own, so do not refer to the items below.',
  ];
  for (const s of sections) {
    lines.push(
      `${s.name}:`,
      '  - |',
      `    One "${s.title}" entry, readable on its own; delete this key if the`,
      '    change has nothing to say here.',
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * What each kind of option takes from the config file: text; text or null
 * (`~` switches it off); a truth value as Python reads it; a list of
 * strings; reno's section list; a pattern (text that must compile).
 */
type OptionKind = 'text' | 'text-or-null' | 'boolean' | 'list' | 'sections' | 'pattern';

interface OptionSpec<V> {
  readonly kind: OptionKind;
  readonly default: V;
  /** False for an option of the command line only (the notes folder is where the file is). */
  readonly inFile?: false;
}

/**
 * reno's options, one row each: its kind and default. The config file
 * names an option in snake case (`allowSubdirectories` is
 * `allow_subdirectories`); every field of RenoConfig must have its row.
 */
const OPTIONS: { readonly [K in keyof RenoConfig]: OptionSpec<RenoConfig[K]> } = {
  relnotesdir: { kind: 'text', default: 'releasenotes', inFile: false },
  notesdir: { kind: 'text', default: 'notes' },
  allowSubdirectories: { kind: 'boolean', default: false },
  collapsePreReleases: { kind: 'boolean', default: true },
  stopAtBranchBase: { kind: 'boolean', default: true },
  branch: { kind: 'text-or-null', default: null },
  defaultBranch: { kind: 'text', default: 'master' },
  earliestVersion: { kind: 'text-or-null', default: null },
  template: { kind: 'text', default: defaultTemplate('prelude') },
  addReleaseDate: { kind: 'boolean', default: false },
  releaseTagRe: { kind: 'pattern', default: DEFAULT_RELEASE_TAG_RE },
  preReleaseTagRe: { kind: 'pattern', default: DEFAULT_PRE_RELEASE_TAG_RE },
  branchNameRe: { kind: 'pattern', default: 'stable/.+' },
  closedBranchTagRe: { kind: 'pattern', default: '(.+)-eo[lm]' },
  branchNamePrefix: { kind: 'text', default: 'stable/' },
  branchSortRe: { kind: 'pattern', default: 'stable/([0-9].*)' },
  branchSortPrefix: { kind: 'text', default: 'stable/zzz' },
  sections: { kind: 'sections', default: DEFAULT_SECTIONS },
  preludeSectionName: { kind: 'text', default: 'prelude' },
  ignoreNullMerges: { kind: 'boolean', default: true },
  ignoreNotes: { kind: 'list', default: [] },
  unreleasedVersionTitle: { kind: 'text', default: '' },
  encoding: { kind: 'text-or-null', default: null },
  semverMajor: { kind: 'list', default: ['upgrade'] },
  semverMinor: { kind: 'list', default: ['features'] },
  semverPatch: { kind: 'list', default: ['fixes'] },
};

const FIELDS = Object.keys(OPTIONS) as (keyof RenoConfig)[];

/** The option's name in reno's config file. */
const fileName = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const RENO_DEFAULTS: RenoConfig = Object.fromEntries(
  FIELDS.map((f) => [f, OPTIONS[f].default]),
) as unknown as RenoConfig;

/** Config file option name → our field. */
const BY_FILE_NAME: ReadonlyMap<string, keyof RenoConfig> = new Map(
  FIELDS.filter((f) => OPTIONS[f].inFile !== false).map((f) => [fileName(f), f]),
);

/** Options the command line can override (reno's query options). */
export interface RenoOverrides {
  readonly branch?: string;
  readonly earliestVersion?: string;
  readonly collapsePreReleases?: boolean;
  readonly stopAtBranchBase?: boolean;
}

export interface LoadedRenoConfig {
  readonly config: RenoConfig;
  /** The config file that was read, if any. */
  readonly file: string | null;
  readonly warnings: readonly string[];
}

/** Reads the config of the work tree at `repoDir` and applies CLI overrides. */
export function loadRenoConfig(
  repoDir: string,
  relnotesdir = 'releasenotes',
  overrides: RenoOverrides = {},
): LoadedRenoConfig {
  const candidates = [join(repoDir, relnotesdir, 'config.yaml'), join(repoDir, 'reno.yaml')];
  const file = candidates.find((f) => existsSync(f) && statSync(f).isFile()) ?? null;
  const warnings: string[] = [];
  let config: RenoConfig = { ...RENO_DEFAULTS, relnotesdir };
  if (file) {
    const text = readFileSync(file, 'utf8');
    const doc = yamlLib().parseDocument(text, {
      version: '1.1',
      uniqueKeys: false,
      prettyErrors: false,
    });
    const err = doc.errors[0];
    if (err)
      throw new ConfigError(
        `invalid YAML: ${err.message.split('\n')[0] ?? ''}`,
        file,
        undefined,
        err.linePos?.[0]?.line,
      );
    const raw: unknown = doc.toJS();
    if (raw !== null && raw !== undefined) {
      if (typeof raw !== 'object' || Array.isArray(raw))
        throw new ConfigError('expected a mapping of reno option names to values', file);
      config = applyOptions(config, raw as Record<string, unknown>, file, warnings);
    }
  }
  const given = Object.entries(overrides).filter(([, v]) => v !== undefined);
  config = { ...config, ...Object.fromEntries(given) };
  validateRegexes(config, file ?? '(defaults)');
  return { config, file, warnings };
}

/** Applies a parsed config mapping (pure; exported for tests). */
export function applyOptions(
  base: RenoConfig,
  raw: Record<string, unknown>,
  file: string,
  warnings: string[],
): RenoConfig {
  const out: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(raw)) {
    const field = BY_FILE_NAME.get(name);
    if (!field) {
      warnings.push(`${file}: ignoring unknown configuration value ${name}`);
      continue;
    }
    out[field] = optionValue(OPTIONS[field].kind, value, file, name);
  }
  // Renaming the prelude also renames it in the default template (as reno does).
  if (
    typeof raw.prelude_section_name === 'string' &&
    raw.template === undefined &&
    raw.prelude_section_name !== 'prelude'
  ) {
    out.template = defaultTemplate(raw.prelude_section_name);
  }
  return out as unknown as RenoConfig;
}

function optionValue(kind: OptionKind, value: unknown, file: string, name: string): unknown {
  switch (kind) {
    case 'sections':
      return parseSections(value, file);
    case 'boolean':
      return pythonTruthy(value);
    case 'list':
      if (!Array.isArray(value)) throw new ConfigError('expected a list', file, name);
      return value.map((v) => scalarText(v, file, name));
    case 'text-or-null':
      return value === null ? null : scalarText(value, file, name);
    case 'text':
    case 'pattern':
      return scalarText(value, file, name);
  }
}

function parseSections(value: unknown, file: string): RenoSection[] {
  if (!Array.isArray(value))
    throw new ConfigError(
      'expected a list of [name, title] or [name, title, level]',
      file,
      'sections',
    );
  return value.map((entry, i) => {
    if (!Array.isArray(entry) || (entry.length !== 2 && entry.length !== 3)) {
      throw new ConfigError('each entry must be a list with 2 or 3 values', file, `sections[${i}]`);
    }
    const level: unknown = entry.length === 3 ? entry[2] : 1;
    if (level !== 1 && level !== 2 && level !== 3)
      throw new ConfigError('the level must be an integer between 1 and 3', file, `sections[${i}]`);
    return {
      name: scalarText(entry[0], file, `sections[${i}]`),
      title: scalarText(entry[1], file, `sections[${i}]`),
      level,
    };
  });
}

function scalarText(value: unknown, file: string, field: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ConfigError(
    `expected a string, got ${value === null ? 'null' : typeof value}`,
    file,
    field,
  );
}

function pythonTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return Boolean(value);
}

function validateRegexes(config: RenoConfig, file: string): void {
  for (const field of FIELDS.filter((f) => OPTIONS[f].kind === 'pattern')) {
    try {
      new PyRegex(config[field] as string);
    } catch (e) {
      throw new ConfigError(
        `not a usable regular expression: ${(e as Error).message}`,
        file,
        fileName(field),
      );
    }
  }
  if (!/\(\?P<pre_release>/.test(config.preReleaseTagRe)) {
    throw new ConfigError(
      "the pattern must define a group named 'pre_release'",
      file,
      'pre_release_tag_re',
    );
  }
}
