import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { yaml } from './note-file.js';
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

export const RENO_DEFAULTS: RenoConfig = {
  relnotesdir: 'releasenotes',
  notesdir: 'notes',
  allowSubdirectories: false,
  collapsePreReleases: true,
  stopAtBranchBase: true,
  branch: null,
  defaultBranch: 'master',
  earliestVersion: null,
  template: defaultTemplate('prelude'),
  addReleaseDate: false,
  releaseTagRe: DEFAULT_RELEASE_TAG_RE,
  preReleaseTagRe: DEFAULT_PRE_RELEASE_TAG_RE,
  branchNameRe: 'stable/.+',
  closedBranchTagRe: '(.+)-eo[lm]',
  branchNamePrefix: 'stable/',
  branchSortRe: 'stable/([0-9].*)',
  branchSortPrefix: 'stable/zzz',
  sections: DEFAULT_SECTIONS,
  preludeSectionName: 'prelude',
  ignoreNullMerges: true,
  ignoreNotes: [],
  unreleasedVersionTitle: '',
  encoding: null,
  semverMajor: ['upgrade'],
  semverMinor: ['features'],
  semverPatch: ['fixes'],
};

/** Config file option name → our field. */
const OPTION_FIELDS: Readonly<Record<string, keyof RenoConfig>> = {
  notesdir: 'notesdir',
  allow_subdirectories: 'allowSubdirectories',
  collapse_pre_releases: 'collapsePreReleases',
  stop_at_branch_base: 'stopAtBranchBase',
  branch: 'branch',
  default_branch: 'defaultBranch',
  earliest_version: 'earliestVersion',
  template: 'template',
  add_release_date: 'addReleaseDate',
  release_tag_re: 'releaseTagRe',
  pre_release_tag_re: 'preReleaseTagRe',
  branch_name_re: 'branchNameRe',
  closed_branch_tag_re: 'closedBranchTagRe',
  branch_name_prefix: 'branchNamePrefix',
  branch_sort_re: 'branchSortRe',
  branch_sort_prefix: 'branchSortPrefix',
  sections: 'sections',
  prelude_section_name: 'preludeSectionName',
  ignore_null_merges: 'ignoreNullMerges',
  ignore_notes: 'ignoreNotes',
  unreleased_version_title: 'unreleasedVersionTitle',
  encoding: 'encoding',
  semver_major: 'semverMajor',
  semver_minor: 'semverMinor',
  semver_patch: 'semverPatch',
};

const BOOLEAN_FIELDS = new Set<keyof RenoConfig>([
  'allowSubdirectories',
  'collapsePreReleases',
  'stopAtBranchBase',
  'addReleaseDate',
  'ignoreNullMerges',
]);
const LIST_FIELDS = new Set<keyof RenoConfig>([
  'ignoreNotes',
  'semverMajor',
  'semverMinor',
  'semverPatch',
]);
const NULLABLE_FIELDS = new Set<keyof RenoConfig>(['branch', 'earliestVersion', 'encoding']);

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
    const doc = yaml().parseDocument(text, {
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
  config = {
    ...config,
    ...(overrides.branch !== undefined ? { branch: overrides.branch } : {}),
    ...(overrides.earliestVersion !== undefined
      ? { earliestVersion: overrides.earliestVersion }
      : {}),
    ...(overrides.collapsePreReleases !== undefined
      ? { collapsePreReleases: overrides.collapsePreReleases }
      : {}),
    ...(overrides.stopAtBranchBase !== undefined
      ? { stopAtBranchBase: overrides.stopAtBranchBase }
      : {}),
  };
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
    const field = OPTION_FIELDS[name];
    if (!field) {
      warnings.push(`${file}: ignoring unknown configuration value ${name}`);
      continue;
    }
    if (field === 'sections') out.sections = parseSections(value, file);
    else if (BOOLEAN_FIELDS.has(field)) out[field] = pythonTruthy(value);
    else if (LIST_FIELDS.has(field)) {
      if (!Array.isArray(value)) throw new ConfigError('expected a list', file, name);
      out[field] = value.map((v) => scalarText(v, file, name));
    } else if (value === null && NULLABLE_FIELDS.has(field)) out[field] = null;
    else out[field] = scalarText(value, file, name);
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
  const fields: [string, string][] = [
    ['release_tag_re', config.releaseTagRe],
    ['pre_release_tag_re', config.preReleaseTagRe],
    ['branch_name_re', config.branchNameRe],
    ['closed_branch_tag_re', config.closedBranchTagRe],
    ['branch_sort_re', config.branchSortRe],
  ];
  for (const [name, source] of fields) {
    try {
      new PyRegex(source);
    } catch (e) {
      throw new ConfigError(`not a usable regular expression: ${(e as Error).message}`, file, name);
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
