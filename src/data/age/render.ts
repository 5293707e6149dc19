import type { DataWarning } from './plan.js';

const ORIGIN: Record<DataWarning['origin'], string> = {
  embedded: 'embedded snapshot',
  managed: 'checkout kept by liaison sync',
  checkout: 'checkout',
  store: 'last sync',
};

/** One line per warning, the same on the terminal and on the page banner. */
export function dataWarningLine(w: DataWarning, date: string): string {
  return lineOf(w, [w.source], date);
}

function lineOf(w: DataWarning, sources: readonly string[], date: string): string {
  const what = `${sources.join(' and ')} data`;
  const is = sources.length > 1 ? 'are' : 'is';
  switch (w.kind) {
    case 'old':
      return `${what} ${is} from ${w.asOf ?? 'an unknown date'} (${ORIGIN[w.origin]}), ${w.ageDays ?? '?'} days before ${date}: it may miss what happened since; refresh with \`${w.hint}\``;
    case 'stale':
      return `${what} ${is} stale: the last refresh failed (${oneLine(w.error ?? '')}); showing the data of ${w.asOf ?? 'an unknown date'}; retry with \`${w.hint}\``;
    case 'fallback':
      return `${w.series ?? '?'} has no deliverable files in the releases data yet; release models are taken from ${w.modelsFrom ?? '?'}`;
  }
}

/**
 * The warnings as lines to show: sources with the same age, origin and
 * remedy share one line ("openstack/releases and openstack/governance
 * data are from …"). `kind` says how to show each.
 */
export function dataWarningTexts(
  warnings: readonly DataWarning[],
  date: string,
): { readonly kind: DataWarning['kind']; readonly text: string }[] {
  const groups = new Map<string, { w: DataWarning; sources: string[] }>();
  for (const w of warnings) {
    const key =
      w.kind === 'fallback'
        ? `fallback|${w.series ?? ''}`
        : `${w.kind}|${w.asOf ?? ''}|${w.origin}|${w.hint}|${w.error ?? ''}`;
    const g = groups.get(key);
    if (g) g.sources.push(w.source);
    else groups.set(key, { w, sources: [w.source] });
  }
  return [...groups.values()].map(({ w, sources }) => ({
    kind: w.kind,
    text: lineOf(w, sources, date),
  }));
}

/** Text lines for a terminal view: `warning:` for age and staleness, `note:` for a fallback. */
export function dataWarningLines(warnings: readonly DataWarning[], date: string): string[] {
  return dataWarningTexts(warnings, date).map(
    (t) => `${t.kind === 'fallback' ? 'note' : 'warning'}: ${t.text}`,
  );
}

function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex -- an error text must not break the line
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').slice(0, 200);
}
