import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import {
  cliEnv,
  commonArgs,
  startScenario,
  stopScenario,
  type RunningScenario,
} from './scenario.js';

/**
 * Issue 13 item 7 reproduced: `liaison review` said "no merge deadline
 * known" for the release team's automatic proposals that say "will be
 * merged on Friday, …" (RC1, milestones) or "will be merged on April 1st"
 * (finals). The scenario's glance-store request gets those real wordings.
 */
let running: RunningScenario | undefined;

beforeAll(async () => {
  running = await startScenario('liaison-review-deadline-');
}, 60_000);
afterAll(() => stopScenario(running));

const run = (args: string[]) => {
  const { stub, s } = running!;
  return runCli([...args, ...commonArgs(s)], {
    env: cliEnv(stub, s),
    now: new Date('2026-08-25T08:00:00Z'),
  });
};

const original = new Map<number, string>();

/** The request's message with its deadline paragraph replaced by `paragraph`. */
function setMessage(n: number, paragraph: string): void {
  const change = running!.s.changes.find((c) => c._number === n)!;
  const revisions = change.revisions as Record<string, { commit: { message: string } }>;
  const commit = revisions[change.current_revision]!.commit;
  if (!original.has(n)) original.set(n, commit.message);
  commit.message = original.get(n)!.replace(/Please \+1[^]*?\n\n/, `${paragraph}\n\n`);
}

interface Request {
  number: number;
  mergeBy: string | null;
  mergeBySource: string | null;
}

describe('review reads the release team’s merge-deadline phrasings', () => {
  it.each([
    [
      'In any case, if the patch gets no response, then this will be merged\non Friday, August 28th.',
      '2026-08-28',
    ],
    ['This patch will be merged on August 27th.', '2026-08-27'],
    [
      'Any patches with no response will be assumed to be OK and will be\nprocessed after August 26th.',
      '2026-08-26',
    ],
  ])('%s', async (paragraph, date) => {
    setMessage(960002, paragraph);
    const sync = await run(['sync', '--only', 'review', '--json']);
    expect(sync.code, sync.stderr).toBe(0);
    const r = await run(['review', '--json', '--clones', running!.s.clones]);
    expect(r.code, r.stderr).toBe(0);
    const req = (JSON.parse(r.stdout) as { requests: Request[] }).requests.find(
      (x) => x.number === 960002,
    );
    expect(req).toMatchObject({ mergeBy: date, mergeBySource: 'body' });
    const text = await run(['review', '--clones', running!.s.clones]);
    expect(text.stdout).not.toMatch(/960002[^\n]*\n(?:[^\n]*\n){0,3}[^\n]*no merge deadline known/);
  });
});
