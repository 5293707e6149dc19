import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * Renders an Observable Plot chart on the server into an SVG string.
 * linkedom gives Plot a document to draw into; its serializer escapes text
 * and attribute values, so data strings (titles, names) stay text.
 */
export function plotToSvg(options: Plot.PlotOptions): string {
  // DOM types are not part of this Node project: the document and the chart are opaque here
  const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as {
    document: object;
  };
  const chart = Plot.plot({ ...options, document }) as unknown as { outerHTML: string };
  return chart.outerHTML;
}

/** A calendar date as the UTC midnight instant Plot's time scale expects. */
export function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
