/**
 * Links taken from data (log URLs, bug links, review links) are only ever
 * rendered when they are plain http(s) URLs: a `javascript:` or `data:`
 * link from a source must not become clickable.
 */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
