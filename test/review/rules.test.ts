import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeAfterDate, parseTopic } from '../../src/review/plan-deadline.js';
import { analyseFile, versionJump } from '../../src/review/plan-diff.js';
import {
  codeReviewVotes,
  decodeFileContent,
  parseFileList,
  parseReleaseChange,
} from '../../src/review/read-gerrit.js';
import { acknowledgement, makeRoster, roleOf } from '../../src/review/plan-people.js';
import { parseChangeArg, reviewQuery } from '../../src/review/plan-query.js';
import { featureSignal } from '../../src/review/read-ships.js';
import { RELEASES_DIR } from '../helpers/shared-data.js';
import { appendRelease, fixtureChanges } from './scenario.js';

const SERIES = ['indri', 'hibiscus', 'gazpacho', 'flamingo'];

describe('topics and merge deadlines', () => {
  it('reads the milestone, RC and final topics of the release team', () => {
    expect(parseTopic('hibiscus-milestone-1', SERIES)).toEqual({
      series: 'hibiscus',
      label: 'h-1',
    });
    expect(parseTopic('indri-milestone-2', SERIES)).toEqual({ series: 'indri', label: 'i-2' });
    expect(parseTopic('hibiscus-rc1', SERIES)).toEqual({ series: 'hibiscus', label: 'h-rc1' });
    expect(parseTopic('hibiscus-rc2', SERIES)).toEqual({ series: 'hibiscus', label: 'h-finalrc' });
    expect(parseTopic('hibiscus-final', SERIES)).toEqual({
      series: 'hibiscus',
      label: 'h-finalrc',
    });
    expect(parseTopic('stable-releases', SERIES)).toBeUndefined();
    expect(parseTopic('zebra-milestone-1', SERIES)).toBeUndefined();
    expect(parseTopic(undefined, SERIES)).toBeUndefined();
  });

  it('takes the date of "it will be merged after <date>" in ISO form or in words', () => {
    expect(
      mergeAfterDate(['If the patch gets no response, it will be merged after 2026-05-14.']),
    ).toBe('2026-05-14');
    expect(mergeAfterDate(['…it will be merged after May 14th, 2026.'])).toBe('2026-05-14');
    expect(mergeAfterDate(['…it will be\nmerged after\n14 May 2026'])).toBe('2026-05-14'); // bodies wrap at 72 columns
    expect(mergeAfterDate(['…it will be merged after Thursday, May 14.'], 2026)).toBe('2026-05-14');
    expect(mergeAfterDate(['no deadline here', 'merged after 2026-09-24'])).toBe('2026-09-24');
    expect(mergeAfterDate(['it will be merged after the deadline'])).toBeUndefined();
  });
});

describe('versions', () => {
  it('classifies the step from the previous release by semantic-version rules', () => {
    expect(versionJump('4.12.0', '4.13.0')).toBe('minor');
    expect(versionJump('5.6.0', '5.6.1')).toBe('patch');
    expect(versionJump('32.0.0', '33.0.0.0b1')).toBe('pre-release');
    expect(versionJump('33.0.0.0rc2', '33.0.0')).toBe('final');
    expect(versionJump('4.12.0', '5.0.0')).toBe('major');
    expect(versionJump('4.12.0', '4.12.0')).toBe('same-or-lower');
    expect(versionJump(undefined, '0.1.0')).toBe('first');
    expect(versionJump('0.16.0', '2026.2-last')).toBe('lifecycle');
    expect(versionJump('1.0.0', 'banana')).toBe('unknown');
  });

  it('finds the appended release, added branches and edits of released entries in real files', () => {
    const path = 'deliverables/gazpacho/glance-store.yaml';
    const old = readFileSync(join(RELEASES_DIR, path), 'utf8');
    const added = appendRelease(old, '5.4.1', 'openstack/glance_store', 'a'.repeat(40));
    expect(added.split('\n').filter((l, i) => l !== old.split('\n')[i]).length).toBeGreaterThan(0);
    const a = analyseFile({ path, status: 'M' }, { text: old }, { text: added }, 'patch set 1');
    expect(a?.added.map((r) => r.version)).toEqual(['5.4.1']);
    expect(a?.problem).toBeNull();
    expect(a?.team).toBe('glance');
    const edited = analyseFile(
      { path, status: 'M' },
      { text: old },
      { text: old.replace('032d273acc57f9010123f184cb112979f37391a5', 'b'.repeat(40)) },
      'patch set 1',
    );
    expect(edited?.editedReleases).toEqual(['5.4.0']);
    const broken = analyseFile(
      { path, status: 'M' },
      { text: old },
      { text: 'releases: [\n' },
      'patch set 2',
    );
    expect(broken?.problem).toMatch(
      /^deliverables\/gazpacho\/glance-store\.yaml at patch set 2: does not parse/,
    );
    expect(
      analyseFile(
        { path: 'doc/source/index.rst', status: 'M' },
        undefined,
        undefined,
        'patch set 1',
      ),
    ).toBeUndefined();
  });
});

describe('Gerrit shapes', () => {
  it('reads a release change: created time, revision, votes from DETAILED_LABELS', () => {
    const r = parseReleaseChange(fixtureChanges()[0], 'c[0]');
    expect(r).toMatchObject({
      number: 960001,
      project: 'openstack/releases',
      topic: 'hibiscus-milestone-3',
      created: '2026-08-21T10:02:13.000Z',
      patchset: 1,
    });
    expect(r.votes).toEqual([
      {
        account: { name: 'Pranali Deore', email: 'pdeore@redhat.com', username: 'pdeore' },
        value: 1,
      },
    ]);
    expect(r.message).toContain('Generated-By: openstack/releases:tools/process_auto_releases.sh');
    expect(r.messages.every((m) => !m.text.startsWith('Uploaded patch set'))).toBe(true); // autogenerated messages left out
  });

  it('completes the LABELS summary with the latest vote message of each reviewer', () => {
    const votes = codeReviewVotes({
      labels: { 'Code-Review': { recommended: { name: 'A', email: 'a@x.org' } } },
      messages: [
        { author: { name: 'B', email: 'b@x.org' }, message: 'Patch Set 1: Code-Review+1' },
        { author: { name: 'C', email: 'c@x.org' }, message: 'Patch Set 1: Code-Review-1\n\nwait' },
        { author: { name: 'C', email: 'c@x.org' }, message: 'Patch Set 2: -Code-Review' },
        { author: { name: 'A', email: 'a@x.org' }, message: 'Patch Set 2: Code-Review+1' },
      ],
    });
    expect(votes.map((v) => [v.account.name, v.value])).toEqual([
      ['A', 1],
      ['B', 1],
    ]);
  });

  it('lists files without the magic paths and decodes base64 content', () => {
    expect(
      parseFileList(
        { '/COMMIT_MSG': { status: 'A' }, 'deliverables/x/y.yaml': { status: 'D' }, 'a.yaml': {} },
        'f',
      ),
    ).toEqual([
      { path: 'deliverables/x/y.yaml', status: 'D' },
      { path: 'a.yaml', status: 'M' },
    ]);
    expect(decodeFileContent(Buffer.from('team: glance\n').toString('base64'), 'f')).toBe(
      'team: glance\n',
    );
    expect(() => decodeFileContent('<html>oops</html>', 'f')).toThrow(/not base64/);
  });

  it('builds the query by file path and reads change numbers from URLs', () => {
    expect(reviewQuery(['glance', 'glance-store'])).toBe(
      'project:openstack/releases is:open (file:^deliverables/[^/]+/glance[.]yaml OR file:^deliverables/[^/]+/glance-store[.]yaml)',
    );
    expect(parseChangeArg('960001')).toBe(960001);
    expect(parseChangeArg('https://review.opendev.org/c/openstack/releases/+/960001')).toBe(960001);
    expect(parseChangeArg('https://review.opendev.org/c/openstack/releases/+/960001/2')).toBe(
      960001,
    );
    expect(parseChangeArg('https://review.opendev.org/#/c/960001/')).toBe(960001);
    expect(parseChangeArg('glance')).toBeUndefined();
  });
});

describe('people and features', () => {
  const roster = makeRoster({
    ptl: ['cyril@redhat.com'],
    liaisons: ['PDeore@redhat.com'],
    releaseTeam: ['elod.illes@est.tech'],
  });

  it('classifies proposers by e-mail (case-insensitive) and by the release tools trailer', () => {
    expect(roleOf({ email: 'cyril@redhat.com' }, roster)).toBe('ptl');
    expect(roleOf({ email: 'pdeore@REDHAT.com' }, roster)).toBe('liaison');
    expect(roleOf({ email: 'elod.illes@est.tech' }, roster)).toBe('release-team');
    expect(
      roleOf(
        { email: 'someone@else.org' },
        roster,
        'x\n\nGenerated-By: openstack/releases:tools/process_auto_releases.sh\n',
      ),
    ).toBe('release-team');
    expect(roleOf({ name: 'no mail' }, roster)).toBe('other');
  });

  it('applies the approval rule: owned by, or +1 from, the PTL or a liaison; a -1 from them holds', () => {
    expect(acknowledgement({ email: 'cyril@redhat.com' }, [], roster, '')).toEqual({
      acknowledged: true,
      held: false,
    });
    expect(
      acknowledgement(
        { email: 'x@y.org' },
        [{ account: { email: 'pdeore@redhat.com' }, value: 1 }],
        roster,
        '',
      ),
    ).toEqual({ acknowledged: true, held: false });
    expect(
      acknowledgement(
        { email: 'x@y.org' },
        [{ account: { email: 'z@y.org' }, value: 2 }],
        roster,
        '',
      ),
    ).toEqual({ acknowledged: false, held: false });
    expect(
      acknowledgement(
        { email: 'x@y.org' },
        [{ account: { email: 'cyril@redhat.com' }, value: -1 }],
        roster,
        '',
      ),
    ).toEqual({ acknowledged: false, held: true });
  });

  it('sees features in Sem-Ver and blueprint footers only', () => {
    expect(featureSignal('Add x\n\nSem-Ver: feature\n')).toBe('Sem-Ver: feature');
    expect(featureSignal('Add x\n\nImplements: blueprint multi-store\n')).toBe(
      'Implements: blueprint multi-store',
    );
    expect(featureSignal('Add x\n\nPartially-Implements: bp foo\n')).toBe(
      'Partially-Implements: blueprint foo',
    );
    expect(featureSignal('Add unit tests for the feature\n\nCloses-Bug: #1\n')).toBeNull();
  });
});
