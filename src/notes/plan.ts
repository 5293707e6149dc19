import type { Deps } from '../core/deps.js';
import type { NotesCheck } from './plan-check.js';
import type { RenoConfig } from '../data/reno/config.js';
import { pySplitLines, pyTitle, type ParsedNote } from '../data/reno/note-file.js';
import type { ScannedRepository, LoadedNote } from './scanner/repository.js';
import type { NoteSource } from './scanner/tracker.js';
import { UsageError } from '../core/errors.js';

/**
 * The release-notes report as a view model: versions, their prelude and
 * sections with items, and every anchor reno would print. The RST,
 * Markdown, HTML and JSON faces all render this one model.
 */

export interface ReportEntry {
  readonly path: string;
  /** The commit the text was read from; null for the working copy. */
  readonly commit: string | null;
  /** The text as written in the note (for a section: one list item). */
  readonly text: string;
}

export interface ReportSection {
  readonly name: string;
  readonly title: string;
  readonly level: 1 | 2 | 3;
  readonly anchor: string;
  readonly entries: readonly ReportEntry[];
}

export interface ReportVersion {
  readonly version: string;
  /** The heading: the version, or `unreleased_version_title` for versions with a `-`. */
  readonly title: string;
  readonly anchor: string;
  readonly unreleased: boolean;
  /** YYYY-MM-DD, `Unknown`, or null when `add_release_date` is off. */
  readonly releaseDate: string | null;
  readonly prelude: ReportSection | null;
  readonly sections: readonly ReportSection[];
  readonly notes: readonly NoteSource[];
}

export interface NotesReport {
  readonly title: string;
  /** The branch as given on the command line (used in anchors). */
  readonly branch: string | null;
  readonly showSource: boolean;
  readonly repo: {
    readonly dir: string;
    readonly head: string;
    readonly currentVersion: string;
    readonly scanStopTag: string | null;
    readonly earliestVersion: string | null;
    readonly commitsVisited: number;
    readonly configFile: string | null;
  };
  readonly versions: readonly ReportVersion[];
  readonly warnings: readonly string[];
}

export interface ReportOptions {
  readonly title?: string;
  readonly showSource?: boolean;
  /** `--branch` exactly as typed (anchors use it); null when not given. */
  readonly cliBranch?: string | null;
  /** `--version`: only these, in this order. */
  readonly onlyVersions?: readonly string[];
}

/** The versions to show: all of the scan's, or exactly those asked for. */
export function selectVersions(repo: ScannedRepository, only: readonly string[] = []): string[] {
  const known = repo.scan.versions.map((v) => v.version);
  if (only.length === 0) return known;
  for (const v of only) {
    if (!known.includes(v))
      throw new UsageError(
        `--version ${v}: no such version with notes (known: ${known.join(', ') || 'none'})`,
      );
  }
  return [...only];
}

/** The view of `liaison notes list`: each version's note files and the commits that added them. */
export interface NotesListView {
  readonly versions: readonly {
    version: string;
    notes: readonly { path: string; commit: string | null }[];
  }[];
}

export function listView(repo: ScannedRepository, only: readonly string[] = []): NotesListView {
  const byName = new Map(repo.scan.versions.map((v) => [v.version, v.notes]));
  return {
    versions: selectVersions(repo, only).map((version) => ({
      version,
      notes: (byName.get(version) ?? []).map((n) => ({ path: n.path, commit: n.commit })),
    })),
  };
}

export function buildNotesReport(
  repo: ScannedRepository,
  notes: ReadonlyMap<string, LoadedNote>,
  opts: ReportOptions = {},
): NotesReport {
  const config = repo.config;
  const title = opts.title ?? 'Release Notes';
  const branch = opts.cliBranch ?? null;
  const warnings = [...repo.warnings];
  const versionNames = selectVersions(repo, opts.onlyVersions);
  const byName = new Map(repo.scan.versions.map((v) => [v.version, v]));
  const usable = new Map<string, ParsedNote>();
  for (const v of versionNames) {
    for (const n of byName.get(v)?.notes ?? []) {
      const loaded = notes.get(n.path);
      if (loaded?.parsed) {
        usable.set(n.path, loaded.parsed);
        warnings.push(...loaded.parsed.warnings);
      } else if (loaded?.error) warnings.push(`${loaded.error}; left out of the report`);
    }
  }
  const versions = versionNames.map((version) =>
    buildVersion(
      version,
      byName.get(version)?.notes ?? [],
      usable,
      config,
      repo.scan.tagDates,
      title,
      branch,
      warnings,
    ),
  );
  return {
    title,
    branch,
    showSource: opts.showSource ?? true,
    repo: {
      dir: repo.repoDir,
      head: repo.scan.head,
      currentVersion: repo.scan.currentVersion,
      scanStopTag: repo.scan.scanStopTag,
      earliestVersion: repo.scan.earliestVersion,
      commitsVisited: repo.scan.commitsVisited,
      configFile: repo.configFile,
    },
    versions,
    warnings: [...new Set(warnings)],
  };
}

function anchorBase(versionTitle: string, title: string, branch: string | null): string {
  return `.. _${title || 'relnotes'}_${versionTitle}${branch ? '_' + branch.replaceAll('/', '_') : ''}`;
}

function buildVersion(
  version: string,
  sources: readonly NoteSource[],
  contents: ReadonlyMap<string, ParsedNote>,
  config: RenoConfig,
  tagDates: ReadonlyMap<string, number>,
  title: string,
  branch: string | null,
  warnings: string[],
): ReportVersion {
  const unreleased = version.includes('-');
  const versionTitle = unreleased ? config.unreleasedVersionTitle || version : version;
  const base = anchorBase(versionTitle, title, branch);
  const withContent = sources.filter((s) => contents.has(s.path));
  const preludeName = config.preludeSectionName;
  const preludeEntries: ReportEntry[] = [];
  for (const s of withContent) {
    const content = contents.get(s.path)?.content;
    if (!content?.has(preludeName)) continue;
    const value = content.get(preludeName);
    if (typeof value === 'string')
      preludeEntries.push({ path: s.path, commit: s.commit, text: value });
    else
      warnings.push(`${s.path}: the ${preludeName} value is not a string; left out of the report`);
  }
  const preludeTitle = pyTitle(preludeName.replaceAll('_', ' '));
  const prelude =
    preludeEntries.length > 0
      ? {
          name: preludeName,
          title: preludeTitle,
          level: 1 as const,
          anchor: `${base}_${preludeTitle}:`,
          entries: preludeEntries,
        }
      : null;
  const sections: ReportSection[] = [];
  for (const section of config.sections) {
    const entries: ReportEntry[] = [];
    for (const s of withContent) {
      for (const item of sectionItems(
        contents.get(s.path)?.content.get(section.name),
        s.path,
        section.name,
        warnings,
      )) {
        entries.push({ path: s.path, commit: s.commit, text: item });
      }
    }
    if (entries.length > 0)
      sections.push({
        name: section.name,
        title: section.title,
        level: section.level,
        anchor: `${base}_${section.title}:`,
        entries,
      });
  }
  let releaseDate: string | null = null;
  if (config.addReleaseDate) {
    const ts = tagDates.get(version);
    releaseDate = ts === undefined ? 'Unknown' : localIsoDate(ts);
  }
  return {
    version,
    title: versionTitle,
    anchor: `${base}:`,
    unreleased,
    releaseDate,
    prelude,
    sections,
    notes: sources,
  };
}

/**
 * The items reno would print for a section value: a list's strings, a
 * mapping's keys; empty values give nothing. Values reno would crash on
 * (numbers, non-string or empty items) are left out with a warning.
 */
function sectionItems(value: unknown, path: string, section: string, warnings: string[]): string[] {
  if (value === undefined || value === null || value === false || value === 0 || value === '')
    return [];
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (typeof value === 'object' && !(value instanceof Date)) items = Object.keys(value);
  else {
    warnings.push(
      `${path}: the ${section} section is not a list of strings; left out of the report`,
    );
    return [];
  }
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string' && item !== '') out.push(item);
    else
      warnings.push(
        `${path}: an item of the ${section} section is ${item === '' ? 'empty' : 'not a string'}; left out of the report`,
      );
  }
  return out;
}

/** A Unix time as the machine's local YYYY-MM-DD (what reno prints). */
function localIsoDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The lines of a list item as reno indents them (Python splitlines). */
export function itemLines(text: string): string[] {
  return pySplitLines(text);
}

/** The dashboard's notes page: the report of the team's first deliverable with a clone. */
export interface NotesPageView {
  readonly deliverable: string;
  readonly clone: string;
  /** What `liaison notes report --repo CLONE --json` prints. */
  readonly report: NotesReport;
}

declare module '../core/deps.js' {
  interface Views {
    /** The prelude check of `liaison notes check` on a deliverable's clone; null without a clone. */
    notesPrelude(ctx: Deps, deliverable: string): Promise<NotesCheck | null>;
  }
}
