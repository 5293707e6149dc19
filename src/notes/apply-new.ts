import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RefusedError, UsageError } from '../core/errors.js';
import { loadRenoConfig, notesPath, type RenoConfig } from '../data/reno/config.js';

/**
 * `reno new SLUG`: `<slug>-<16 hex digits>.yaml` in the notes folder,
 * from the template. The id comes from the system's cryptographic random
 * source (never the clock). Refuses a slug that already has a note.
 */

export interface NewNotePlan {
  readonly slug: string;
  /** Path relative to the repository root. */
  readonly path: string;
  readonly content: string;
}

/** 16 lower-case hex digits from 8 random bytes. */
export function newUid(random: (n: number) => Buffer = randomBytes): string {
  return random(8).toString('hex');
}

/** Pure plan: the file name and content, or a refusal. `existing` = names already in the notes folder. */
export function planNewNote(
  slugArg: string,
  config: RenoConfig,
  existing: readonly string[],
  template: string,
  uid: string,
): NewNotePlan {
  const slug = slugArg.trim().replaceAll(' ', '-');
  if (slug === '') throw new UsageError('notes new: the slug must not be empty');
  if (!config.allowSubdirectories && slug.includes('/'))
    throw new UsageError(
      `notes new ${slug}: the slug must not contain a path separator (/) unless allow_subdirectories is set`,
    );
  const base = slug.slice(slug.lastIndexOf('/') + 1);
  const sameSlug = new RegExp(`^${escapeRe(base)}-[0-9a-f]{16}\\.yaml$`);
  const clash = existing.find((n) => sameSlug.test(n));
  if (clash)
    throw new RefusedError(
      `notes new ${slug}: a note with this slug already exists (${clash}); edit it or pick another slug`,
    );
  return { slug, path: `${notesPath(config)}/${slug}-${uid}.yaml`, content: template };
}

/**
 * Writes the new note into the repository at `dir` (never over a file:
 * `wx`). `template` (the file, and the path as the user gave it) replaces
 * the config's template when given.
 */
export function writeNewNote(
  dir: string,
  slug: string,
  opts: { relNotesDir?: string; template?: { readonly file: string; readonly given: string } },
): NewNotePlan {
  const { config } = loadRenoConfig(dir, opts.relNotesDir ?? 'releasenotes');
  let template = config.template;
  if (opts.template) {
    if (!existsSync(opts.template.file))
      throw new UsageError(`--from-template ${opts.template.given}: no such file`);
    template = readFileSync(opts.template.file, 'utf8');
  }
  const slugDir = dirname(join(dir, notesPath(config), slug.trim().replaceAll(' ', '-')));
  const existing = existsSync(slugDir) ? readdirSync(slugDir) : [];
  let plan = planNewNote(slug, config, existing, template, newUid());
  for (let i = 0; existsSync(join(dir, plan.path)) && i < 50; i++)
    plan = planNewNote(slug, config, existing, template, newUid());
  mkdirSync(dirname(join(dir, plan.path)), { recursive: true });
  writeFileSync(join(dir, plan.path), plan.content, { flag: 'wx' });
  return plan;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
