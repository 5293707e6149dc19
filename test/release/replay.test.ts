import { describe, expect, it } from 'vitest';
import { openDataSources } from '../../src/data/sources.js';
import { RELEASES_DIR } from '../helpers/shared-data.js';
import { replaySeries, type Outcome } from './replay.js';

const LAST_FOUR = ['hibiscus', 'gazpacho', 'flamingo', 'epoxy'];

describe('replay of the real release history (last four series)', () => {
  const data = openDataSources({ releasesRepo: RELEASES_DIR }).releases;
  const cases = replaySeries(data, LAST_FOUR);
  const counts = new Map<Outcome, number>();
  for (const c of cases) counts.set(c.outcome, (counts.get(c.outcome) ?? 0) + 1);

  it('computes the real next version for the type that produced it', () => {
    const summary = Object.fromEntries([...counts].sort());
    console.log(`replay: ${cases.length} releases`, summary);
    const unexplained = cases.filter((c) => c.outcome === 'mismatch');
    expect(
      unexplained.map((c) => `${c.file} ${c.real} (${c.type}): ${c.computed ?? c.refused ?? ''}`),
    ).toEqual([]);
    expect(counts.get('match') ?? 0).toBeGreaterThan(1490);
    const detail = (o: Outcome) =>
      cases.filter((c) => c.outcome === o).map((c) => `${c.file} ${c.real}`);
    // every excluded case, by documented reason
    expect(detail('hand-numbered beta')).toEqual([
      'hibiscus/glance 33.0.0.0b2',
      'gazpacho/glance 32.0.0.0b2',
      'epoxy/glance 30.0.0.0b2',
    ]);
    expect(detail('first release numbered by hand')).toEqual([
      'flamingo/aetos 1.0.0.0rc1',
      'epoxy/freezer-api 16.0.0.0rc1',
    ]);
    expect(detail('hand-written first bugfix')).toEqual([
      'flamingo/telemetry-tempest-plugin 2.5.1',
    ]);
    expect(detail('hand-chosen jump')).toEqual(['epoxy/freezer-tempest-plugin 3.2.0']);
    // finals: the data-only diff-start matches glance, nova and cinder; others needed git describe
    const finals = cases.filter((c) => c.type === 'final');
    expect(finals.filter((c) => c.outcome === 'match').length).toBeGreaterThan(150);
    expect(detail('final diff-start from git describe').length).toBe(16);
    expect(
      detail('final diff-start from git describe').filter((f) => /\/(glance|nova|cinder) /.test(f)),
    ).toEqual([]);
    expect(detail('lifecycle -last tag').length).toBe(counts.get('lifecycle -last tag') ?? 0);
    // every refusal names its rule (replay.ts rethrows any other error)
    const refusals = cases.filter((c) => c.refused !== undefined);
    expect(
      refusals.every((c) => c.rule !== undefined && c.refused?.includes(`rule ${c.rule}:`)),
    ).toBe(true);
    expect(refusals.map((c) => `${c.file} ${c.real}: ${c.rule ?? ''}`)).toEqual([
      'flamingo/telemetry-tempest-plugin 2.5.1: first-bugfix',
    ]);
  });

  it('reproduces every Glance version except the hand-numbered betas', () => {
    const glance = cases.filter((c) =>
      /\/(glance|glance-store|python-glanceclient|glance-tempest-plugin)$/.test(c.file),
    );
    const notMatching = glance
      .filter((c) => c.outcome !== 'match')
      .map((c) => `${c.file} ${c.real}: ${c.outcome}`);
    expect(notMatching).toEqual([
      'hibiscus/glance 33.0.0.0b2: hand-numbered beta',
      'gazpacho/glance 32.0.0.0b2: hand-numbered beta',
      'epoxy/glance 30.0.0.0b2: hand-numbered beta',
    ]);
    expect(glance.length).toBeGreaterThan(25);
  });
});
