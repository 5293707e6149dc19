import { join } from 'node:path';
import { makeOutputDir, writeOutputFile } from '../core/files.js';
import { jsonText } from '../core/text.js';
import type { Context } from '../cli/context.js';
import { PAGES } from './registry.js';
import { buildPage, jsonOfBuilt, renderBuilt } from './render.js';
import type { PageId, RenderEnv } from './panel.js';

export interface SiteResult {
  readonly dir: string;
  readonly files: readonly string[];
  /** Pages whose capability is missing or whose source failed (they carry a notice). */
  readonly notices: readonly { page: PageId; status: number }[];
}

/**
 * Writes every page, its JSON twin and the calendar feed into `dir` as a
 * static site with relative links: any web host (or a file:// browser)
 * serves it without this program. No forms: the site is read-only.
 */
export async function buildSite(ctx: Context, dir: string): Promise<SiteResult> {
  makeOutputDir(dir, 'site build');
  makeOutputDir(join(dir, 'api'), 'site build');
  let team: string;
  try {
    team = ctx.team.name;
  } catch {
    team = ctx.options.team ?? ctx.config.team;
  }
  const env: RenderEnv = {
    mode: 'static',
    today: ctx.today,
    team,
    href: (id) => PAGES.find((p) => p.id === id)?.file ?? 'index.html',
    resource: (name) => (name.startsWith('api/') ? `${name}.json` : name),
    formAction: () => '',
    subscribeUrl: null,
    csrf: null,
    who: '',
  };
  const files: string[] = [];
  const notices: { page: PageId; status: number }[] = [];
  const write = (name: string, text: string) => {
    writeOutputFile(join(dir, name), text, 'site build');
    files.push(name);
  };
  for (const page of PAGES) {
    // one build per page: the HTML and the JSON twin show the same view
    const built = await buildPage(page, ctx);
    const out = await renderBuilt(page, built, env);
    write(page.file, out.html);
    const json = jsonOfBuilt(built);
    write(`api/${page.api}.json`, jsonText(json.body) + '\n');
    if (out.status !== 200 || json.status !== 200)
      notices.push({ page: page.id, status: json.status });
  }
  try {
    const { buildSchedule } = await import('../schedule/read.js');
    const { scheduleToIcs } = await import('../schedule/render-ics.js');
    write('schedule.ics', scheduleToIcs(buildSchedule(ctx), ctx.today));
  } catch {
    // no schedule for the series: the Schedule page already says so
    write('schedule.ics', '');
  }
  return { dir, files, notices };
}
