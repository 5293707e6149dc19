import type { FileTree } from '../../data/file-tree.js';
import { parseDeliverableText } from './load.js';
import { INDEPENDENT } from './derived.js';
import type { DeliverableDoc, RuleEnv } from './plan-types.js';

/** The part of the rule environment that is plain data (series, constants, governance). */
export type EnvData = Omit<RuleEnv, 'deliverableIn' | 'filesOf'>;

/** The rule environment over a releases tree: other series' files are read on demand, once each. */
export function envOver(data: EnvData, tree: FileTree): RuleEnv {
  const cache = new Map<string, DeliverableDoc | undefined>();
  const filesByName = new Map<string, { series: string; doc: DeliverableDoc }[]>();
  const deliverableIn = (s: string, name: string): DeliverableDoc | undefined => {
    const key = `deliverables/${s}/${name}.yaml`;
    if (!cache.has(key)) {
      const text = tree.read(key);
      const parsed = text === undefined ? undefined : parseDeliverableText(text);
      cache.set(key, parsed?.ok ? (parsed.value as DeliverableDoc) : undefined);
    }
    return cache.get(key);
  };
  return {
    series: data.series,
    currentSeries: data.currentSeries,
    constants: data.constants,
    teams: data.teams,
    otherOwners: data.otherOwners,
    today: data.today,
    dataDate: data.dataDate,
    deliverableIn,
    filesOf: (name) => {
      let files = filesByName.get(name);
      if (!files) {
        files = [];
        for (const s of [...data.series.map((x) => x.name), INDEPENDENT]) {
          const doc = deliverableIn(s, name);
          if (doc && typeof doc === 'object') files.push({ series: s, doc });
        }
        filesByName.set(name, files);
      }
      return files;
    },
  };
}
