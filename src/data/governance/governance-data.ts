import { SourceUnavailableError, UsageError } from '../../core/errors.js';
import type { FileTree } from '../file-tree.js';
import { isRecord, parseYaml } from '../yaml.js';
import type { CompiledData, SourceStamp } from '../snapshot.js';
import { findTeam, parseProjects, type Team } from './projects.js';

export const PROJECTS_FILE = 'reference/projects.yaml';
export const SIGS_FILE = 'reference/sigs-repos.yaml';

/** Lazy, cached access to an openstack/governance tree. */
export class GovernanceData {
  private teamCache?: Team[];

  constructor(
    readonly tree: FileTree,
    readonly stamp: SourceStamp,
    /** The embedded snapshot's teams, read on first use instead of parsing projects.yaml. */
    private readonly compiled?: Partial<Pick<CompiledData, 'teams'>>,
  ) {}

  teams(): Team[] {
    const compiled = this.teamCache ? undefined : this.compiled?.teams;
    if (compiled) this.teamCache = [...compiled];
    if (!this.teamCache) {
      const text = this.tree.read(PROJECTS_FILE);
      if (text === undefined) {
        throw new SourceUnavailableError(
          `${this.tree.label}: ${PROJECTS_FILE} not found (is this an openstack/governance checkout?)`,
          'governance',
        );
      }
      this.teamCache = parseProjects(text, this.tree.absolute(PROJECTS_FILE) ?? PROJECTS_FILE);
    }
    return this.teamCache;
  }

  /** The team, or a usage error that lists the known teams. */
  team(name: string): Team {
    const team = findTeam(this.teams(), name);
    if (!team) {
      const known = this.teams()
        .map((t) => t.name)
        .sort((a, b) => a.localeCompare(b))
        .join(', ');
      throw new UsageError(`unknown team "${name}" in ${PROJECTS_FILE}; known teams: ${known}`);
    }
    return team;
  }

  /** The team owning a deliverable, by governance. */
  teamOfDeliverable(deliverable: string): Team | undefined {
    return this.teams().find((t) => t.deliverables.some((d) => d.name === deliverable));
  }

  /** The SIGs of `reference/sigs-repos.yaml` (none when the file is absent). */
  sigs(): string[] {
    const text = this.tree.read(SIGS_FILE);
    if (text === undefined) return [];
    const { value } = parseYaml(text, this.tree.absolute(SIGS_FILE) ?? SIGS_FILE);
    return isRecord(value) ? Object.keys(value) : [];
  }

  text(path: string): string | undefined {
    return this.tree.read(path);
  }
}
