import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CommitGraph } from '../../src/notes/scanner/graph.js';
import { dateWalk } from '../../src/notes/scanner/walks.js';
import { TestRepo } from '../helpers/git-repo.js';
import { fixNote, note, notes, storeFor } from './helpers.js';

const sha = (c: string): string => c.repeat(40);

describe('commit graph', () => {
  it('keeps numbers, parents and SHA lookups through appends and the binary form', () => {
    const first = CommitGraph.fromNodes([
      [sha('c'), { parents: [sha('a')], time: 20 }],
      [sha('a'), { parents: [], time: 10 }],
    ]);
    // appending: a known commit is skipped, a new one may have known and unknown parents
    const graph = first.withRevList(
      [
        `30 ${sha('e')} ${sha('c')} ${sha('9')}`,
        `20 ${sha('c')} ${sha('a')}`,
        `25 ${sha('b')} ${sha('a')}`,
      ].join('\n'),
    );
    expect(graph.size).toBe(4);
    expect([0, 1, 2, 3].map((i) => graph.sha(i)[0])).toEqual(['c', 'a', 'e', 'b']);
    expect(graph.id(sha('e'))).toBe(2);
    expect(graph.id(sha('9'))).toBeUndefined();
    expect(graph.id('e')).toBeUndefined();
    expect(graph.firstParent(2)).toBe(0);
    expect(graph.parentCount(2)).toBe(2);
    // the parent not in the graph is kept as absent, in its place
    expect([...graph.parentIds.subarray(graph.parentStart[2], graph.parentStart[3])]).toEqual([
      0, -1,
    ]);
    const back = CommitGraph.decode(graph.encode());
    expect(back).not.toBeNull();
    for (const g of [graph, back as CommitGraph]) {
      expect(['a', 'b', 'c', 'e', 'f'].map((c) => g.id(sha(c)))).toEqual([1, 3, 0, 2, undefined]);
      expect(dateWalk(g, sha('e')).map((s) => s[0])).toEqual(['e', 'c', 'a']);
    }
    // an unaligned copy reads the same; foreign bytes are no graph
    const bytes = graph.encode();
    const unaligned = new Uint8Array(bytes.length + 1).subarray(1);
    unaligned.set(bytes);
    expect(CommitGraph.decode(unaligned)?.id(sha('b'))).toBe(3);
    expect(CommitGraph.decode(Buffer.from('not a graph at all'))).toBeNull();
  });

  it('breaks date ties by the smaller SHA, after appends too', () => {
    const g = CommitGraph.fromNodes([
      [sha('8'), { parents: [], time: 1 }],
      [sha('3'), { parents: [], time: 1 }],
    ]).withRevList(`5 ${sha('d')} ${sha('8')} ${sha('5')} ${sha('3')}\n1 ${sha('5')}`);
    expect(dateWalk(g, sha('d')).map((s) => s[0])).toEqual(['d', '3', '5', '8']);
  });
});

describe('caches in the store', () => {
  it('reports the same from the parsed-note cache; only plain notes are cached', async () => {
    const repo = TestRepo.create();
    repo.commit('notes', {
      [note('plain-0000000000000001')]: fixNote('plain'),
      [note('prelude-0000000000000002')]: 'prelude: >\n  Folded\n  text.\nfixes: one\n',
      [note('odd-0000000000000003')]: 'others: x\nfixes: [1, yes, "ok"]\n',
      [note('dated-0000000000000004')]: 'fixes:\n  - 2024-01-02\n',
    });
    repo.tag('1.0.0');
    const cold = await notes(repo, 'report', ['--ignore-cache']);
    const first = await notes(repo, 'report');
    const warm = await notes(repo, 'report');
    for (const r of [first, warm]) {
      expect(r.stdout).toBe(cold.stdout);
      expect(r.stderr).toBe(cold.stderr);
    }
    expect(cold.stderr).toContain('The others section of');
    expect(cold.stderr).toContain('The item 1 in the fixes section of');
    const db = new Database(storeFor(repo), { readonly: true });
    const cached = db.prepare('SELECT entries FROM notes_parsed').all() as { entries: string }[];
    db.close();
    // a note with a number, a boolean or a date is parsed again each time
    expect(cached.map((r) => r.entries).sort()).toEqual([
      '[["fixes",["plain"]]]',
      '[["prelude","Folded text.\\n"],["fixes","one"]]',
    ]);
  });

  it('follows new commits and tags after the history was cached', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { [note('one-0000000000000001')]: fixNote('one') });
    repo.tag('1.0.0');
    await notes(repo, 'report');
    repo.branch('topic').checkout('topic');
    repo.commit('side', { [note('side-0000000000000002')]: fixNote('side') });
    repo.checkout('master');
    repo.commit('two', { [note('two-0000000000000003')]: fixNote('two') });
    repo.merge('topic');
    repo.tag('2.0.0');
    const warm = await notes(repo, 'report', ['--no-show-source']);
    const cold = await notes(repo, 'report', ['--no-show-source', '--ignore-cache']);
    // the cached graph reads back, with every commit of both runs (one, side, two, the merge)
    const db = new Database(storeFor(repo), { readonly: true });
    const row = db.prepare('SELECT graph FROM notes_history').get() as { graph: Buffer };
    db.close();
    expect(CommitGraph.decode(row.graph)?.size).toBe(4);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stdout).toContain('2.0.0\n=====');
    expect(warm.stdout).toContain('- side\n');
  });

  it('answers an unchanged repository from the scan memo, and rescans after any change', async () => {
    const repo = TestRepo.create();
    repo.commit('one', { [note('one-0000000000000001')]: fixNote('one') });
    repo.tag('1.0.0');
    const first = await notes(repo, 'report', ['--no-show-source']);
    // a memo hit does not read the history: a broken history row changes nothing
    const db = new Database(storeFor(repo));
    db.prepare("UPDATE notes_history SET graph = x'00'").run();
    expect((db.prepare('SELECT count(*) AS n FROM notes_scans').get() as { n: number }).n).toBe(1);
    db.close();
    expect((await notes(repo, 'report', ['--no-show-source'])).stdout).toBe(first.stdout);
    // a staged note (the work-tree status), a commit (the head) and a tag (the refs) are seen at once
    repo.write(note('two-0000000000000002'), fixNote('two'));
    repo.git('add', '-A');
    expect((await notes(repo, 'report', ['--no-show-source'])).stdout).toContain('- two\n');
    repo.commit('two');
    const afterCommit = await notes(repo, 'report', ['--no-show-source']);
    expect(afterCommit.stdout).toContain('1.0.0-1\n');
    repo.git('tag', '2.0.0');
    const tagged = await notes(repo, 'report', ['--no-show-source']);
    expect(tagged.stdout).toContain('2.0.0\n=====');
    expect(tagged.stdout).toBe(
      (await notes(repo, 'report', ['--no-show-source', '--ignore-cache'])).stdout,
    );
  });
});
