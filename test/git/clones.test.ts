import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Context, preloadConfigLoader } from '../../src/cli/context.js';
import { cloneLocator } from '../../src/git/clones.js';
import { TestRepo } from '../helpers/git-repo.js';
import { tempDir } from '../helpers/tmp.js';

function contextWith(configText: string, dir: string): Context {
  const config = join(dir, 'liaison.yaml');
  writeFileSync(config, configText);
  return new Context(
    { config, date: '2026-11-27' },
    {
      stdout: () => undefined,
      stderr: () => undefined,
      env: {},
      cwd: dir,
      now: () => new Date(),
      isTTY: false,
    },
  );
}

describe('clone locator', () => {
  it("uses a deliverable's own clone for its main repository only, clones-dir for the others", async () => {
    await preloadConfigLoader();
    const dir = tempDir('liaison-clones-');
    const own = TestRepo.create({ startDate: '2026-06-01T10:00:00Z' });
    own.commit('Initial commit', { 'README.rst': 'kayobe\n' });
    mkdirSync(join(dir, 'clones'));
    execFileSync('git', ['clone', '-q', own.dir, join(dir, 'clones', 'kayobe-config')]);
    // kayobe: openstack/kayobe (main), openstack/kayobe-config, openstack/kayobe-config-dev
    const ctx = contextWith(
      `team: kolla\nclones-dir: clones\ndeliverables:\n  kayobe:\n    clone: ${own.dir}\n`,
      dir,
    );
    const locator = cloneLocator(ctx);
    expect(locator.find('openstack/kayobe', 'kayobe')).toBe(own.dir);
    expect(locator.find('openstack/kayobe-config', 'kayobe')).toBe(
      join(dir, 'clones', 'kayobe-config'),
    );
    expect(locator.find('openstack/kayobe-config-dev', 'kayobe')).toBeUndefined();
    expect(locator.describe).toBe(`under ${join(dir, 'clones')}`);
  });
});
