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
