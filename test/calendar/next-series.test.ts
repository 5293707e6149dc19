import { describe, expect, it } from 'vitest';
import { followingSeries, nextReleaseId } from '../../src/calendar/next-series.js';
import type { Series } from '../../src/data/releases/series.js';

describe('the release id after the data', () => {
  it('goes .1 → .2 → next year .1', () => {
    expect(nextReleaseId('2027.1')).toBe('2027.2');
    expect(nextReleaseId('2027.2')).toBe('2028.1');
    expect(nextReleaseId('zed')).toBeUndefined();
  });

  it('projects the series after the newest one, without a name', () => {
    const indri: Series = { name: 'indri', releaseId: '2027.1', status: 'future', slurp: true };
    const hibiscus: Series = {
      name: 'hibiscus',
      releaseId: '2026.2',
      status: 'development',
      slurp: false,
    };
    const list = [indri, hibiscus];
    expect(followingSeries(list, hibiscus)).toEqual({ series: indri, projected: false });
    expect(followingSeries(list, indri)).toEqual({
      series: { name: '', releaseId: '2027.2', status: 'future', slurp: false },
      projected: true,
    });
    expect(
      followingSeries([{ name: 'zed', status: 'end of life', slurp: false }], {
        name: 'zed',
        status: 'end of life',
        slurp: false,
      }),
    ).toBeUndefined();
  });
});
