import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceAge } from '../../src/sources/age.js';
import { DEFAULT_ENDPOINTS, resolveEndpoints } from '../../src/sources/endpoints.js';
import { readSourceState, recordSyncFailure, recordSyncSuccess } from '../../src/sources/state.js';
import { openStore } from '../../src/store/db.js';
import { ALL_MIGRATIONS } from '../../src/app/migrations.js';
import { tempDir } from '../helpers/tmp.js';

describe('source sync records and data age', () => {
  it('keeps the last success through failures and words each state', () => {
    const db = openStore(join(tempDir(), 'state.db'), ALL_MIGRATIONS);
    const age = (today: string) => sourceAge(db, 'launchpad', today, { title: 'Launchpad' });
    expect(age('2026-09-16')).toMatchObject({ state: 'never', syncedAt: null, ageDays: null });

    recordSyncFailure(
      db,
      'launchpad',
      '2026-09-16T05:00:00.000Z',
      'api.launchpad.net/devel/glance answered HTTP 503\u001b[0m',
    );
    expect(age('2026-09-16').line).toBe(
      'Launchpad: no data — last sync 2026-09-16 05:00 UTC failed: api.launchpad.net/devel/glance answered HTTP 503\\x1b[0m',
    );

    recordSyncSuccess(db, 'launchpad', '2026-09-16T06:00:00.000Z', '7 tasks');
    expect(age('2026-09-17')).toMatchObject({
      state: 'fresh',
      ageDays: 1,
      line: 'Launchpad data as of 2026-09-16 06:00 UTC',
    });
    expect(age('2026-09-20')).toMatchObject({ state: 'stale', ageDays: 4 });

    recordSyncFailure(db, 'launchpad', '2026-09-18T06:00:00.000Z', 'timeout');
    expect(readSourceState(db, 'launchpad')).toMatchObject({
      lastSuccessAt: '2026-09-16T06:00:00.000Z',
      lastStatus: 'failed',
      detail: '7 tasks',
    });
    expect(age('2026-09-18').line).toBe(
      'Launchpad: stale since 2026-09-16 06:00 UTC — last sync 2026-09-18 06:00 UTC failed: timeout',
    );
    db.close();
  });
});

describe('service base URLs', () => {
  it('take the environment first, then the config, then the real endpoints', () => {
    expect(resolveEndpoints({}, {})).toEqual(DEFAULT_ENDPOINTS);
    const config = {
      sources: {
        zuul: { url: 'https://zuul.example.org/', tenant: 'starlingx' },
        launchpad: { url: 'http://lp.local/prefix/' },
      },
    };
    expect(resolveEndpoints(config, { LIAISON_ZUUL_URL: 'http://127.0.0.1:8080/zuul' })).toEqual({
      zuul: 'http://127.0.0.1:8080/zuul',
      zuulTenant: 'starlingx',
      gerrit: 'https://review.opendev.org',
      launchpad: 'http://lp.local/prefix',
    });
    expect(() =>
      resolveEndpoints({}, { LIAISON_GERRIT_URL: 'https://review.opendev.org/?x=1' }),
    ).toThrow('LIAISON_GERRIT_URL: a base URL has no query or fragment');
  });
});
