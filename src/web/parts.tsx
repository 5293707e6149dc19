import { raw } from 'hono/html';
import { safeUrl } from '../core/text.js';

/** An inline SVG chart we rendered ourselves (the only raw HTML on a page). */
export function Chart({ svg, caption }: { svg: string; caption: string }) {
  return (
    <figure>
      {raw(svg)}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

export function ScopeBadge({ scope }: { scope: string }) {
  const label = scope === 'cross-project' ? 'all projects' : scope === 'team' ? 'team' : 'project';
  return <span class={`badge scope-${scope}`}>{label}</span>;
}

/** A title, linked when the data gives a safe http(s) link. */
export function EventTitle({ title, url }: { title: string; url: string | null | undefined }) {
  const href = safeUrl(url);
  return href ? <a href={href}>{title}</a> : <>{title}</>;
}

/** A link from data; rendered as text when it is not an http(s) URL. */
export function DataLink({
  url,
  children,
}: {
  url: string | null | undefined;
  children?: unknown;
}) {
  const href = safeUrl(url);
  return href ? <a href={href}>{children}</a> : <>{children as string}</>;
}

/**
 * A data table in its scrolling wrapper: one column header per name (a
 * null leaves the column out, e.g. an action column when writes are off),
 * the rows as children.
 */
export function Table({
  head,
  caption,
  children,
}: {
  head: readonly (string | null)[];
  caption?: string;
  children?: unknown;
}) {
  return (
    <div class="table-wrap">
      <table>
        {caption ? <caption class="muted">{caption}</caption> : null}
        <thead>
          <tr>{head.map((h) => (h === null ? null : <th scope="col">{h}</th>))}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
