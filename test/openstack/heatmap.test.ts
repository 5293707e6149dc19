import { describe, expect, it } from 'vitest';
import type { OpenStackView } from '../../src/openstack/plan.js';
import { actionsHeatmapSvg, cellMark, heatCells } from '../../src/web/charts/actions-heatmap.js';
import { runJson } from '../helpers/cli.js';

describe('OpenStack heatmap cells on data older than the date', () => {
  it('marks a cell whose verdict the data cannot confirm yet, and says so in its text', async () => {
    // the embedded data is of 2026-08-21; on 2026-09-09 the final library weeks ended
    // 2026-08-21 and a merge until 08-28 still counts: the data cannot know
    const view = await runJson<OpenStackView>(['openstack', '--date', '2026-09-09', '--json']);
    expect(view.dataAsOf).toBe('2026-08-21');
    const cells = heatCells(view);
    const marked = cells.filter((c) => c.asOf !== null);
    expect(marked.length).toBeGreaterThan(0);
    for (const c of marked) {
      expect(c.asOf).toBe('2026-08-21');
      expect(cellMark(c)).toMatch(/\*$/);
      expect(c.text).toMatch(/; as of the data of 2026-08-21$/);
    }
    // a settled verdict (done) is never marked
    const done = cells.filter((c) => c.state === 'done');
    expect(done.length).toBeGreaterThan(0);
    for (const c of done) expect(cellMark(c)).toBe('✓');
    expect(actionsHeatmapSvg(view)).toContain('as of the data of 2026-08-21');
  });
});
