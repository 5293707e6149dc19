import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachePath, cacheStamp, jsonExact } from '../../src/release/validate/file-cache.js';
import type { ValidateView } from '../../src/release/validate/plan.js';
import { runCli } from '../helpers/cli.js';
import { GOVERNANCE_DIR, RELEASES_DIR, hasSharedData } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';
import { CHECKOUT_FILES } from './validate-helpers.js';

/** A plain temporary copy of a few real files of openstack/releases. */
function releasesCopy(): string {
  const dir = tempDir('liaison-validate-cache-');
  for (const f of CHECKOUT_FILES) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(RELEASES_DIR, f), join(dir, f));
  }
  return dir;
}

async function validate(
  releases: string,
  cacheHome: string,
  extra: string[] = [],
): Promise<{ code: number; view: ValidateView; stderr: string }> {
  const r = await runCli(
    [
      'release',
      'validate',
      '--releases-repo',
      releases,
      '--governance-repo',
      GOVERNANCE_DIR,
      '--json',
      ...extra,
    ],
    { env: { XDG_CACHE_HOME: cacheHome } },
  );
  return {
    code: r.code,
    view: (r.stdout ? JSON.parse(r.stdout) : undefined) as ValidateView,
    stderr: r.stderr,
  };
}

const GLANCE = 'deliverables/hibiscus/glance.yaml';
const GLANCE_PREV = 'deliverables/gazpacho/glance.yaml';

describe.runIf(hasSharedData())(
  'release validate: the per-file cache (needs ../shared/data)',
  () => {
    it('gives the same findings as --no-cache across runs, and sees a changed file', async () => {
      const releases = releasesCopy();
      const cacheHome = tempDir('liaison-cache-home-');
      const file = cachePath(releases, { XDG_CACHE_HOME: cacheHome });

      const first = await validate(releases, cacheHome);
      expect(existsSync(file)).toBe(true);
      const uncached = await validate(releases, cacheHome, ['--no-cache']);
      expect(first).toEqual(uncached);
      const second = await validate(releases, cacheHome);
      expect(second).toEqual(uncached);
      expect(second.view.files).toBe(20);

      // one file gets a schema error, and the previous series' file (read by a
      // cross-file rule) changes too
      const glance = join(releases, GLANCE);
      writeFileSync(glance, readFileSync(glance, 'utf8').replace('type: service', 'type: bogus'));
      const prev = join(releases, GLANCE_PREV);
      writeFileSync(
        prev,
        readFileSync(prev, 'utf8').replace(/^releases:[\s\S]*$/m, 'releases: []\n'),
      );
      const afterEdit = await validate(releases, cacheHome);
      const afterEditUncached = await validate(releases, cacheHome, ['--no-cache']);
      expect(afterEdit).toEqual(afterEditUncached);
      expect(afterEdit.view.findings).not.toEqual(first.view.findings);
      expect(afterEdit.view.findings.some((f) => f.file === GLANCE && f.check === 'schema')).toBe(
        true,
      );
      // and once more from the cache written after the edit
      expect(await validate(releases, cacheHome)).toEqual(afterEditUncached);
    });

    it('reuses a file by size and mtime (so a change that keeps both is not seen) and --no-cache bypasses it', async () => {
      const releases = releasesCopy();
      const cacheHome = tempDir('liaison-cache-home-');
      const glance = join(releases, GLANCE);
      utimesSync(glance, 1_700_000_000, 1_700_000_000); // whole seconds: settable again exactly
      const before = await validate(releases, cacheHome);
      expect(before.view.findings.some((f) => f.file === GLANCE)).toBe(false);

      // same length, same mtime, different content: the cache cannot tell
      const st = statSync(glance);
      const text = readFileSync(glance, 'utf8');
      const edited = text.replace('type: service', 'type: servicx');
      expect(edited.length).toBe(text.length);
      writeFileSync(glance, edited);
      utimesSync(glance, 1_700_000_000, 1_700_000_000);
      expect(statSync(glance).mtimeMs).toBe(st.mtimeMs);

      const cached = await validate(releases, cacheHome);
      expect(cached.view.findings).toEqual(before.view.findings);
      const fresh = await validate(releases, cacheHome, ['--no-cache']);
      expect(fresh.view.findings.some((f) => f.file === GLANCE && f.check === 'schema')).toBe(true);
    });

    it('ignores a corrupt or foreign cache file and replaces it', async () => {
      const releases = releasesCopy();
      const cacheHome = tempDir('liaison-cache-home-');
      const file = cachePath(releases, { XDG_CACHE_HOME: cacheHome });
      const expected = await validate(releases, cacheHome, ['--no-cache']);
      expect(existsSync(file)).toBe(false);

      const bad = [
        '\u0000\u0001not json at all',
        '{"stamp":',
        'null',
        '[1,2,3]',
        // the right shape with a wrong stamp, and entries that are not entries
        JSON.stringify({ stamp: 'other', files: { [GLANCE]: [1, 2, true, {}, 0] } }),
        JSON.stringify({
          stamp: cacheStamp(readFileSync(join(releases, 'openstack_releases/schema.yaml'), 'utf8')),
          files: { [GLANCE]: 'x' },
        }),
      ];
      for (const content of bad) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
        const r = await validate(releases, cacheHome);
        expect(r, content).toEqual(expected);
        expect(r.stderr).toBe('');
        // rewritten as a cache the next run can use
        const blob = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, unknown> };
        expect(Object.keys(blob.files)).toHaveLength(20);
      }
    });

    it('an unwritable cache dir is not an error', async () => {
      const releases = releasesCopy();
      const home = tempDir('liaison-cache-home-');
      const blocker = join(home, 'not-a-dir');
      writeFileSync(blocker, 'a file where the cache dir would be');
      const r = await validate(releases, blocker);
      expect(r).toEqual(await validate(releases, home, ['--no-cache']));
    });

    it('caches only parsed values JSON gives back exactly', () => {
      expect(jsonExact({ a: [1, 'x', null, true, { b: 2.5 }] })).toBe(true);
      expect(jsonExact({ a: Infinity })).toBe(false);
      expect(jsonExact([NaN])).toBe(false);
      expect(jsonExact(-0)).toBe(false);
      expect(jsonExact({ a: undefined })).toBe(false);
      expect(jsonExact(JSON.parse('{"__proto__": 1}'))).toBe(false);
      expect(jsonExact(new Date(0))).toBe(false);
    });
  },
);
