import type { Deliverable } from '../data/releases/deliverables.js';
import { seriesId, type Series } from '../data/releases/series.js';
import type { ChecklistItem, CheckResult } from './plan.js';

/**
 * Automatic checks: each kind looks at data the tool already has and says
 * pass, fail or unavailable, with the evidence. Kinds backed by another
 * capability (release status, release notes, goals) go through `external`,
 * which answers "not available" while that capability is missing.
 */
export const CHECK_KINDS = [
  'deliverable-released',
  'stable-branch',
  'cycle-highlights',
  'team-deadlines',
  'post-final-task',
  'libraries-released',
  'prelude',
  'goals',
];

export type ExternalCheckKind = 'libraries-released' | 'prelude' | 'goals';

/** What the checks may look at; the build step supplies it from the context. */
export interface CheckEnv {
  readonly series: Series;
  readonly next: Series | undefined;
  readonly previous: Series | undefined;
  deliverable(series: string, name: string): Deliverable | undefined;
  /** Team deadlines that apply in the series (config and the team's own schedule events). */
  readonly teamDeadlines: readonly string[];
  /** Whether a post-final task is done for the series that `newSeries` starts. */
  postFinalTask(taskId: string, newSeries: Series): Promise<CheckResult>;
  external(kind: ExternalCheckKind, item: ChecklistItem): Promise<CheckResult>;
}

export async function runCheck(item: ChecklistItem, env: CheckEnv): Promise<CheckResult | null> {
  const check = item.check;
  if (!check) return null;
  const series = env.series;
  const file = (name: string | undefined) =>
    name ? env.deliverable(series.name, name) : undefined;
  const where = (name: string) => `deliverables/${series.name}/${name}.yaml`;
  switch (check.kind) {
    case 'deliverable-released': {
      const name = check.deliverable ?? '';
      const d = file(name);
      if (!d) return { status: 'fail', evidence: `no ${where(name)} yet` };
      const re = check.version ? new RegExp(check.version) : undefined;
      const hit = [...d.releases].reverse().find((r) => !re || re.test(r.version));
      return hit
        ? { status: 'pass', evidence: `${name} ${hit.version} in ${where(name)}` }
        : {
            status: 'fail',
            evidence: `no ${re ? `release matching /${check.version}/` : 'release'} in ${where(name)}`,
          };
    }
    case 'stable-branch': {
      const name = check.deliverable ?? '';
      const d = file(name);
      const branch = `stable/${seriesId(series)}`;
      if (!d) return { status: 'fail', evidence: `no ${where(name)} yet` };
      const b = d.branches.find((x) => x.name === branch);
      if (!b) return { status: 'fail', evidence: `${branch} not requested in ${where(name)}` };
      const at = typeof b.location === 'string' ? b.location : Object.values(b.location).join(', ');
      return { status: 'pass', evidence: `${branch} at ${at} in ${where(name)}` };
    }
    case 'cycle-highlights': {
      const name = check.deliverable ?? '';
      const d = file(name);
      if (!d) return { status: 'fail', evidence: `no ${where(name)} yet` };
      const n = d.cycleHighlights.length;
      return n > 0
        ? {
            status: 'pass',
            evidence: `${n} cycle highlight${n === 1 ? '' : 's'} in ${where(name)}`,
          }
        : { status: 'fail', evidence: `no cycle-highlights in ${where(name)}` };
    }
    case 'team-deadlines': {
      const n = env.teamDeadlines.length;
      return n > 0
        ? {
            status: 'pass',
            evidence: `${n} team deadlines in ${series.name}: ${env.teamDeadlines.slice(0, 4).join(', ')}${n > 4 ? ', ...' : ''}`,
          }
        : {
            status: 'fail',
            evidence: `no team deadlines for ${series.name} in the schedule or the config`,
          };
    }
    case 'post-final-task': {
      // after the release of this series the task prepares the next one; in
      // the first weeks of a cycle it must already have been done for this one
      const target = item.phase === 'post-final' ? env.next : series;
      if (!target)
        return { status: 'unavailable', evidence: `no series after ${series.name} is known` };
      return env.postFinalTask(check.task ?? '', target);
    }
    case 'libraries-released':
    case 'prelude':
    case 'goals':
      return env.external(check.kind, item);
    default:
      return { status: 'unavailable', evidence: `unknown check kind ${check.kind}` };
  }
}
