import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notesPath, type RenoConfig } from '../data/reno/config.js';
import { decodeNoteBytes, NoteParseError, parseNoteText, uidOf } from '../data/reno/note-file.js';

/**
 * `reno lint`, as a pure-ish check over the work tree: every `*.yaml`
 * directly in the notes folder is parsed; unknown section names and UID
 * collisions are findings. Messages match reno's (file names as
 * `<repo as given>/<notes path>/<file>`).
 */

export interface LintView {
  readonly notesDir: string;
  readonly filesChecked: number;
  /** Findings: each makes the exit status 1. */
  readonly findings: readonly string[];
  /** reno's loading warnings (also printed, not counted). */
  readonly warnings: readonly string[];
}

export function lintNotes(repoDir: string, shownRepo: string, config: RenoConfig): LintView {
  const dir = join(repoDir, notesPath(config));
  const shownDir = `${shownRepo.replace(/\/+$/, '') || '.'}/${notesPath(config)}`;
  const warnings: string[] = [];
  const findings: string[] = [];
  if (!existsSync(dir)) {
    return {
      notesDir: shownDir,
      filesChecked: 0,
      findings,
      warnings: [`${shownDir}: no release notes folder`],
    };
  }
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => e.name)
    .sort();
  const allowed = new Set([config.preludeSectionName, ...config.sections.map((s) => s.name)]);
  const uids = new Map<string, string[]>();
  for (const name of names) {
    const shown = `${shownDir}/${name}`;
    const uid = uidOf(name);
    uids.set(uid, [...(uids.get(uid) ?? []), shown]);
    try {
      const bytes = readFileSync(join(dir, name));
      const text = config.encoding
        ? new TextDecoder(config.encoding).decode(bytes)
        : decodeNoteBytes(bytes, shown);
      const parsed = parseNoteText(text, shown, config);
      warnings.push(...parsed.warnings);
      for (const key of parsed.content.keys()) {
        if (!allowed.has(key)) findings.push(`unrecognized section name ${key} in ${shown}`);
      }
    } catch (e) {
      if (e instanceof NoteParseError || e instanceof RangeError) findings.push(e.message);
      else throw e;
    }
  }
  for (const [, files] of [...uids].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (files.length > 1)
      findings.push(`UID collision: [${files.map((f) => `'${f}'`).join(', ')}]`);
  }
  return { notesDir: shownDir, filesChecked: names.length, findings, warnings };
}
