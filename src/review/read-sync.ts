import type { Deps } from '../core/deps.js';
import { releasedDeliverables } from '../data/governance/projects.js';
import { HttpStatusError } from '../sources/http/errors.js';
import type { HttpClient } from '../sources/http/client.js';
import { gerritPages } from '../sources/http/paging.js';
import type { SourceSyncResult, SyncSource } from '../sources/registry.js';
import { changeId, gerritUrl, revisionId } from '../sources/gerrit/ids.js';
import { decodeFileContent, parseFileList, parseReleaseChange } from './read-gerrit.js';
import type { FileContent, StoredRequest } from './plan.js';
import {
  deliverableOfPath,
  RELEASES_PROJECT,
  REVIEW_QUERY_OPTIONS,
  reviewQuery,
} from './plan-query.js';
import {
  knownRevisions,
  loadContents,
  loadReviewSnapshot,
  contentKey,
  saveReviewSnapshot,
  type ContentRow,
} from './store.js';

export const REVIEW_SOURCE = 'review';

/**
 * Open openstack/releases changes touching the team's deliverable files,
 * with each deliverable file's content at the change's current revision
 * and at its parent (`?parent=1`). Incremental: the query is asked
 * conditionally (nothing changed → one 304), and the files of a revision
 * already stored are never fetched again (a revision's content is fixed).
 */
export const reviewSource: SyncSource = {
  name: REVIEW_SOURCE,
  title: 'Gerrit release requests (openstack/releases)',
  async sync(ctx, deps): Promise<SourceSyncResult> {
    const names = teamDeliverableNames(ctx);
    if (names.length === 0)
      return { items: 0, notModified: false, summary: 'the team has no released deliverables' };
    const base = deps.endpoints.gerrit.replace(/\/+$/, '');
    const query = reviewQuery(names);
    const first = `${base}/changes/?${new URLSearchParams([['q', query], ...REVIEW_QUERY_OPTIONS.map((o): [string, string] => ['o', o])]).toString()}`;
    const requests: StoredRequest[] = [];
    const seen = new Set<number>();
    for await (const page of gerritPages<object>(deps.http, first, { n: 100, maxPages: 20 })) {
      if (page.index === 0 && page.response.notModified)
        return { items: 0, notModified: true, summary: 'nothing new' };
      page.items.forEach((raw, i) => {
        const r = parseReleaseChange(raw, `releases changes[${page.index * 100 + i}]`);
        // pages can shift while we read (sorted by update time): keep the first copy
        if (!seen.has(r.number)) {
          seen.add(r.number);
          requests.push(r);
        }
      });
    }
    const known = knownRevisions(deps.db);
    const storedFiles = new Map(
      (loadReviewSnapshot(deps.db)?.requests ?? []).map((r) => [r.revision, r.files]),
    );
    const stored = loadContents(deps.db);
    const contents: ContentRow[] = [];
    const withFiles: StoredRequest[] = [];
    for (const r of requests) {
      deps.progress(`review: change ${r.number}`);
      // a revision's files never change: ask only for revisions not seen before
      const files = storedFiles.get(r.revision) ?? (await fetchFiles(deps.http, base, r));
      withFiles.push({ ...r, files });
      for (const f of files) {
        if (!deliverableOfPath(f.path)) continue;
        for (const side of ['new', 'old'] as const) {
          const absent =
            (side === 'new' && f.status === 'D') ||
            (side === 'old' && (f.status === 'A' || f.status === 'C'));
          const path = side === 'old' && f.oldPath ? f.oldPath : f.path;
          const again = known.has(r.revision)
            ? stored.get(contentKey(r.revision, path, side))
            : undefined;
          const content: FileContent = absent
            ? { text: null }
            : (again ?? (await fetchContent(deps.http, base, r, path, side)));
          contents.push({ revision: r.revision, path, side, content });
        }
      }
    }
    const fresh = withFiles.filter((r) => !known.has(r.revision)).length;
    const detail = `${withFiles.length} open request${withFiles.length === 1 ? '' : 's'}, ${fresh} new or updated`;
    deps.commit(() => {
      saveReviewSnapshot(deps.db, query, deps.now().toISOString(), withFiles, contents);
    }, detail);
    return { items: withFiles.length, notModified: false, summary: detail };
  },
};

/** The team's deliverables that have files in openstack/releases, minus those the config ignores. */
export function teamDeliverableNames(ctx: Deps): string[] {
  const ignored = Object.entries(ctx.config.deliverables ?? {})
    .filter(([, d]) => d.ignore === true)
    .map(([name]) => name);
  return releasedDeliverables(ctx.team)
    .map((d) => d.name)
    .filter((n) => !ignored.includes(n));
}

/** `…/changes/<project~number>/revisions/<sha>/<rest…>`, every id checked and every segment encoded. */
const revisionUrl = (base: string, r: StoredRequest, ...rest: string[]) =>
  gerritUrl(
    base,
    'changes',
    changeId(r.project || RELEASES_PROJECT, r.number),
    'revisions',
    revisionId(r.revision),
    ...rest,
  );

async function fetchFiles(http: HttpClient, base: string, r: StoredRequest) {
  const url = revisionUrl(base, r, 'files');
  const res = await http.getJson(url, { conditional: false });
  return parseFileList(res.body, `change ${r.number} files`);
}

/** A missing or refused file is recorded as a one-line error; other failures end the sync (data kept). */
async function fetchContent(
  http: HttpClient,
  base: string,
  r: StoredRequest,
  path: string,
  side: 'old' | 'new',
): Promise<FileContent> {
  const url = `${revisionUrl(base, r, 'files', path, 'content')}${side === 'old' ? '?parent=1' : ''}`;
  try {
    const res = await http.getText(url, { conditional: false });
    return { text: decodeFileContent(res.body, `change ${r.number} ${path}`) };
  } catch (e) {
    if (e instanceof HttpStatusError && e.status >= 400 && e.status < 500) {
      return {
        text: null,
        error: `Gerrit answered HTTP ${e.status} for ${path} (${side === 'old' ? 'parent' : 'patch set'} side)`,
      };
    }
    throw e;
  }
}
