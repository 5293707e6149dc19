import type { Child } from 'hono/jsx';
import type { Deps } from '../core/deps.js';
import type { IsoDate } from '../core/dates.js';

export const PAGE_IDS = [
  'overview',
  'schedule',
  'priorities',
  'releases',
  'stable',
  'notes',
  'gate',
  'queue',
  'bugs',
  'freeze',
  'goals',
  'checklist',
  'meeting',
  'openstack',
] as const;
export type PageId = (typeof PAGE_IDS)[number];

/** How a page links and whether it may offer writes; differs between the server and the static site. */
export interface RenderEnv {
  readonly mode: 'server' | 'static';
  readonly today: IsoDate;
  readonly team: string;
  /** Link to another page, keeping the shown date and team on the server. */
  href(page: PageId): string;
  /** Link to a file the dashboard serves (`schedule.ics`, `api/brief.json`). */
  resource(name: 'schedule.ics' | `api/${string}`): string;
  /** `webcal://` address of the calendar feed, when served over HTTP. */
  readonly subscribeUrl: string | null;
  /** Where a write form posts, keeping the shown date and team (server only). */
  formAction(path: string): string;
  /** The CSRF token for write forms; null when writes are off (read-only, static). */
  readonly csrf: string | null;
  /** Default name recorded with a write. */
  readonly who: string;
  /** A shared stylesheet to link instead of inline styles (the all-teams static site). */
  readonly stylesheet?: string;
  /** Link to a team's pages (the OpenStack page links every team); null when the site has none. */
  teamHref?(team: string): string | null;
  /** False for a page that belongs to no team (the all-teams site's front page): no team navigation. */
  readonly teamNav?: boolean;
}

/** How old the data behind a page is, shown under its title. */
export interface DataAge {
  /** Date or timestamp of the newest data, null when unknown. */
  readonly asOf: string | null;
  /** Where the data came from (human text). */
  readonly source: string;
  /** Set when a source is missing or old: shown as a notice. */
  readonly stale: readonly string[];
}

/**
 * One page's capability: `build` is the same builder the command calls
 * (so the page and `--json` can never disagree), `render` its web face.
 */
export interface Panel<V> {
  build(ctx: Deps): Promise<V> | V;
  render(view: V, env: RenderEnv): Child;
  age(view: V): DataAge;
  /** What the JSON twin returns; the view itself unless the command prints a part of it. */
  json?(view: V): unknown;
}

export interface PageDef {
  readonly id: PageId;
  readonly title: string;
  /** Path on the server. */
  readonly path: string;
  /** File name in the static site. */
  readonly file: string;
  /** JSON twin name (`/api/<name>`), the command's `--json`. */
  readonly api: string;
  /** The command whose view the page shows. */
  readonly command: string;
  /** What the page shows, also said while the capability is not built yet. */
  readonly summary: string;
  /**
   * The view depends only on the releases and governance data and the
   * config, which the server reads once: it is built once per date and
   * team. Pages reading the store (synced sources, ticks, open requests) are
   * rebuilt; test/web/sync-fresh.test.ts checks a static page never opens it.
   */
  readonly static?: boolean;
  /** The page's panel; undefined while its capability is not available yet. */
  readonly load: () => Promise<Panel<unknown> | undefined>;
}
