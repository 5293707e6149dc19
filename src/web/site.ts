import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeOutputDir, outputError, writeOutputFile } from '../core/files.js';
import { LiaisonError } from '../core/errors.js';
import { jsonText } from '../core/text.js';
import type { Context } from '../cli/context.js';
import { PAGES, pageById } from './registry.js';
import { buildPage, jsonOfBuilt, renderBuilt } from './render.js';
import type { PageId, RenderEnv } from './panel.js';

export interface SiteResult {
  readonly dir: string;
  readonly files: readonly string[];
  /** Pages whose capability is missing or whose source failed (they carry a notice). */
  readonly notices: readonly { page: PageId; status: number; team?: string }[];
  /** With --all-teams: each team's folder. */
  readonly teams?: readonly { readonly name: string; readonly folder: string }[];
}

export interface SiteOptions {
  /** The OpenStack page at the top and every team's pages in a folder of its own. */
  readonly allTeams?: boolean;
}

/** Where a page writes its files, and the environment its links are made in. */
interface Target {
  readonly dir: string;
  /** Prefix of written file names in the result (the team's folder). */
  readonly prefix: string;
  readonly env: RenderEnv;
  /** Files being written; awaited before the site is reported done. */
  readonly writes: Promise<void>[];
}

/**
 * Writes every page, its JSON twin and the calendar feed into `dir` as a
 * static site with relative links: any web host (or a file:// browser)
 * serves it without this program. No forms: the site is read-only.
 * With `allTeams`, one periodic job publishes the whole of OpenStack: the
 * OpenStack page at the top, one folder per team, one shared asset folder.
 */
export async function buildSite(
  ctx: Context,
  dir: string,
  opts: SiteOptions = {},
): Promise<SiteResult> {
  makeOutputDir(dir, 'site build');
  if (opts.allTeams) return buildAllTeams(ctx, dir);
  const files: string[] = [];
  const notices: { page: PageId; status: number }[] = [];
  const target: Target = { dir, prefix: '', env: staticEnv(ctx, teamName(ctx)), writes: [] };
  await writeTeam(ctx, target, files, notices);
  await Promise.all(target.writes);
  return { dir, files, notices };
}

function teamName(ctx: Context): string {
  try {
    return ctx.team.name;
  } catch {
    return ctx.options.team ?? ctx.config.team;
  }
}

function staticEnv(ctx: Context, team: string, shared?: { css: string; home: string }): RenderEnv {
  return {
    mode: 'static',
    today: ctx.today,
    team,
    href: (id) =>
      shared && id === 'openstack'
        ? shared.home
        : (PAGES.find((p) => p.id === id)?.file ?? 'index.html'),
    resource: (name) => (name.startsWith('api/') ? `${name}.json` : name),
    formAction: () => '',
    subscribeUrl: null,
    csrf: null,
    who: '',
    ...(shared ? { stylesheet: shared.css } : {}),
  };
}

/** One team's pages, JSON twins and calendar into `target.dir`. */
async function writeTeam(
  ctx: Context,
  target: Target,
  files: string[],
  notices: { page: PageId; status: number; team?: string }[],
): Promise<void> {
  makeOutputDir(join(target.dir, 'api'), 'site build');
  // written in the background while the next page is built (the disk and the CPU overlap)
  const write = (name: string, text: string) => {
    const path = join(target.dir, name);
    target.writes.push(
      writeFile(path, text).catch((e: unknown) => {
        throw outputError('site build', path, e);
      }),
    );
    files.push(target.prefix + name);
  };
  for (const page of PAGES) {
    // in the all-teams site the OpenStack page is the site's front page, built once
    if (page.id === 'openstack' && target.prefix) continue;
    // one build per page: the HTML and the JSON twin show the same view
    const built = await buildPage(page, ctx);
    const out = await renderBuilt(page, built, target.env);
    write(page.file, out.html);
    const json = jsonOfBuilt(built);
    write(`api/${page.api}.json`, jsonText(json.body) + '\n');
    if (out.status !== 200 || json.status !== 200)
      notices.push({
        page: page.id,
        status: json.status,
        ...(target.prefix ? { team: target.env.team } : {}),
      });
  }
  try {
    const { buildSchedule } = await import('../schedule/read.js');
    const { scheduleToIcs } = await import('../schedule/render-ics.js');
    write('schedule.ics', scheduleToIcs(buildSchedule(ctx), ctx.today));
  } catch {
    // no schedule for the series: the Schedule page already says so
    write('schedule.ics', '');
  }
}

/** A team's folder name: lower case letters, digits and dashes, unique in the site. */
export function teamFolder(name: string, taken: Set<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'team';
  let folder = base;
  for (let i = 2; taken.has(folder); i++) folder = `${base}-${i}`;
  taken.add(folder);
  return folder;
}

async function buildAllTeams(ctx: Context, dir: string): Promise<SiteResult> {
  const [{ TeamContexts }, { buildOpenStack }, { STYLES }, { trackView, recordWarnings }] =
    await Promise.all([
      import('./team-context.js'),
      import('../openstack/command.js'),
      import('./styles.js'),
      import('../data/age/track.js'),
    ]);
  const files: string[] = [];
  const notices: { page: PageId; status: number; team?: string }[] = [];
  makeOutputDir(join(dir, 'api'), 'site build');
  makeOutputDir(join(dir, 'assets'), 'site build');
  writeOutputFile(join(dir, 'assets', 'style.css'), STYLES, 'site build');
  files.push('assets/style.css');
  const contexts = new TeamContexts(ctx);
  const taken = new Set(['assets', 'api']);
  const teams: { name: string; folder: string }[] = [];
  const writes: Promise<void>[] = [];
  try {
    // built once, with the record of the data it read (the page's banner, the JSON's dataWarnings)
    const { result: view, record } = await trackView(() =>
      buildOpenStack(ctx, { state: null, kind: null, team: null }, contexts),
    );
    const folderOf = new Map<string, string>();
    for (const t of view.teams) {
      let teamCtx: Context;
      try {
        teamCtx = contexts.forTeam(t.name);
      } catch (e) {
        // a team the tool cannot run for (its name, its config): on the front page, without pages
        if (e instanceof LiaisonError) continue;
        throw e;
      }
      const folder = teamFolder(t.name, taken);
      folderOf.set(t.name, folder);
      const env = staticEnv(teamCtx, t.name, { css: '../assets/style.css', home: '../index.html' });
      await writeTeam(
        teamCtx,
        { dir: join(dir, folder), prefix: `${folder}/`, env, writes },
        files,
        notices,
      );
      teams.push({ name: t.name, folder });
    }
    const page = pageById('openstack');
    const panel = await page.load();
    if (!panel) throw new Error('the OpenStack page has no panel');
    const env: RenderEnv = {
      ...staticEnv(ctx, 'OpenStack', { css: 'assets/style.css', home: 'index.html' }),
      teamNav: false,
      teamHref: (name) => {
        const folder = folderOf.get(name);
        return folder ? `${folder}/index.html` : null;
      },
    };
    const built = {
      ok: true as const,
      panel,
      view: view as unknown,
      record,
      dataWarnings: recordWarnings(record, ctx.today),
    };
    writeOutputFile(
      join(dir, 'index.html'),
      (await renderBuilt(page, built, env)).html,
      'site build',
    );
    writeOutputFile(
      join(dir, 'api', 'openstack.json'),
      jsonText(jsonOfBuilt(built).body) + '\n',
      'site build',
    );
    files.push('index.html', 'api/openstack.json');
  } finally {
    contexts.close();
    await Promise.allSettled(writes);
  }
  await Promise.all(writes);
  return { dir, files, notices, teams };
}
