import { describe, expect, it } from 'vitest';
import { RefusedError } from '../../src/core/errors.js';
import { openDataSources } from '../../src/data/sources.js';
import type { SeriesFile } from '../../src/release/versions/history.js';
import { checkVersionAgainstHistory } from '../../src/release/versions/collisions.js';
import { effectiveModel, loadHistory } from '../../src/release/versions/load-history.js';
import {
  computeNextRelease,
  type NextReleaseRequest,
} from '../../src/release/versions/next-version.js';
import type { ReleaseType } from '../../src/release/versions/release-types.js';
import { RELEASES_DIR } from '../helpers/shared-data.js';

const data = openDataSources({ releasesRepo: RELEASES_DIR }).releases;
const SHA = 'a'.repeat(40);

function request(
  series: string,
  name: string,
  type: ReleaseType,
  extra: Partial<NextReleaseRequest> = {},
): NextReleaseRequest {
  const h = loadHistory(data, series, name);
  return {
    deliverable: name,
    type,
    model: effectiveModel(h.deliverable ?? data.deliverable('hibiscus', name), h.seriesName),
    history: h.history,
    newer: h.newer,
    seriesName: h.seriesName,
    ...(h.series ? { seriesStatus: h.series.status } : {}),
    ...(h.alphabeticalPrevious ? { alphabeticalPrevious: h.alphabeticalPrevious } : {}),
    ...extra,
  };
}

const next = (
  series: string,
  name: string,
  type: ReleaseType,
  extra: Partial<NextReleaseRequest> = {},
) => computeNextRelease(request(series, name, type, extra));

/** A copy of a history with one more release (and branches) in the file of `series`. */
function withRelease(
  h: readonly SeriesFile[],
  series: string,
  version: string,
  branch?: string,
): SeriesFile[] {
  return h.map((f) =>
    f.series !== series
      ? f
      : {
          ...f,
          exists: true,
          releases: [
            ...f.releases,
            { version, projects: [{ repo: 'openstack/glance', hash: SHA }], flags: [] },
          ],
          branches: branch ? [...f.branches, { name: branch, location: version }] : f.branches,
        },
  );
}

describe('next version: the worked examples of the reference (real Glance data)', () => {
  it('hibiscus glance milestone → 33.0.0.0b3; rc → 33.0.0.0rc1 with stable/2026.2', () => {
    expect(next('hibiscus', 'glance', 'milestone').version).toBe('33.0.0.0b3');
    const rc = next('hibiscus', 'glance', 'rc');
    expect(rc.version).toBe('33.0.0.0rc1');
    expect(rc.branchesAdded).toEqual([{ name: 'stable/2026.2', location: '33.0.0.0rc1' }]);
    expect(rc.forceTag).toBe(true);
    expect(rc.source).toEqual({
      kind: 'branch-head',
      branches: ['stable/2026.2', 'master'],
      requireFirst: false,
    });
  });

  it('rc again after rc1 and its branch → rc2, no new branch; then the final', () => {
    const base = request('hibiscus', 'glance', 'rc');
    const history = withRelease(base.history, 'hibiscus', '33.0.0.0rc1', 'stable/2026.2');
    const rc2 = computeNextRelease({ ...base, history });
    expect(rc2.version).toBe('33.0.0.0rc2');
    expect(rc2.branchesAdded).toEqual([]);
    const final = computeNextRelease({ ...base, type: 'final', history });
    expect(final.version).toBe('33.0.0');
    expect(final.diffStart).toBe('32.0.0.0rc1');
    expect(final.source).toEqual({
      kind: 'retag',
      projects: [{ repo: 'openstack/glance', hash: SHA }],
    });
  });

  it('glance-store in hibiscus: feature 5.7.0, bugfix 5.6.1, major 6.0.0; no milestone or rc', () => {
    expect(next('hibiscus', 'glance-store', 'feature').version).toBe('5.7.0');
    expect(next('hibiscus', 'glance-store', 'bugfix').version).toBe('5.6.1');
    expect(next('hibiscus', 'glance-store', 'major').version).toBe('6.0.0');
    expect(() => next('hibiscus', 'glance-store', 'milestone')).toThrow(/cycle-with-intermediary/);
    expect(() => next('hibiscus', 'glance-store', 'rc')).toThrow(RefusedError);
    const branched = next('hibiscus', 'glance-store', 'feature', { stableBranch: true });
    expect(branched.branchesAdded).toEqual([{ name: 'stable/2026.2', location: '5.7.0' }]);
  });

  it('python-glanceclient: hibiscus feature 4.13.0, flamingo bugfix 4.10.1', () => {
    expect(next('hibiscus', 'python-glanceclient', 'feature').version).toBe('4.13.0');
    expect(next('flamingo', 'python-glanceclient', 'bugfix').version).toBe('4.10.1');
  });

  it('stable releases: gazpacho glance bugfix 32.0.1 / feature 32.1.0 from stable/2026.1; flamingo 31.2.0 / 31.1.1', () => {
    const g = next('gazpacho', 'glance', 'bugfix');
    expect(g.version).toBe('32.0.1');
    expect(g.source).toMatchObject({ kind: 'branch-head', branches: ['stable/2026.1', 'master'] });
    expect(next('gazpacho', 'glance', 'feature').version).toBe('32.1.0');
    expect(next('flamingo', 'glance', 'feature').version).toBe('31.2.0');
    expect(next('flamingo', 'glance', 'bugfix').version).toBe('31.1.1');
  });

  it('gazpacho glance-store bugfix 5.4.1; feature 5.5.0 is refused: hibiscus already has it', () => {
    expect(next('gazpacho', 'glance-store', 'bugfix').version).toBe('5.4.1');
    expect(() => next('gazpacho', 'glance-store', 'feature')).toThrow(
      /5\.5\.0 already exists in hibiscus/,
    );
  });

  it('lifecycle: gazpacho eom adds unmaintained/2026.1; flamingo eol tags the stable branch head', () => {
    const eom = next('gazpacho', 'glance', 'eom');
    expect(eom.version).toBe('2026.1-eom');
    expect(eom.branchesAdded).toEqual([{ name: 'unmaintained/2026.1', location: '2026.1-eom' }]);
    expect(eom.source).toEqual({
      kind: 'branch-head',
      branches: ['stable/2026.1'],
      requireFirst: true,
    });
    const eol = next('flamingo', 'glance', 'eol');
    expect(eol.version).toBe('2025.2-eol');
    expect(eol.source).toEqual({
      kind: 'branch-head',
      branches: ['stable/2025.2'],
      requireFirst: true,
    });
    expect(eol.includeAll).toBe(true);
  });

  it('no release after EOL; only eol after EOM (caracal glance ends with 2024.1-eom, dalmatian with 2024.2-eol)', () => {
    expect(() => next('dalmatian', 'glance', 'bugfix')).toThrow(/after EOL/);
    expect(() => next('caracal', 'glance', 'bugfix')).toThrow(/after EOM/);
    expect(next('caracal', 'glance', 'eol').version).toBe('2024.1-eol');
    expect(next('caracal', 'glance', 'eol').source).toMatchObject({
      branches: ['unmaintained/2024.1'],
    });
  });

  it('an unmaintained series tags unmaintained/<id>, falling back to stable/<id> before the eom tag', () => {
    const r = next('epoxy', 'glance', 'bugfix', { seriesStatus: 'unmaintained', newer: [] });
    expect(r.version).toBe('30.2.1');
    expect(r.source).toEqual({
      kind: 'branch-head',
      branches: ['unmaintained/2025.1', 'stable/2025.1', 'master'],
      requireFirst: false,
    });
    expect(next('epoxy', 'glance', 'eom', { seriesStatus: 'unmaintained' }).source).toMatchObject({
      branches: ['stable/2025.1'],
    });
  });

  it('indri (no file yet) after hibiscus ends with 33.0.0: milestone 34.0.0.0b1, bugfix refused, feature blocked', () => {
    const base = request('indri', 'glance', 'milestone');
    const history = withRelease(base.history, 'hibiscus', '33.0.0');
    expect(history[0]?.exists).toBe(false);
    expect(computeNextRelease({ ...base, history }).version).toBe('34.0.0.0b1');
    expect(computeNextRelease({ ...base, history, milestone: 1 }).version).toBe('34.0.0.0b1');
    expect(() => computeNextRelease({ ...base, history, type: 'bugfix' })).toThrow(
      /at least a feature release/,
    );
    expect(() => computeNextRelease({ ...base, history, type: 'feature' })).toThrow(
      /refused by rule stable-type-before-final: .*must be a milestone or rc.*upstream new-release would write 33\.1\.0/,
    );
    const forced = computeNextRelease({
      ...base,
      history,
      type: 'feature',
      overrides: new Set(['stable-type-before-final']),
    });
    expect(forced.version).toBe('33.1.0');
    expect(forced.notes.join('\n')).toMatch(/despite rule stable-type-before-final \(--override\)/);
  });

  it('indri first glance-store feature → 5.7.0 (depth 1)', () => {
    expect(next('indri', 'glance-store', 'feature').version).toBe('5.7.0');
  });

  it('refuses bugfix/feature on cycle-with-rc mid-cycle (33.0.0.0b2 would give 33.0.1)', () => {
    expect(() => next('hibiscus', 'glance', 'bugfix')).toThrow(/only pre-releases so far/);
    expect(() => next('hibiscus', 'glance', 'feature')).toThrow(RefusedError);
  });

  it('--milestone numbers betas by milestone and says what upstream would do', () => {
    const base = request('hibiscus', 'glance', 'milestone');
    const history = base.history.map((f) => (f.series === 'hibiscus' ? { ...f, releases: [] } : f));
    const b2 = computeNextRelease({ ...base, history, milestone: 2 });
    expect(b2.version).toBe('33.0.0.0b2');
    expect(b2.notes.join('\n')).toMatch(/upstream new-release would propose 33.0.0.0b1/);
    expect(next('hibiscus', 'glance', 'milestone', { milestone: 3 }).version).toBe('33.0.0.0b3');
    expect(() => next('hibiscus', 'glance', 'milestone', { milestone: 2 })).toThrow(/at least 3/);
  });

  it('refuses a version not above older series: the gazpacho-2 beta mistake', () => {
    // gazpacho's glance beta was hand-written as 31.0.0.0b2, below flamingo's 31.0.0
    const base = request('gazpacho', 'glance', 'milestone');
    const history = [{ ...base.history[0]!, releases: [] }, ...base.history.slice(1)];
    expect(computeNextRelease({ ...base, history, milestone: 2 }).version).toBe('32.0.0.0b2');
    expect(() => {
      checkVersionAgainstHistory('31.0.0.0b2', { ...base, history }, []);
    }).toThrow(/31\.0\.0\.0b2 is not greater than 31\.1\.0 of the older series flamingo/);
  });

  it('skips lifecycle tags of other series when finding the last version, and says so', () => {
    // glance-tempest-plugin: dalmatian ends with 2024.2-last
    const base = request('epoxy', 'glance-tempest-plugin', 'feature');
    const history = [{ ...base.history[0]!, releases: [] }, ...base.history.slice(1)];
    const r = computeNextRelease({ ...base, history, newer: [] });
    expect(r.version).toBe('0.11.0'); // dalmatian: 0.9.0, 0.10.0, 2024.2-last
    expect(r.notes.join('\n')).toMatch(/skipped the lifecycle tag 2024.2-last/);
  });

  it('procedural and releasefix use the chronological previous series and note the alphabetical bug', () => {
    const base = request('gazpacho', 'glance-store', 'procedural');
    const history = [{ ...base.history[0]!, releases: [], branches: [] }, ...base.history.slice(1)];
    const p = computeNextRelease({ ...base, history, newer: [] });
    expect(p.version).toBe('5.3.0');
    expect(p.branchesAdded).toEqual([{ name: 'stable/2026.1', location: '5.3.0' }]);
    const flamingoPoint = data
      .deliverable('flamingo', 'glance-store')!
      .releases.find((r) => r.version === '5.2.0')!;
    expect(p.source).toEqual({
      kind: 'retag',
      projects: flamingoPoint.projects,
      comment: 'procedural tag to support creating stable branch',
    });
    expect(p.notes.join('\n')).toMatch(/deliverables\/folsom\//);
    const fix = next('hibiscus', 'glance-store', 'releasefix');
    expect(fix.version).toBe('5.6.1');
    expect(fix.diffStart).toBe('5.5.0');
    expect(fix.source).toMatchObject({
      kind: 'retag',
      comment: 'procedural tag to handle release job failure',
    });
  });

  it('first release ever → 0.1.0; abandoned and untagged refuse', () => {
    const base = request('hibiscus', 'glance', 'feature');
    const empty = base.history.map((f) => ({ ...f, releases: [] }));
    expect(
      computeNextRelease({ ...base, model: 'cycle-with-intermediary', history: empty, newer: [] })
        .version,
    ).toBe('0.1.0');
    expect(() => computeNextRelease({ ...base, model: 'abandoned' })).toThrow(/abandoned/);
    expect(() => computeNextRelease({ ...base, model: 'untagged' })).toThrow(/untagged/);
  });
});
