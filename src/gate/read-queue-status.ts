import { ResponseFormatError } from '../sources/http/errors.js';

/**
 * Reads the shared gate queue of the team out of Zuul's `/status` document
 * (service-apis.md §1.6), purely. The document has no queue length: items
 * are walked in `change_queues[].heads[][]`, live ones only (non-live
 * items are dependencies pulled in for testing). Empty queues are left
 * out of the document entirely, so a queue that is not found is empty.
 */

export interface QueueItem {
  /** Gerrit change number, or null for a branch ref. */
  readonly change: number | null;
  readonly patchset: number | null;
  readonly project: string;
  /** 1 = the head of the queue (next to merge). */
  readonly position: number;
  /** ISO instant it entered the pipeline. */
  readonly enqueuedAt: string | null;
  /** Zuul says it is failing (it will be dequeued and the queue behind it reset). */
  readonly failing: boolean;
  readonly url: string | null;
}

export interface QueueSnapshot {
  readonly pipeline: string;
  /** The queue's name (`integrated`). */
  readonly name: string;
  readonly length: number;
  /** ISO instant of the oldest live item's enqueue time, null when empty. */
  readonly oldestEnqueuedAt: string | null;
  /** The team's own items in it. */
  readonly teamItems: readonly QueueItem[];
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

interface RawQueue {
  readonly name: string;
  readonly items: readonly Rec[];
}

/**
 * The team's queue in `pipeline`: the configured name when given, else the
 * queue holding one of the team's projects, else the name seen last time,
 * else `fallback`. Its live items, in order.
 */
export function readTeamQueue(
  body: unknown,
  opts: {
    readonly url: string;
    readonly pipeline: string;
    readonly projects: readonly string[];
    /** `gate.queue` from the config. */
    readonly configured?: string;
    /** The queue name of the previous sample. */
    readonly previous?: string | null;
    readonly fallback: string;
  },
): QueueSnapshot {
  if (!isRec(body) || !Array.isArray(body.pipelines))
    throw new ResponseFormatError(opts.url, 'a Zuul status document has a "pipelines" list');
  const pipelines: unknown[] = body.pipelines;
  const pipeline = pipelines.find((p) => isRec(p) && p.name === opts.pipeline);
  const queues: RawQueue[] = [];
  if (isRec(pipeline)) {
    if (!Array.isArray(pipeline.change_queues))
      throw new ResponseFormatError(
        opts.url,
        `pipeline "${opts.pipeline}": "change_queues" is not a list`,
      );
    for (const q of pipeline.change_queues) {
      if (!isRec(q) || !Array.isArray(q.heads)) continue;
      const items: Rec[] = [];
      for (const head of q.heads) {
        if (!Array.isArray(head)) continue;
        for (const item of head) if (isRec(item) && item.live !== false) items.push(item);
      }
      queues.push({ name: typeof q.name === 'string' ? q.name : '', items });
    }
  }
  const team = new Set(opts.projects);
  const holdsTeam = (q: RawQueue) => q.items.some((i) => team.has(projectOf(i)));
  const name = opts.configured ?? queues.find(holdsTeam)?.name ?? opts.previous ?? opts.fallback;
  const found = queues.filter((q) => q.name === name);
  // several queues of one name are per-branch queues of the same shared queue
  const items = found.flatMap((q) => q.items);
  const times = items
    .map((i) => (typeof i.enqueue_time === 'number' ? i.enqueue_time : NaN))
    .filter((t) => Number.isFinite(t));
  const teamItems: QueueItem[] = [];
  items.forEach((item, i) => {
    const project = projectOf(item);
    if (!team.has(project)) return;
    const ref = firstRef(item);
    const [change, patchset] = changeOf(ref);
    teamItems.push({
      change,
      patchset,
      project,
      position: i + 1,
      enqueuedAt:
        typeof item.enqueue_time === 'number' && Number.isFinite(item.enqueue_time)
          ? new Date(item.enqueue_time).toISOString()
          : null,
      failing: Array.isArray(item.failing_reasons) && item.failing_reasons.length > 0,
      url: ref && typeof ref.url === 'string' ? ref.url : null,
    });
  });
  return {
    pipeline: opts.pipeline,
    name,
    length: items.length,
    oldestEnqueuedAt: times.length ? new Date(Math.min(...times)).toISOString() : null,
    teamItems,
  };
}

function firstRef(item: Rec): Rec | undefined {
  const refs = Array.isArray(item.refs) ? item.refs : [];
  const ref: unknown = refs[0];
  return isRec(ref) ? ref : undefined;
}

function projectOf(item: Rec): string {
  const ref = firstRef(item);
  // older Zuul put the project on the item itself
  const p = ref?.project ?? item.project;
  return typeof p === 'string' ? p : '';
}

/** `"998431,3"` → [998431, 3]; a branch ref (a sha) → [null, null]. */
function changeOf(ref: Rec | undefined): [number | null, number | null] {
  const id = typeof ref?.id === 'string' ? ref.id : '';
  const m = /^(\d+),(\d+)$/.exec(id);
  return m ? [Number(m[1]), Number(m[2])] : [null, null];
}
