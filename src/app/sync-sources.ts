import type { SourceEntry } from '../sources/registry.js';

/**
 * The remote sources `liaison sync` refreshes, in order. The list lives in
 * the composition root because a capability may bring its own source (the
 * review desk's release requests): the source layer knows none of them.
 */
export const SYNC_SOURCES: readonly SourceEntry[] = [
  { name: 'zuul', load: async () => (await import('../sources/zuul/source.js')).zuulSource },
  { name: 'review', load: async () => (await import('../review/read-sync.js')).reviewSource },
  {
    name: 'launchpad',
    load: async () => (await import('../bugs/read-sync.js')).launchpadSource,
  },
  { name: 'gerrit', load: async () => (await import('../freeze/read-sync.js')).gerritSource },
];
