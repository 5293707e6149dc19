import { describe, expect, it } from 'vitest';
import { TestRepo } from '../helpers/git-repo.js';
import { fixNote, listed, note } from './helpers.js';

// Scenarios of reno-semantics.md (appendix), each checked against reno 4.1.

describe('note attribution', () => {
  it('keeps an edited note under its first version with the new text, drops a deleted one, follows a rename', async () => {
    const repo = TestRepo.create();
    const c1 = repo.commit('add A and D', {
      [note('a-aaaaaaaaaaaaaaaa')]: fixNote('A one'),
      [note('d-dddddddddddddddd')]: fixNote('D'),
    });
    repo.tag('1.0.0');
    repo.commit('add B', { [note('b-bbbbbbbbbbbbbbbb')]: fixNote('B') });
    repo.tag('1.1.0');
    const c3 = repo.commit('edit A', { [note('a-aaaaaaaaaaaaaaaa')]: fixNote('A two') });
    repo.commit('delete D', { [note('d-dddddddddddddddd')]: null });
    repo.git('mv', note('b-bbbbbbbbbbbbbbbb'), note('b-renamed-bbbbbbbbbbbbbbbb'));
    const c5 = repo.commit('rename B');
    const c6 = repo.commit('add C', { [note('c-cccccccccccccccc')]: fixNote('C') });
    expect(await listed(repo, { c1, c3, c5, c6 })).toBe(
      [
        '1.1.0-4',
        `\treleasenotes/notes/c-cccccccccccccccc.yaml (b'c6')`,
        '1.1.0',
        `\treleasenotes/notes/b-renamed-bbbbbbbbbbbbbbbb.yaml (b'c5')`,
        '1.0.0',
        `\treleasenotes/notes/a-aaaaaaaaaaaaaaaa.yaml (b'c3')`,
        '',
      ].join('\n'),
    );
    // an -eol tag on 1.1.0 makes a closed series branch whose base stops the scan:
    // A (added before, edited after) then has no add in the scan and disappears
    repo.git('tag', 'mytag-eol', 'HEAD~4');
    expect(await listed(repo, { c1, c3, c5, c6 })).toBe(
      [
        '1.1.0-4',
        `\treleasenotes/notes/c-cccccccccccccccc.yaml (b'c6')`,
        '1.1.0',
        `\treleasenotes/notes/b-renamed-bbbbbbbbbbbbbbbb.yaml (b'c5')`,
        '',
      ].join('\n'),
    );
  });

  it('lists a deleted and re-added note under its first version with the re-added text; counts subfolders, not .yml', async () => {
    const repo = TestRepo.create();
    repo.commit('add', {
      [note('x-1111111111111111')]: fixNote('first'),
      'releasenotes/notes/sub/s-2222222222222222.yaml': fixNote('sub'),
      'releasenotes/notes/y-3333333333333333.yml': fixNote('yml'),
    });
    repo.tag('1.0.0');
    repo.commit('delete', { [note('x-1111111111111111')]: null });
    repo.tag('2.0.0');
    const c3 = repo.commit('re-add', { [note('x-1111111111111111')]: fixNote('again') });
    repo.tag('3.0.0');
    const out = await listed(repo, { c1: repo.git('rev-parse', 'HEAD~2'), c3 });
    expect(out).toBe(
      [
        '1.0.0',
        `\treleasenotes/notes/sub/s-2222222222222222.yaml (b'c1')`,
        `\treleasenotes/notes/x-1111111111111111.yaml (b'c3')`,
        '',
      ].join('\n'),
    );
  });

  it('handles odd tags: any tag starting like a version is one; pre-releases fold into a tagged final only', async () => {
    const repo = TestRepo.create();
    const labels: Record<string, string> = {};
    const step = (label: string, tag: string) => {
      labels[label] = repo.commit(label, {
        [note(`${label}-${label.padStart(16, '0').slice(-16)}`)]: fixNote(label),
      });
      repo.tag(tag);
    };
    step('b1', '1.0.0.0b1');
    step('rc1', '1.0.0.0rc1');
    step('final', '1.0.0');
    step('banana', 'banana');
    step('rc', '2.0.0rc1');
    step('twob', '2.0.0.0b1');
    step('foo', 'v2.0.1-foo');
    const out = await listed(repo, labels);
    expect(out.split('\n').filter((l) => !l.startsWith('\t'))).toEqual([
      'v2.0.1-foo',
      '2.0.0.0b1',
      '2.0.0rc1',
      'banana',
      '1.0.0',
      '',
    ]);
    const path = (label: string) => `releasenotes/notes/${label}-${label.padStart(16, '0')}.yaml`;
    expect(out).toContain(
      `1.0.0\n\t${path('b1')} (b'b1')\n\t${path('final')} (b'final')\n\t${path('rc1')} (b'rc1')\n`,
    );
    // --earliest-version on a collapsed pre-release does not stop the trimming
    const early = await listed(repo, labels, ['--earliest-version', '1.0.0.0rc1']);
    expect(early).toContain('b1-00000000000000b1.yaml');
    const apart = await listed(repo, labels, [
      '--earliest-version',
      '1.0.0.0rc1',
      '--no-collapse-pre-releases',
    ]);
    expect(apart.split('\n').filter((l) => !l.startsWith('\t'))).toEqual([
      'v2.0.1-foo',
      '2.0.0.0b1',
      '2.0.0rc1',
      'banana',
      '1.0.0',
      '1.0.0.0rc1',
      '',
    ]);
    // --version: exactly those, in the order given
    const picked = await listed(repo, labels, ['--version', 'banana', '--version', '1.0.0']);
    expect(picked.split('\n').filter((l) => !l.startsWith('\t'))).toEqual(['banana', '1.0.0', '']);
  });
});
