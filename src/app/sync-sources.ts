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
  {
    name: 'stable',
    load: async () => (await import('../release/stable/read-sync.js')).stableSource,
  },
  {
    name: 'blueprints',
    load: async () => (await import('../priorities/read-sync.js')).blueprintsSource,
  },
  {
    name: 'bp-changes',
    load: async () => (await import('../priorities/read-sync.js')).changesSource,
  },
  {
    name: 'gate-queue',
    load: async () => (await import('../gate/read-queue-sync.js')).gateQueueSource,
  },
  {
    name: 'gate-buildsets',
    load: async () => (await import('../gate/read-queue-sync.js')).gateBuildsetsSource,
  },
];
