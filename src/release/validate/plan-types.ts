import type { ToolingConstants } from './constants.js';
import type { Ages } from './plan-newness.js';
import type { Team } from '../../data/governance/projects.js';
import type { RuleSeries } from './series-lookup.js';

/** What the rules know of a team: its name and deliverables with their repositories. */
export type RuleTeam = Pick<Team, 'name' | 'deliverables'>;

/** One problem found in a deliverable file. */
export interface Finding {
  /** Path as given or relative to the releases tree (`deliverables/hibiscus/glance.yaml`). */
  readonly file: string;
  readonly level: 'error' | 'warning';
  /** Id of the rule (docs/release-rules.md): `schema`, `version-numbers`, `version-order`... */
  readonly rule: string;
  /** The same id (the name findings carried before rule ids; kept for existing readers). */
  readonly check: string;
  readonly message: string;
  /** Where in the file (`releases[2].projects[0].hash`), when it is one place. */
  readonly field?: string;
}

/** A deliverable file as the schema allows it (after the schema check passed). */
export interface DeliverableDoc {
  readonly team: string;
  readonly type: string;
  readonly 'release-model'?: string;
  readonly launchpad?: string;
  readonly storyboard?: string | number;
  readonly 'release-notes'?: string | Readonly<Record<string, unknown>>;
  readonly 'include-pypi-link'?: boolean;
  readonly 'release-type'?: string;
  readonly 'stable-branch-type'?: string;
  readonly 'artifact-link-mode'?: string;
  readonly 'stable-status'?: string;
  readonly 'repository-settings'?: Readonly<Record<string, unknown>>;
  readonly 'cycle-highlights'?: readonly string[];
  readonly releases?: readonly DocRelease[];
  readonly branches?: readonly DocBranch[];
}

export interface DocRelease {
  readonly version: string;
  readonly projects: readonly DocProject[];
  readonly 'diff-start'?: string;
  readonly flags?: readonly string[];
}

export interface DocProject {
  readonly repo: string;
  readonly hash: string;
  readonly comment?: string;
  readonly 'tarball-base'?: string;
}

export interface DocBranch {
  readonly name: string;
  readonly location: string | Readonly<Record<string, unknown>>;
}

/** What the rules know about one file besides its content. */
export interface FileFacts {
  readonly file: string;
  /** Series directory (`hibiscus`) or `_independent`. */
  readonly series: string;
  readonly name: string;
  readonly doc: DeliverableDoc;
  /** What is new, edited or gone against --base (newness.ts). */
  readonly ages: Ages;
}

/** Everything the pure rules read besides the file. */
export interface RuleEnv {
  /** Newest first, as in series_status.yaml. */
  readonly series: readonly RuleSeries[];
  /** The series the "current series only" rules apply to. */
  readonly currentSeries: string;
  readonly constants: ToolingConstants;
  readonly teams: readonly RuleTeam[];
  /** Team names that are not in projects.yaml but may own deliverables (`Technical Committee`, `<SIG> SIG`). */
  readonly otherOwners: ReadonlySet<string>;
  /** The date the command acts on (--date): series status at that date. */
  readonly today: string;
  /** The day the releases data was taken: a later phase it records without a date holds from then on. */
  readonly dataDate: string | undefined;
  /** The same deliverable in another series, for "is the previous series open?". */
  readonly deliverableIn: (series: string, name: string) => DeliverableDoc | undefined;
  /** The series directories (and `_independent`) that have a file of this deliverable, newest first. */
  readonly filesOf: (
    name: string,
  ) => readonly { readonly series: string; readonly doc: DeliverableDoc }[];
}
