import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  commitExists,
  firstBranchHead,
  gitIdentity,
  isAncestor,
  onelineLog,
} from '../../src/release/propose/read-git.js';
import { TestRepo } from '../helpers/git-repo.js';
import { tempDir } from '../helpers/tmp.js';

describe('git facts of a project clone', () => {
  it('finds branch heads locally or as remote-tracking branches, in the order asked', () => {
    const upstream = TestRepo.create();
    const first = upstream.commit('one', { a: '1' });
    upstream.tag('1.0.0');
    upstream.branch('stable/2026.2');
    upstream.checkout('stable/2026.2');
    const fix = upstream.commit('fix on stable', { b: '2' });
    upstream.checkout('master');
    const master = upstream.commit('two', { c: '3' });
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', upstream.dir, clone]);
    // only master is local in the clone; stable/2026.2 is origin/stable/2026.2
    expect(firstBranchHead(clone, ['stable/2026.2', 'master'])).toEqual({
      branch: 'stable/2026.2',
      sha: fix,
      ref: 'refs/remotes/origin/stable/2026.2',
    });
    expect(firstBranchHead(clone, ['stable/2099.1', 'master'])).toEqual({
      branch: 'master',
      sha: master,
      ref: 'refs/heads/master',
    });
    expect(firstBranchHead(clone, ['unmaintained/2026.2'])).toBeUndefined();
    expect(commitExists(clone, first)).toBe(true);
    expect(commitExists(clone, 'f'.repeat(40))).toBe(false);
    expect(isAncestor(clone, first, 'refs/heads/master')).toBe(true);
    expect(isAncestor(clone, fix, 'refs/heads/master')).toBe(false);
    expect(onelineLog(clone, '1.0.0', master)?.map((l) => l.replace(/^[0-9a-f]+ /, ''))).toEqual([
      'two',
    ]);
    expect(onelineLog(clone, '9.9.9', master)).toBeUndefined();
    expect(gitIdentity(upstream.dir)).toEqual({ name: 'Test Author', email: 'author@example.org' });
  });
});
