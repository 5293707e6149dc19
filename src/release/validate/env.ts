import type { FileTree } from '../../data/file-tree.js';
import { parseDeliverableText } from './load.js';
import type { DeliverableDoc, RuleEnv } from './plan-types.js';

/**
 * The part of the rule environment that is plain data (series, constants,
 * governance), so it can be built once in the main thread and posted to the
 * worker threads (structured clone keeps the Sets).
 */
export type EnvData = Omit<RuleEnv, 'deliverableIn'>;

/** The rule environment over a releases tree: other series' files are read on demand, once each. */
export function envOver(data: EnvData, tree: FileTree): RuleEnv {
  const cache = new Map<string, DeliverableDoc | undefined>();
  return {
    series: data.series,
    currentSeries: data.currentSeries,
    constants: data.constants,
    teams: data.teams,
    otherOwners: data.otherOwners,
    deliverableIn: (s, name) => {
      const key = `deliverables/${s}/${name}.yaml`;
      if (!cache.has(key)) {
        const text = tree.read(key);
        const parsed = text === undefined ? undefined : parseDeliverableText(text);
        cache.set(key, parsed?.ok ? (parsed.value as DeliverableDoc) : undefined);
      }
      return cache.get(key);
    },
  };
}
