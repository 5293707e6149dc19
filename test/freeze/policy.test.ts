import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { calendarInput } from '../../src/calendar/input.js';
import { scheduleEvents } from '../../src/calendar/events.js';
import { RefusedError, UsageError } from '../../src/core/errors.js';
import { openDataSources } from '../../src/data/sources.js';
import { parseDeliverable } from '../../src/data/releases/deliverables.js';
import { classifyChange } from '../../src/freeze/plan-classify.js';
import { draftMinus2 } from '../../src/freeze/plan-draft.js';
import { planFreezeWindow } from '../../src/freeze/plan-window.js';
import { loadGerritCredentials } from '../../src/sources/gerrit/credentials.js';
import { bugFooters, parseChangePage } from '../../src/sources/gerrit/parse.js';
import { explainReviewError } from '../../src/sources/gerrit/review.js';
import { parseJsonBody } from '../../src/sources/http/body.js';
import { RELEASES_DIR } from '../helpers/shared-data.js';
import { sample, sampleJson } from '../helpers/service-stub.js';
import { tempDir } from '../helpers/tmp.js';

const rcBugs = new Map([[2157431, { id: 2157431, why: 'tagged hibiscus-rc-potential' }]]);

describe('open changes (recorded Gerrit shapes)', () => {
  test("the wire form parses after the )]}' line; fields the guard needs are read", () => {
    const page = parseChangePage(parseJsonBody(sample('gerrit-open-changes-stable.txt'), 'x'));
    // the recorded page was asked with n=6 and more exist: the last element says so
    expect(page.more).toBe(true);
    const c = page.changes.find((x) => x.number === 998431);
    expect(c).toMatchObject({
      project: 'openstack/glance',
      branch: 'stable/2026.2',
      owner: { username: 'afernsby' },
    });
    expect(typeof c?.patchset).toBe('number');
    expect(c?.message).toMatch(/Closes-Bug: #2157431/);
    expect(page.changes.find((x) => x.number === 1000377)?.codeReviewRejectedBy).toBe('ravery');
    expect(page.changes.find((x) => x.number === 1000233)?.updated).toBe(
      '2026-09-16T09:12:40.118Z',
    );
  });

  test('classification of every sample change, with the reason', () => {
    const page = parseChangePage(sampleJson('gerrit-open-changes-stable.json'));
    const got = Object.fromEntries(page.changes.map((c) => [c.number, classifyChange(c, rcBugs)]));
    expect(got[1000233]).toEqual({
      class: 'automated',
      reason: 'release bot: .gitreview update for the new branch',
    });
    expect(got[1000234]).toEqual({
      class: 'automated',
      reason: 'release bot: constraints URL update for the new branch',
    });
    expect(got[1000235]?.class).toBe('automated');
    expect(got[1000498]).toEqual({
      class: 'automated',
      reason: 'translation import by the proposal bot (proposal-bot)',
    });
    expect(got[998431]).toEqual({
      class: 'release-critical',
      reason: 'Closes-Bug #2157431, tagged hibiscus-rc-potential',
    });
    expect(got[1000377]).toEqual({
      class: 'other',
      reason: 'neither an automated update nor a fix for a release-critical bug',
    });
  });

  test('identity is the owner: a person using a bot subject is not automated; a bug that is not release-critical does not count', () => {
    const page = parseChangePage(sampleJson('gerrit-open-changes-stable.json'));
    const bot = page.changes.find((c) => c.number === 1000498)!;
    const human = { ...bot, owner: { username: 'mallory' } };
    expect(classifyChange(human, rcBugs)).toEqual({
      class: 'other',
      reason: 'subject of an automated update, but owned by mallory, not a bot',
    });
    const fix = page.changes.find((c) => c.number === 998431)!;
    expect(classifyChange(fix, new Map())).toEqual({
      class: 'other',
      reason: 'Closes-Bug #2157431: not a release-critical bug',
    });
    const related = { ...fix, message: 'Fix\n\nRelated-Bug: 2157431\nChange-Id: I1\n' };
    expect(classifyChange(related, rcBugs).class).toBe('release-critical');
  });

  test('bug footers: Closes/Partial/Related, any case, lists; prose mentions do not count', () => {
    expect(
      bugFooters(
        'x\n\ncloses-bug: #1, #2\nPartial-Bug: 3\nRelated-Bug:#4\nThis closes-bug: #9 in prose\n',
      ),
    ).toEqual({
      closes: [1, 2],
      partial: [3],
      related: [4],
    });
  });
});

describe('the -2 message and Gerrit errors', () => {
  test('a polite, procedural message naming the branch, the end date, the tag and what to do', () => {
    const base = {
      stableBranch: 'stable/2026.2',
      seriesTitle: 'Hibiscus',
      rcTag: 'hibiscus-rc-potential',
      finalDate: '2026-09-30',
      channel: '#openstack-glance',
    };
    const stable = draftMinus2({ ...base, branch: 'stable/2026.2' });
    expect(stable.split('\n')[0]).toBe(
      'Code-Review-2: stable/2026.2 is frozen for the Hibiscus RC period until the Hibiscus final release on Wed 30 Sep 2026.',
    );
    expect(stable).toMatch(/procedural, not a judgement of the change/);
    expect(stable).toMatch(
      /add a Closes-Bug footer, make sure the bug is tagged hibiscus-rc-potential, and ask in #openstack-glance/,
    );
    expect(draftMinus2({ ...base, branch: 'master' })).toMatch(
      /^Code-Review-2: master is held for the Hibiscus RC period .* backport cleanly to stable\/2026\.2\./,
    );
  });

  test('the 403 of a -2 the account may not give is explained', () => {
    const text = explainReviewError(403, sample('gerrit-error-403-label.txt'), 'stable/2026.2');
    expect(text).toBe(
      'your account may not vote Code-Review -2 on stable/2026.2 (HTTP 403) (Gerrit said: "Applying label "Code-Review": -2 is restricted"); ask a core reviewer or the PTL to block it, or set Review-Priority -1',
    );
    expect(explainReviewError(401, 'Unauthorized\n', 'master')).toMatch(
      /^Gerrit rejected the credentials \(HTTP 401\)/,
    );
    expect(explainReviewError(409, 'change is closed', 'master')).toMatch(
      /closed or changed meanwhile/,
    );
  });
});

describe('RC discipline (real release data and schedule)', () => {
  const data = openDataSources({ releasesRepo: RELEASES_DIR });
  const input = calendarInput(data.releases);
  const gazpachoText = readFileSync(
    join(RELEASES_DIR, 'deliverables/gazpacho/glance.yaml'),
    'utf8',
  );
  // gazpacho's file as it stood before its final release: the last entry (32.0.0) removed
  const beforeFinal = gazpachoText.replace(
    /\n {2}- version: 32\.0\.0\n[\s\S]*?diff-start: 31\.0\.0\n/,
    '\n',
  );
  const window = (
    text: string,
    today: string,
    rcDate?: Parameters<typeof planFreezeWindow>[0]['rcDate'],
  ) =>
    planFreezeWindow({
      series: 'gazpacho',
      seriesId: '2026.1',
      events: scheduleEvents(input, 'gazpacho'),
      deliverables: [parseDeliverable(text, 'deliverables/gazpacho/glance.yaml')],
      today,
      ...(rcDate ? { rcDate } : {}),
    });

  test('gazpacho: two RCs, active between RC1 and the final release, final-RC deadline from the schedule', () => {
    expect(beforeFinal).not.toMatch(/version: 32\.0\.0\n/);
    const w = window(beforeFinal, '2026-03-20');
    expect(w).toMatchObject({
      active: true,
      phase: 'rc-period',
      rcCount: 2,
      stableBranch: 'stable/2026.1',
      finalDate: '2026-04-01',
    });
    expect(w.rc1Date).toMatch(/^2026-03-1\d$/);
    expect(w.finalRcDeadline).toMatch(/^2026-03-2\d$/);
    expect(w.lastRc?.version).toBe('32.0.0.0rc2');
    // with the real file (final released) the freeze is over
    expect(window(gazpachoText, '2026-03-20')).toMatchObject({ active: false, phase: 'released' });
    const onlyBeta = beforeFinal.replace(/\n {2}- version: 32\.0\.0\.0rc1[\s\S]*$/, '\n');
    expect(onlyBeta).not.toMatch(/rc\d/);
    expect(window(onlyBeta, '2026-02-20')).toMatchObject({
      active: false,
      phase: 'before-rc1',
      rcCount: 0,
    });
  });

  test('warnings: above three RCs, the final-RC deadline passed, time since the last RC', () => {
    const more = beforeFinal.replace(
      /(version: 32\.0\.0\.0rc2\n {4}projects:\n {6}- repo: openstack\/glance\n {8}hash: \w+\n)/,
      '$1  - version: 32.0.0.0rc3\n    projects:\n      - repo: openstack/glance\n        hash: aaaaaaa\n  - version: 32.0.0.0rc4\n    projects:\n      - repo: openstack/glance\n        hash: bbbbbbb\n',
    );
    const dates: Record<string, string> = {
      '32.0.0.0rc1': '2026-03-12',
      '32.0.0.0rc2': '2026-03-19',
      '32.0.0.0rc3': '2026-03-24',
      '32.0.0.0rc4': '2026-03-27',
    };
    const w = window(more, '2026-03-30', (_d, v) =>
      dates[v] ? { date: dates[v], source: 'test' } : undefined,
    );
    expect(w.rcCount).toBe(4);
    expect(w.lastRc).toMatchObject({ version: '32.0.0.0rc4', date: '2026-03-27' });
    expect(w.daysSinceLastRc).toBe(3);
    expect(w.warnings.join('\n')).toMatch(/4 RCs so far: more than the 3 the team aims for/);
    expect(w.warnings.join('\n')).toMatch(/the final-RC deadline \(2026-03-2\d\) has passed/);
  });
});

describe('Gerrit credentials', () => {
  test('from the environment (both or neither)', () => {
    expect(
      loadGerritCredentials({ LIAISON_GERRIT_USER: 'u', LIAISON_GERRIT_PASSWORD: 'p' }, '/'),
    ).toMatchObject({ username: 'u', password: 'p' });
    expect(() => loadGerritCredentials({ LIAISON_GERRIT_USER: 'u' }, '/')).toThrow(UsageError);
  });

  test('a 0600 file is read; a group- or world-readable one is refused; a missing one says what to do', () => {
    const dir = tempDir();
    const file = join(dir, 'creds');
    writeFileSync(file, '# mine\nusername=rowan\npassword=s3cret\n');
    chmodSync(file, 0o600);
    expect(loadGerritCredentials({}, dir, file)).toEqual({
      username: 'rowan',
      password: 's3cret',
      origin: file,
    });
    chmodSync(file, 0o644);
    expect(() => loadGerritCredentials({}, dir, file)).toThrow(RefusedError);
    expect(() => loadGerritCredentials({}, dir, file)).toThrow(
      /readable by other users \(mode 644\).*chmod 600/,
    );
    chmodSync(file, 0o640);
    expect(() => loadGerritCredentials({}, dir, file)).toThrow(/mode 640/);
    expect(() => loadGerritCredentials({}, dir, join(dir, 'none'))).toThrow(
      /no Gerrit credentials: set LIAISON_GERRIT_USER/,
    );
    writeFileSync(file, 'user=rowan\n');
    chmodSync(file, 0o600);
    expect(() => loadGerritCredentials({}, dir, file)).toThrow(
      /creds:1: expected "username=…" or "password=…"/,
    );
  });
});
