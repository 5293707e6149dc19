import { untracked } from '../data/age/track.js';
import {
  buildNotesReport,
  type NotesPageView,
  type NotesReport,
  type ReportOptions,
  selectVersions,
} from './plan.js';
import { WORKING_COPY, type ScanResult, type VersionNotes } from './scanner/result.js';
import {
  loadNotes,
  type NotesQuery,
  openRepository,
  type ScannedRepository,
  scanOpened,
  scanRepository,
} from './scanner/repository.js';

import type { Deps } from '../core/deps.js';
import { SourceUnavailableError } from '../core/errors.js';
import { cloneDir } from '../git/clones.js';
import { checkPrelude, comingVersions, type NotesCheck } from './plan-check.js';

/**
 * The notes library for the rest of the tool (brief, checklists,
 * dashboard): pure questions over a scan, and one view-model builder that
 * the CLI and the dashboard share.
 */
export type { NotesReport, ReportVersion, ReportSection, ReportEntry } from './plan.js';
export type { ScanResult, VersionNotes } from './scanner/result.js';
export type { NotesQuery, ScannedRepository } from './scanner/repository.js';
export { scanRepository } from './scanner/repository.js';

export interface NextVersionNotes {
  /** The describe-style version of the head (`33.0.0.0b2-10`), or `*working-copy*` only. */
  readonly version: string;
  /** True when the head is exactly a release (nothing unreleased beyond the working copy). */
  readonly headIsTagged: boolean;
  /** Notes not in any release yet: the unreleased version's and the working copy's. */
  readonly notes: VersionNotes['notes'];
}

/** The release notes that the next tag will carry: those of the unreleased head and the working copy. */
export function notesForNextVersion(scan: ScanResult): NextVersionNotes {
  const headIsTagged = !scan.currentVersion.includes('-') || scan.currentVersion === '0.0.0';
  const pending = scan.versions.filter(
    (v) => v.version === WORKING_COPY || (!headIsTagged && v.version === scan.currentVersion),
  );
  return { version: scan.currentVersion, headIsTagged, notes: pending.flatMap((v) => v.notes) };
}

/** Versions of the scan that carry notes, newest first (reno's order). */
export function versionsWithNotes(scan: ScanResult): string[] {
  return scan.versions.map((v) => v.version);
}

/** Scans a repository and builds the report view model (what `liaison notes report --json` prints). */
export async function buildNotesPreview(
  query: NotesQuery,
  opts: ReportOptions = {},
): Promise<NotesReport> {
  const repo = await scanRepository(query);
  return reportOf(repo, opts);
}

/** The report view model of an already scanned repository. */
export async function reportOf(
  repo: ScannedRepository,
  opts: ReportOptions = {},
): Promise<NotesReport> {
  const versions = selectVersions(repo, opts.onlyVersions);
  const notes = await loadNotes(repo, versions);
  return buildNotesReport(repo, notes, opts);
}

/**
 * The release-notes prelude check of `liaison notes check` on the clone of
 * a team deliverable; null when there is no clone of it.
 */
export async function readPreludeCheck(ctx: Deps, deliverable: string): Promise<NotesCheck | null> {
  const dir = cloneDir(ctx, deliverable);
  if (!dir) return null;
  const opened = await openRepository({ repoDir: dir, relnotesdir: 'releasenotes' });
  const main = await scanOpened(opened, {});
  const tags = opened.facts.tags;
  const coming = comingVersions(main, tags);
  return checkPrelude(main, coming, await loadNotes(main, coming), tags);
}

/**
 * The dashboard's notes: the report of the team's first deliverable that
 * has a local clone (config `deliverables.<name>.clone` or `clones-dir`),
 * with the options `liaison notes report --repo CLONE` uses by default.
 */
export async function buildNotesPage(ctx: Deps): Promise<NotesPageView> {
  // the team's names only locate the clone: the notes are as old as the clone, not as that data
  const names = untracked(() => ctx.team.deliverables.map((d) => d.name));
  for (const name of names) {
    const clone = untracked(() => cloneDir(ctx, name));
    if (clone)
      return {
        deliverable: name,
        clone,
        report: await buildNotesPreview(
          { repoDir: clone, relnotesdir: 'releasenotes' },
          { title: 'Release Notes', showSource: true, cliBranch: null, onlyVersions: [] },
        ),
      };
  }
  throw new SourceUnavailableError(
    `no local clone of ${names.join(', ') || 'the team’s deliverables'}: set clones-dir or deliverables.<name>.clone in liaison.yaml`,
    'clones',
  );
}
