import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { replayCycle } from '../../src/actions/read-replay.js';
import { openDataSources } from '../../src/data/sources.js';
import { buildMiniHistory, storedDates } from '../helpers/releases-history.js';
import { hasSharedData } from '../helpers/shared-data.js';

/**
 * The proof of issue 13 in CI: replay Glance's flamingo and gazpacho cycles
 * Monday by Monday on a releases history made from the shared data and the
 * stored release dates (no network, no mirror), through the same reader and
 * planner as `liaison brief --series S --json`, and judge the advice
 * against what happened. bench/replay.mjs runs the same on the real history.
 */
describe.runIf(hasSharedData())('replay of past Glance cycles (needs ../shared/data)', () => {
  const GLANCE = ['glance', 'glance-store', 'python-glanceclient', 'glance-tempest-plugin'];
  const repo = buildMiniHistory({ deliverables: GLANCE });
  afterAll(() => {
    rmSync(repo, { recursive: true, force: true });
  });
  const team = openDataSources({}).governance.team('glance');

  for (const series of ['flamingo', 'gazpacho']) {
    it(`${series}: no false alarm, releases announced, every closed window settled`, () => {
      // the history holds only the snapshot's series: the conventions (which look 3 series
      // back) come compiled from the snapshot, as the embedded data uses them
      const { verdict: v } = replayCycle({
        repo,
        team,
        series,
        conventions: storedDates().conventions,
      });
      console.log(
        `replay ${series}: ${v.weeks} weeks, ${v.releases} releases, ${v.announced} announced, ${v.falseAlarms.length} false alarms`,
      );
      expect(v.weeks).toBeGreaterThanOrEqual(26);
      expect(v.falseAlarms).toEqual([]);
      expect(v.unsettled).toEqual([]);
      expect(v.releases).toBeGreaterThan(5);
      expect(v.announced / v.releases).toBeGreaterThanOrEqual(0.95);
    });
  }
});
