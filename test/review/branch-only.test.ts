import { execFileSync } from 'node:child_process';
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { renderReviewText } from '../../src/review/render.js';
import type { StoredRequest } from '../../src/review/plan.js';
import { planReview } from '../../src/review/plan.js';
import { analyseRequests, type ReviewEnv } from '../../src/review/plan-requests.js';
import { makeRoster } from '../../src/review/plan-people.js';

/**
 * A branch-only request, as the release team sent it for Glance's libraries
 * at the end of 2026.1 (openstack/releases 8d96234d4: stable/2026.1 for
 * glance-store at 5.4.0 and python-glanceclient at 4.11.0): the desk
 * recognises it as branch-only, not as "adds no release".
 */

const MIRROR = '/work/.mirror/openstack+releases/repo';
const COMMIT = '8d96234d4de6a0024930a5c7d6f7047ac090decd';

/** The two sides of the real change from the mirror, or a copy made from the snapshot. */
function sides(path: string): { old: string; new: string } {
  try {
    const show = (rev: string) =>
      execFileSync('git', ['--git-dir', MIRROR, 'show', `${rev}:${path}`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    return { old: show(`${COMMIT}^`), new: show(COMMIT) };
  } catch {
    return fallback(path);
  }
}

function fallback(path: string): { old: string; new: string } {
  const location = path.includes('glance-store') ? '5.4.0' : '4.11.0';
  const head = path.includes('glance-store')
    ? `---\nlaunchpad: glance-store\nrelease-model: cycle-with-intermediary\nteam: glance\ntype: library\nrepository-settings:\n  openstack/glance_store: {}\nreleases:\n  - version: 5.3.0\n    projects:\n      - repo: openstack/glance_store\n        hash: ${'1'.repeat(40)}\n  - version: 5.4.0\n    projects:\n      - repo: openstack/glance_store\n        hash: ${'2'.repeat(40)}\n`
    : `---\nlaunchpad: python-glanceclient\nrelease-model: cycle-with-intermediary\nteam: glance\ntype: client-library\nrepository-settings:\n  openstack/python-glanceclient: {}\nreleases:\n  - version: 4.11.0\n    projects:\n      - repo: openstack/python-glanceclient\n        hash: ${'3'.repeat(40)}\n`;
  return {
    old: head,
    new: `${head}branches:\n  - name: stable/2026.1\n    location: ${location}\n`,
  };
}

function review(files: Record<string, { old: string; new: string }>) {
  const request: StoredRequest = {
    number: 971001,
    project: 'openstack/releases',
    branch: 'master',
    subject: '[glance] Create 2026.1 branch for client and non-client libs',
    workInProgress: false,
    owner: { name: 'Elod Illes', email: 'elod.illes@est.tech' },
    created: '2026-03-02T10:01:32Z',
    revision: 'r1',
    patchset: 1,
    message:
      '[glance] Create 2026.1 branch for client and non-client libs\n\nIn any case, if the patch gets no response, then this will be merged after Thursday, March 5th.\n',
    votes: [],
    messages: [],
    files: Object.keys(files).map((path) => ({ path, status: 'M' as const })),
  };
  const env: ReviewEnv = {
    today: '2026-03-03',
    team: 'glance',
    gerritBase: 'https://review.opendev.org',
    roster: makeRoster({ releaseTeam: ['elod.illes@est.tech'] }),
    teamDeliverables: new Set(['glance-store', 'python-glanceclient']),
    ownerTeam: () => 'glance',
    knownSeries: ['hibiscus', 'gazpacho'],
    eventWeek: () => undefined,
    olderReleases: () => [],
    branchesFor: () => ['master'],
    content: (_rev, path, side) => {
      const f = files[path];
      return f ? { text: side === 'old' ? f.old : f.new } : undefined;
    },
  };
  const analyses = analyseRequests([request], env);
  return planReview({
    analyses,
    env,
    facts: new Map(),
    clonesHint: '',
    posted: [],
    data: { asOf: '2026-03-03T00:00:00Z', state: 'fresh', line: '' },
  });
}

describe('review: branch-only requests', () => {
  const store = 'deliverables/gazpacho/glance-store.yaml';
  const client = 'deliverables/gazpacho/python-glanceclient.yaml';

  it('recognises the release team end-of-cycle branch request (8d96234d4) as branch-only', () => {
    const view = review({ [store]: sides(store), [client]: sides(client) });
    const ds = view.requests[0]?.deliverables ?? [];
    expect(ds.map((d) => [d.name, d.kind, d.branchesAdded, d.oldVersion, d.warnings])).toEqual([
      ['glance-store', 'branch-only', ['stable/2026.1'], '5.4.0', []],
      ['python-glanceclient', 'branch-only', ['stable/2026.1'], '4.11.0', []],
    ]);
    const text = renderReviewText(view, pc.createColors(false));
    expect(text).toContain('glance-store branch-only: creates stable/2026.1 (last release 5.4.0)');
    expect(text).not.toContain('adds no release');
  });

  it('warns when a new branch is not at the last release', () => {
    const s = sides(store);
    const view = review({
      [store]: { old: s.old, new: s.new.replace(/location: 5\.4\.0/, 'location: 5.3.0') },
    });
    expect(view.requests[0]?.deliverables[0]?.warnings).toEqual([
      'stable/2026.1 at 5.3.0 is not at the last release of gazpacho (5.4.0)',
    ]);
  });

  it('a change that adds neither a release nor a branch still says so', () => {
    const s = sides(store);
    const view = review({ [store]: { old: s.old, new: `${s.old}cycle-highlights:\n  - x\n` } });
    const d = view.requests[0]?.deliverables[0];
    expect(d?.kind).toBe('no-release');
    expect(d?.warnings).toEqual(['adds no release']);
  });
});
