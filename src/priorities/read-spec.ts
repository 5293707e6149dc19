/**
 * Reading a team's specs repository (glance-specs and its siblings), purely:
 * which files of a series are specs, and what a spec file says — its title,
 * its Launchpad blueprint and its assignee. Two forms exist: the full spec
 * (RST title, blueprint URL in the first lines, "Primary assignee:") and the
 * spec lite (RST field list: `:project:`, `:link:`, `:assignee:`).
 */

export type SpecStatus = 'approved' | 'implemented';

/** A spec file of a series as listed in the repository. */
export interface SpecFile {
  /** Path in the repository (`specs/2026.1/approved/glance/foo.rst`). */
  readonly path: string;
  readonly status: SpecStatus;
  /** Directory under approved/ or implemented/ (`glance`, `glance_store`); null at its top. */
  readonly project: string | null;
  /** File name without `.rst`. */
  readonly stem: string;
}

export interface SpecFacts extends SpecFile {
  readonly title: string;
  readonly blueprint: {
    readonly project: string;
    readonly name: string;
    readonly url: string;
  } | null;
  readonly assignee: string | null;
  /** The spec lite's `:link:` (a review URL), when it gives one. */
  readonly link: string | null;
}

/** Files of a series directory that are templates or indexes, never specs. */
const NOT_SPECS = new Set(['template.rst', 'spec-lite-template.rst', 'index.rst']);

/**
 * The spec files of one series directory (`specs/<dir>/`) among `paths`
 * (every file of the repository, or of that directory).
 */
export function seriesSpecFiles(paths: readonly string[], dir: string): SpecFile[] {
  const prefix = `specs/${dir}/`;
  const out: SpecFile[] = [];
  for (const path of paths) {
    if (!path.startsWith(prefix) || !path.endsWith('.rst')) continue;
    const rest = path.slice(prefix.length).split('/');
    const status = rest[0];
    if (status !== 'approved' && status !== 'implemented') continue;
    const file = rest[rest.length - 1] ?? '';
    if (NOT_SPECS.has(file) || rest.length > 3) continue;
    out.push({
      path,
      status,
      project: rest.length === 3 ? (rest[1] ?? null) : null,
      stem: file.slice(0, -'.rst'.length),
    });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The series directories the repository has (`2026.1`, `zed`, `untargeted`…). */
export function seriesDirs(paths: readonly string[]): Set<string> {
  const dirs = new Set<string>();
  for (const p of paths) {
    const m = /^specs\/([^/]+)\//.exec(p);
    if (m?.[1]) dirs.add(m[1]);
  }
  return dirs;
}

const BLUEPRINT =
  /https?:\/\/blueprints\.launchpad\.net\/([A-Za-z0-9][\w.+-]*)\/\+spec\/([a-z0-9][a-z0-9.+-]*)/;

/**
 * What a spec file says about itself. The title is the first RST section
 * title (over- and underlined, or underlined); the blueprint the first
 * blueprints.launchpad.net link; the assignee the line after "Primary
 * assignee:" or the spec lite's `:assignee:`.
 */
export function parseSpec(file: SpecFile, text: string): SpecFacts {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const bp = BLUEPRINT.exec(text);
  const field = (name: string) => {
    const re = new RegExp(`^:${name}:\\s*(.*)$`, 'i');
    for (const l of lines) {
      const m = re.exec(l);
      if (m) return cleanField(m[1] ?? '');
    }
    return null;
  };
  return {
    ...file,
    title: rstTitle(lines) ?? file.stem,
    blueprint: bp
      ? {
          project: bp[1] ?? '',
          name: bp[2] ?? '',
          url: `https://blueprints.launchpad.net/${bp[1] ?? ''}/+spec/${bp[2] ?? ''}`,
        }
      : null,
    assignee: primaryAssignee(lines) ?? field('assignee'),
    link: urlOf(field('link')),
  };
}

const ADORNMENT = /^([=\-`:'"~^_*+#<>])\1{2,}\s*$/;

function rstTitle(lines: readonly string[]): string | null {
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    // overline + title + underline
    if (ADORNMENT.test(line) && next.trim() !== '' && ADORNMENT.test(lines[i + 2] ?? ''))
      return next.trim();
    // title + underline (the comment block of the licence header is not a title)
    if (
      line.trim() !== '' &&
      !line.startsWith('..') &&
      !line.startsWith(' ') &&
      ADORNMENT.test(next) &&
      next.trim().length >= line.trim().length
    )
      return line.trim();
  }
  return null;
}

function primaryAssignee(lines: readonly string[]): string | null {
  const i = lines.findIndex((l) => /^\s*Primary assignee:\s*$/i.test(l));
  if (i >= 0) {
    for (const l of lines.slice(i + 1, i + 4)) {
      const name = l.trim();
      if (name) return /^(none|tbd|<.*>)$/i.test(name) ? null : name;
    }
  }
  const inline = lines.map((l) => /^\s*Primary assignee:\s*(\S.*)$/i.exec(l)).find(Boolean);
  return inline?.[1]?.trim() ?? null;
}

function cleanField(v: string): string | null {
  const t = v.trim();
  return t === '' || /^(none|n\/a|tbd|<.*>)$/i.test(t) ? null : t;
}

function urlOf(v: string | null): string | null {
  return v && /^https?:\/\/\S+$/.test(v) ? v : null;
}

/** The specs website page of a spec (specs.openstack.org renders the repository). */
export function specPageUrl(repo: string, path: string): string {
  return `https://specs.openstack.org/${repo}/${path.replace(/\.rst$/, '.html')}`;
}
