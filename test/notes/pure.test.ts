import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRenoConfig, RENO_DEFAULTS } from '../../src/data/reno/config.js';
import { parseNoteText, pySplitLines, pyTitle, uidOf } from '../../src/data/reno/note-file.js';
import { PyRegex } from '../../src/data/reno/py-regex.js';
import { changesOfRawEntry, parseRawLog, parseStatus } from '../../src/notes/scanner/git-facts.js';
import { VersionRules, sameFirstThree } from '../../src/notes/scanner/versions.js';
import { CommitGraph } from '../../src/notes/scanner/graph.js';
import { dateWalk, describe as describeHead, stackWalk } from '../../src/notes/scanner/walks.js';
import { tempDir } from '../helpers/tmp.js';

describe('note files', () => {
  it('takes the UID from the name as reno does', () => {
    expect(uidOf('releasenotes/notes/bug-2138602-5720ad2e501b9e57.yaml')).toBe('5720ad2e501b9e57');
    expect(
      uidOf('fix-glance-manage-db-attribute-error-8fb90616030e4e2a9fcd12c1bd32e9bc.yaml'),
    ).toBe('9fcd12c1bd32e9bc');
    expect(uidOf('cache-clean-prune-api-endpoints.yaml')).toBe('cache-clean-prun');
  });

  it('reads YAML 1.1: yes is a boolean, the last duplicate key wins', () => {
    const parsed = parseNoteText('fixes: [a]\nfixes: [b]\nother: yes\n', 'n.yaml', RENO_DEFAULTS);
    expect(parsed.content.get('fixes')).toEqual(['b']);
    expect(parsed.content.get('other')).toBe(true);
    expect(parsed.warnings).toEqual([
      'The other section of n.yaml does not parse as a string or list of strings. Is the YAML input escaped properly?',
    ]);
    expect(parseNoteText('fixes: one fix\n', 'n.yaml', RENO_DEFAULTS).content.get('fixes')).toEqual(
      ['one fix'],
    );
  });

  it('splits lines and titles words like Python', () => {
    expect(pySplitLines('a\nb\r\nc\rd\u2028e\n')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(pySplitLines('a\n\nb')).toEqual(['a', '', 'b']);
    expect(pyTitle('release summary')).toBe('Release Summary');
    expect(pyTitle('PRELUDE 2nd')).toBe('Prelude 2Nd');
  });
});

describe('versions', () => {
  const rules = new VersionRules(RENO_DEFAULTS, []);
  it('matches release tags at the start only (verbose regex with a comment)', () => {
    for (const t of [
      '1.0.0',
      '2024.1-eom',
      '2013.1.g3',
      'banana',
      'bogus-tag',
      'v2.0.1-foo',
      '12.0.0.0rc1',
    ])
      expect(rules.releaseTag.matches(t), t).toBe(true);
    for (const t of ['juno-eol', 'ocata-em', 'victoria-eom', 'xyz'])
      expect(rules.releaseTag.matches(t), t).toBe(false);
  });

  it('strips pre-release parts by the regex group', () => {
    expect(rules.stripPreRelease('12.0.0.0rc1')).toBe('12.0.0');
    expect(rules.stripPreRelease('1.0.0.0b1')).toBe('1.0.0');
    expect(rules.stripPreRelease('2.0.0rc1')).toBe('2.0');
    expect(rules.stripPreRelease('11.0.0a0')).toBe('11.0');
    expect(rules.stripPreRelease('1.0.0')).toBe('1.0.0');
    expect(sameFirstThree('31.0.0.0b2', '31.0.0')).toBe(true);
    expect(sameFirstThree('31.0.0', '30.0.0')).toBe(false);
  });

  it('orders the tags of one commit by date, pre-releases first', () => {
    const r = new VersionRules(RENO_DEFAULTS, [
      { name: '28.0.1', commit: 'c', date: 20 },
      { name: '28.0.0', commit: 'c', date: 10 },
      { name: '28.0.0.0rc1', commit: 'c', date: 30 },
      { name: 'foo-eol', commit: 'c', date: 5 },
    ]);
    expect(r.versionTagsOn('c')).toEqual(['28.0.0.0rc1', '28.0.0', '28.0.1']);
  });

  it('converts Python named groups and verbose whitespace', () => {
    expect(new PyRegex('(?P<x> a b ) # comment\n (?P=x)').search.source).toBe('(?<x>ab)\\k<x>');
    expect(new PyRegex('[ #]x').search.source).toBe('[ #]x');
  });
});

describe('walks', () => {
  const nodes = new Map([
    ['d', { parents: ['b', 'c'], time: 4 }],
    ['c', { parents: ['a'], time: 2 }],
    ['b', { parents: ['a'], time: 2 }],
    ['a', { parents: [], time: 1 }],
  ]);
  const graph = CommitGraph.fromNodes(nodes);
  it('date walk: newest first, ties by smallest SHA', () => {
    expect([...dateWalk(graph, 'd')]).toEqual(['d', 'b', 'c', 'a']);
  });
  it('stack walk: the merged-in side first, a commit after all its children', () => {
    expect([...stackWalk(graph, 'd', () => false)]).toEqual(['d', 'c', 'b', 'a']);
    // a null merge: the merge and its other parent are skipped
    expect([...stackWalk(graph, 'd', () => true)]).toEqual(['b', 'a']);
    // with two commits on the side, the fork point keeps an unemitted child: the walk ends
    const longer = CommitGraph.fromNodes(
      new Map([
        ...nodes,
        ['d', { parents: ['b', 'e'], time: 4 }],
        ['e', { parents: ['c'], time: 3 }],
      ]),
    );
    expect([...stackWalk(longer, 'd', () => true)]).toEqual(['b']);
  });
  it('describe follows first parents', () => {
    expect(describeHead(graph, 'd', (s) => (s === 'a' ? ['1.0'] : []))).toBe('1.0-2');
    expect(describeHead(graph, 'd', () => [])).toBe('0.0.0');
  });
});

describe('git output parsing', () => {
  it('reads plain and combined raw entries', () => {
    const z = '0'.repeat(40);
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    expect(changesOfRawEntry(`:000000 100644 ${z} ${a} A`, 'n/x.yaml')).toEqual([
      { kind: 'add', path: 'n/x.yaml', blob: a },
    ]);
    expect(changesOfRawEntry(`:100644 000000 ${a} ${z} D`, 'n/x.yaml')).toEqual([
      { kind: 'delete', path: 'n/x.yaml', blob: a },
    ]);
    expect(changesOfRawEntry(`::100644 100644 100644 ${a} ${b} ${a} MM`, 'n/x.yaml')).toHaveLength(
      2,
    );
    // a merge deleting a file both parents had unchanged is not a conflict
    expect(changesOfRawEntry(`::100644 100644 000000 ${a} ${a} ${z} DD`, 'n/x.yaml')).toEqual([]);
    const log = `\x01${'1'.repeat(40)}\0\0\x01${'2'.repeat(40)}\0\n:000000 100644 ${z} ${a} A\0n/x.yaml\0`;
    expect([...parseRawLog(log).keys()]).toEqual(['2'.repeat(40)]);
  });
  it('reads porcelain v2 status: unstaged first, then staged adds, modifies, deletes', () => {
    const out = [
      '1 .M N... 100644 100644 100644 x y n/a.yaml',
      '1 A. N... 000000 100644 100644 x y n/b.yaml',
      '1 D. N... 100644 000000 000000 x y n/c.yaml',
      '1 M. N... 100644 100644 100644 x y n/d.yaml',
    ].join('\0');
    expect(parseStatus(out).map((c) => `${c.kind} ${c.path}`)).toEqual([
      'add n/a.yaml',
      'add n/b.yaml',
      'modify n/d.yaml',
      'delete n/c.yaml',
    ]);
  });
});

describe('reno config', () => {
  it('reads releasenotes/config.yaml before reno.yaml, never both, then CLI overrides', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'releasenotes'));
    writeFileSync(join(dir, 'reno.yaml'), 'default_branch: main\n');
    writeFileSync(
      join(dir, 'releasenotes/config.yaml'),
      'collapse_pre_releases: no\nearliest_version: 1.0.0\nbogus: 1\n',
    );
    const loaded = loadRenoConfig(dir, 'releasenotes', { earliestVersion: '2.0.0' });
    expect(loaded.file).toBe(join(dir, 'releasenotes/config.yaml'));
    expect(loaded.config).toMatchObject({
      collapsePreReleases: false,
      earliestVersion: '2.0.0',
      defaultBranch: 'master',
    });
    expect(loaded.warnings).toEqual([
      `${join(dir, 'releasenotes/config.yaml')}: ignoring unknown configuration value bogus`,
    ]);
    expect(loadRenoConfig(tempDir()).config).toEqual(RENO_DEFAULTS);
  });
});
