import { table, type Colors } from '../core/terminal.js';
import { inertLine } from '../core/text.js';
import type { SyncView } from './apply.js';

const MARK = { updated: '✓', unchanged: '=', failed: '✗', skipped: '-' } as const;

export function renderSyncText(view: SyncView, c: Colors): string {
  const rows = view.sources.map((s) => {
    const mark =
      s.status === 'failed'
        ? c.red(MARK[s.status])
        : s.status === 'updated'
          ? c.green(MARK[s.status])
          : MARK[s.status];
    const what =
      s.status === 'failed'
        ? `${c.red('failed')}: ${inertLine(s.error ?? '', 200)} — ${s.summary}`
        : inertLine(s.summary, 200);
    // git sources make no HTTP requests
    const reqs =
      s.name.startsWith('git:') || s.name === 'releases' || s.name === 'governance'
        ? ''
        : `${s.requests} request${s.requests === 1 ? '' : 's'}`;
    return [mark, s.name, reqs, what];
  });
  const head = `Sync of ${view.date}: ${view.sources.length} source${view.sources.length === 1 ? '' : 's'}, ${view.requests} HTTP request${view.requests === 1 ? '' : 's'}`;
  const tail = view.failed
    ? `\n${view.failed} source${view.failed === 1 ? '' : 's'} failed; views show their previous data as stale.`
    : '';
  return `${head}\n${rows.length ? table(rows, '  ') : '  (nothing to sync)'}${tail}`;
}
