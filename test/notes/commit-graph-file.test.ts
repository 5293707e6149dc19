import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  commitGraphFileOf,
  parseCommitGraph,
  readCommitGraphFile,
} from '../../src/notes/scanner/commit-graph-file.js';
import { parseGraph } from '../../src/notes/scanner/git-facts.js';
import type { CommitGraph } from '../../src/notes/scanner/graph.js';
import { runCli } from '../helpers/cli.js';
import { TestRepo } from '../helpers/git-repo.js';
import { tempDir } from '../helpers/tmp.js';

/** Every commit as `sha time parent...`, sorted: numbering-independent. */
function linesOf(g: CommitGraph): string[] {
  const out: string[] = [];
  for (let id = 0; id < g.size; id++) {
    const parents: string[] = [];
    for (let k = g.parentStart[id] ?? 0; k < (g.parentStart[id + 1] ?? 0); k++)
      parents.push(g.sha(g.parentIds[k] ?? 0));
    out.push([g.sha(id), g.times[id], ...parents].join(' '));
    expect(g.id(g.sha(id))).toBe(id);
  }
  return out.sort();
}

/** A history with merges and an octopus merge (git's EDGE chunk). */
function repoWithMerges(): TestRepo {
  const repo = TestRepo.create();
  repo.commit('base', { 'a.txt': 'a\n' });
  for (const b of ['one', 'two', 'three']) {
    repo
      .branch(b, 'master')
      .checkout(b)
      .commit(`on ${b}`, { [`${b}.txt`]: `${b}\n` });
  }
  repo.checkout('master').commit('main line', { 'm.txt': 'm\n' });
  repo.git('merge', '-q', '--no-ff', '-m', 'octopus', 'one', 'two', 'three');
  repo.branch('side', 'HEAD~1').checkout('side').commit('side', { 's.txt': 's\n' });
  repo.checkout('master').merge('side');
  return repo;
}

const revList = (repo: TestRepo) =>
  parseGraph(repo.git('rev-list', '--parents', '--timestamp', '--all') + '\n');

describe("git's commit-graph file", () => {
  it('gives the same commits, times and parents (octopus included) as rev-list', () => {
    const repo = repoWithMerges();
    repo.git('commit-graph', 'write', '--reachable');
    const file = readCommitGraphFile(repo.dir);
    expect(file).not.toBeNull();
    expect(linesOf(file as CommitGraph)).toEqual(linesOf(revList(repo)));
    // a scan's SHA order: numbers follow the SHAs
    const shas = Array.from({ length: file?.size ?? 0 }, (_, i) => file?.sha(i) ?? '');
    expect(shas).toEqual([...shas].sort());
  });

  it('is not used for a split chain, replace refs, grafts or a shallow clone, nor when it does not parse', () => {
    const repo = repoWithMerges();
    expect(commitGraphFileOf(repo.dir)).toBeNull(); // none written
    repo.git('commit-graph', 'write', '--reachable');
    const path = join(repo.dir, '.git/objects/info/commit-graph');
    expect(commitGraphFileOf(repo.dir)).toBe(path);
    const bytes = readFileSync(path);
    expect(parseCommitGraph(bytes.subarray(0, 40))).toBeNull();
    const otherVersion = Buffer.from(bytes);
    otherVersion[4] = 9;
    expect(parseCommitGraph(otherVersion)).toBeNull();
    // a layer of a split chain (it counts base layers): its parents may live in them
    const layer = Buffer.from(bytes);
    layer[7] = 1;
    expect(parseCommitGraph(layer)).toBeNull();
    expect(parseCommitGraph(bytes)).not.toBeNull();
    repo.git('replace', '--graft', 'HEAD~1');
    expect(commitGraphFileOf(repo.dir)).toBeNull();
    repo.git('replace', '-d', repo.git('rev-parse', 'HEAD~1'));
    expect(commitGraphFileOf(repo.dir)).toBe(path);
    mkdirSync(join(repo.dir, '.git/info'), { recursive: true });
    writeFileSync(join(repo.dir, '.git/info/grafts'), '');
    expect(commitGraphFileOf(repo.dir)).toBeNull();
    rmSync(join(repo.dir, '.git/info/grafts'));
    writeFileSync(join(repo.dir, '.git/shallow'), repo.head() + '\n');
    expect(commitGraphFileOf(repo.dir)).toBeNull();
  });

  it('stands for rev-list in an uncached report, new commits after it read from git', async () => {
    const repo = TestRepo.create();
    repo.commit('base', {
      'releasenotes/notes/first-0000000000000001.yaml': 'features:\n  - One.\n',
    });
    repo.tag('1.0.0');
    repo.git('commit-graph', 'write', '--reachable');
    // after the file was written: a branch, a merge, a tag
    repo.branch('feat').checkout('feat');
    repo.commit('two', { 'releasenotes/notes/second-0000000000000002.yaml': 'fixes:\n  - Two.\n' });
    repo.checkout('master').commit('other', { 'x.txt': 'x\n' });
    repo.merge('feat');
    repo.tag('1.1.0');
    const db = join(tempDir('liaison-cg-'), 'l.db');
    const report = (dir: string) =>
      runCli(['notes', 'report', '--repo', dir, '--ignore-cache', '--db', db]);
    const withFile = await report(repo.dir);
    expect(withFile.code).toBe(0);
    expect(withFile.stdout).toContain('1.1.0');
    expect(withFile.stdout).toContain('Two.');
    // the same repository without the file: everything from rev-list
    rmSync(join(repo.dir, '.git/objects/info/commit-graph'));
    expect(commitGraphFileOf(repo.dir)).toBeNull();
    expect((await report(repo.dir)).stdout).toEqual(withFile.stdout);
  });
});
