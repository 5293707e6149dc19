import { describe, expect, it } from 'vitest';
import { DiskTree } from '../../src/data/file-tree.js';
import { ReleasesData } from '../../src/data/releases/releases-data.js';
import {
  fallbackNote,
  seriesDeliverables,
} from '../../src/data/releases/series-deliverables.js';
import { runCli, runJson } from '../helpers/cli.js';
import { RELEASES_DIR } from '../helpers/shared-data.js';

/**
 * Issue 13 item 6: a cycle with no deliverable files yet (indri in the
 * data of 2026-08-21) falls back to the previous series' models in every
 * command, with the brief's note; the one shared function is
 * seriesDeliverables (src/data/releases/series-deliverables.ts).
 */
const data = new ReleasesData(new DiskTree(RELEASES_DIR, 'releases'), {
  repo: 'openstack/releases',
});

interface Warning {
  kind: string;
  series: string | null;
  modelsFrom: string | null;
}
const fallbackOf = (w: readonly Warning[]) => w.filter((x) => x.kind === 'fallback');
const INDRI = { kind: 'fallback', series: 'indri', modelsFrom: 'hibiscus' };

describe('seriesDeliverables', () => {
  it('gives indri the files init-series will copy from hibiscus: models, no releases', () => {
    const s = seriesDeliverables(data, data.series(), 'indri');
    expect(s).toMatchObject({ fallback: true, modelsFrom: 'hibiscus', missing: false });
    expect(s.names).toContain('glance');
    const glance = s.deliverable('glance');
    expect(glance).toMatchObject({
      series: 'indri',
      path: 'deliverables/indri/glance.yaml',
      model: 'cycle-with-rc',
      type: 'service',
      seededFrom: 'hibiscus',
    });
    expect(glance?.releases).toEqual([]);
    expect(glance?.branches).toEqual([]);
    expect(glance?.cycleHighlights).toEqual([]);
    expect(data.deliverable('hibiscus', 'glance')?.releases.length).toBeGreaterThan(0);
    expect(fallbackNote(s)).toBe(
      'indri has no deliverable files in the releases data yet; release models are taken from hibiscus',
    );
  });

  it('a series with files is itself; an older one the data lacks does not borrow a newer one', () => {
    expect(seriesDeliverables(data, data.series(), 'hibiscus')).toMatchObject({
      fallback: false,
      modelsFrom: 'hibiscus',
    });
    const files = {
      deliverableNames: (s: string) => (s === 'hibiscus' ? ['glance'] : []),
      deliverable: (s: string, n: string) => data.deliverable(s, n),
    };
    expect(seriesDeliverables(files, data.series(), 'epoxy')).toMatchObject({
      fallback: false,
      missing: true,
      modelsFrom: null,
      names: [],
    });
  });
});

describe('every command falls back at Indri RC time (--date 2027-03-10)', () => {
  const at = ['--date', '2027-03-10'];

  it('freeze guards glance instead of "nothing to freeze"', async () => {
    const text = await runCli(['freeze', ...at]);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain('nothing to freeze');
    expect(text.stdout).toContain(
      'note: indri has no deliverable files in the releases data yet; release models are taken from hibiscus',
    );
    const v = await runJson<{
      active: boolean;
      stableBranch: string;
      projects: string[];
      dataWarnings: Warning[];
    }>(['freeze', ...at]);
    expect(v).toMatchObject({ active: true, stableBranch: 'stable/2027.1' });
    expect(v.projects).toContain('openstack/glance');
    expect(fallbackOf(v.dataWarnings)).toEqual([expect.objectContaining(INDRI)]);
  });

  it('release status and coverage: models from hibiscus, no hibiscus release counted', async () => {
    const s = await runJson<{
      deliverables: { name: string; model: string; releases: unknown[] }[];
      notes: string[];
      dataWarnings: Warning[];
    }>(['release', 'status', ...at]);
    const glance = s.deliverables.find((d) => d.name === 'glance');
    expect(glance).toMatchObject({ model: 'cycle-with-rc', releases: [] });
    expect(fallbackOf(s.dataWarnings)).toEqual([expect.objectContaining(INDRI)]);
    const c = await runJson<{ rows: { deliverable: string }[]; dataWarnings: Warning[] }>([
      'release',
      'coverage',
      ...at,
    ]);
    expect(c.rows.map((r) => r.deliverable)).toEqual(['glance-store', 'python-glanceclient']);
    expect(fallbackOf(c.dataWarnings)).toEqual([expect.objectContaining(INDRI)]);
  });

  it('checklist, remind and meeting say so too', async () => {
    for (const cmd of ['checklist', 'remind', 'meeting']) {
      const v = await runJson<{ dataWarnings: Warning[] }>([cmd, ...at]);
      expect(fallbackOf(v.dataWarnings), cmd).toEqual([expect.objectContaining(INDRI)]);
    }
    // meeting lines are pasted: the note goes to stderr, not into the meeting
    const m = await runCli(['meeting', ...at]);
    expect(m.stdout).not.toContain('note:');
    expect(m.stderr).toContain('note: indri has no deliverable files');
  });

  it('a series with its files has no fallback note', async () => {
    const v = await runJson<{ dataWarnings: Warning[] }>(['freeze', '--date', '2026-09-16']);
    expect(fallbackOf(v.dataWarnings)).toEqual([]);
  });
});
