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
import {
  bloomKeys,
  mayChange,
  murmur3,
  type BloomKey,
  type ChangedPathFilters,
} from '../../src/notes/scanner/bloom.js';
import { fixNote, note } from './helpers.js';
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

describe("git's changed-path filters", () => {
  it('rule out most commits that did not touch the folder (first parent), never one that did', () => {
    const repo = TestRepo.create();
    repo.commit('base', { 'a.txt': 'a\n', [note('first-0000000000000001')]: fixNote('first') });
    for (let i = 0; i < 40; i++) {
      // most commits touch other folders, some the notes folder, one the folder above it
      const files: Record<string, string> =
        i % 7 === 0
          ? { [note(`n${i}-00000000000000${String(i).padStart(2, '0')}`)]: fixNote(`n${i}`) }
          : i % 11 === 0
            ? { 'releasenotes/source/conf.py': `# ${i}\n` }
            : { [`src/f${i}.py`]: `${i}\n` };
      repo.commit(`c${i}`, files);
      if (i === 20) repo.branch('side').checkout('side');
      if (i === 30) repo.checkout('master').merge('side');
    }
    repo.git('commit-graph', 'write', '--reachable', '--changed-paths');
    const graph = readCommitGraphFile(repo.dir) as CommitGraph;
    const filters = graph.changedPaths;
    expect(filters).toBeDefined();
    const keys = bloomKeys('releasenotes/notes', filters as ChangedPathFilters) as BloomKey[];
    expect(keys).toHaveLength(2);
    let ruledOut = 0;
    for (let id = 0; id < graph.size; id++) {
      const sha = graph.sha(id);
      const parent = graph.firstParent(id);
      const touched = repo
        .git(
          'diff-tree',
          '-r',
          '--name-only',
          '--no-commit-id',
          ...(parent < 0 ? ['--root', sha] : [graph.sha(parent), sha]),
          '--',
          'releasenotes/notes',
        )
        .trim();
      const maybe = mayChange(filters as ChangedPathFilters, id, keys);
      if (touched) expect(maybe, `${sha} changed the notes folder`).toBe(true);
      if (!maybe) ruledOut++;
    }
    // a filter that said "maybe" to everything would pass the loop above: most are ruled out
    expect(ruledOut).toBeGreaterThan(graph.size / 2);
    // a commit outside the file, or a path hashed differently by version 1, is never ruled out
    expect(mayChange(filters as ChangedPathFilters, graph.size, keys)).toBe(true);
    expect(bloomKeys('notes/é', { ...(filters as ChangedPathFilters), hashVersion: 1 })).toBeNull();
  });

  it('hashes with the murmur3 of the published test vectors', () => {
    const text = (s: string) => Buffer.from(s, 'utf8');
    expect(murmur3(0, text(''))).toBe(0);
    expect(murmur3(1, text(''))).toBe(0x514e28b7);
    expect(murmur3(0, text('The quick brown fox jumps over the lazy dog'))).toBe(0x2e4ff723);
  });
});
