/**
 * Reads the event labels of a `schedule.rst`: each `.. _label:` target is
 * followed by a section heading (the event's title) and the section body
 * (its description). Heading levels are inferred from the order in which
 * adornment styles first appear, as reStructuredText does, so the team of a
 * project-specific event comes from its enclosing section, not its label.
 */

export interface ScheduleLabel {
  readonly label: string;
  readonly title: string;
  /** Plain-text description (RST markup removed, paragraphs kept). */
  readonly description: string;
  /** Top-level section: "Cross-project events", "Project-specific events"... */
  readonly section: string;
  /** Enclosing heading one level up when the event is nested (the team name). */
  readonly group?: string;
  /** The series whose schedule.rst defines the label. */
  readonly definedIn: string;
}

const ADORNMENT = /^([=\-`:'"~^_*+#<>.])\1+\s*$/;

interface Heading {
  readonly line: number;
  readonly bodyStart: number;
  readonly title: string;
  readonly level: number;
}

export function parseScheduleLabels(text: string, series: string): ScheduleLabel[] {
  const lines = text.split(/\r?\n/);
  const headings = findHeadings(lines);
  const headingAt = new Map(headings.map((h) => [h.line, h]));
  const out: ScheduleLabel[] = [];

  for (let i = 0; i < lines.length; i++) {
    const target = /^\.\. _([^:`]+):\s*$/.exec(lines[i] ?? '');
    if (!target?.[1]) continue;
    const heading = headings.find((h) => h.line > i);
    if (!heading) continue;
    // only blank lines or other targets may stand between target and heading
    const between = lines.slice(i + 1, heading.line).filter((l) => l.trim() !== '');
    if (between.some((l) => !/^\.\. _[^:]+:\s*$/.test(l))) continue;

    const ancestors = enclosing(headings, heading);
    const top = ancestors.find((h) => h.level === 2);
    const parent = ancestors.length > 0 ? ancestors[ancestors.length - 1] : undefined;
    const nextBoundary = findBodyEnd(lines, heading.bodyStart, headingAt);
    out.push({
      label: target[1].trim(),
      title: heading.title,
      description: plainText(lines.slice(heading.bodyStart, nextBoundary)),
      section: top?.title ?? '',
      ...(parent && parent.level > 2 ? { group: parent.title } : {}),
      definedIn: series,
    });
  }
  return out;
}

function findHeadings(lines: readonly string[]): Heading[] {
  const styles: string[] = [];
  const levelOf = (style: string): number => {
    let i = styles.indexOf(style);
    if (i < 0) i = styles.push(style) - 1;
    return i + 1;
  };
  const out: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    const prev = i > 0 ? (lines[i - 1] ?? '') : '';
    // over- and underlined title
    if (ADORNMENT.test(line) && lines[i + 2] !== undefined && ADORNMENT.test(lines[i + 2] ?? '') && next.trim() !== '' && !ADORNMENT.test(next)) {
      out.push({ line: i, bodyStart: i + 3, title: next.trim(), level: levelOf(`o${line[0] ?? ''}`) });
      i += 2;
      continue;
    }
    // underlined title
    if (line.trim() !== '' && !ADORNMENT.test(line) && ADORNMENT.test(next) && next.trim().length >= Math.min(line.trim().length, 3) && (prev.trim() === '' || i === 0) && !line.startsWith('..')) {
      out.push({ line: i, bodyStart: i + 2, title: line.trim(), level: levelOf(`u${next[0] ?? ''}`) });
      i += 1;
    }
  }
  return out;
}

function enclosing(headings: readonly Heading[], h: Heading): Heading[] {
  const chain: Heading[] = [];
  let level = h.level;
  for (let i = headings.indexOf(h) - 1; i >= 0 && level > 1; i--) {
    const cand = headings[i];
    if (cand && cand.level < level) {
      chain.unshift(cand);
      level = cand.level;
    }
  }
  return chain;
}

function findBodyEnd(lines: readonly string[], from: number, headingAt: ReadonlyMap<number, Heading>): number {
  for (let i = from; i < lines.length; i++) {
    if (headingAt.has(i)) return i;
    if (/^\.\. _[^:]+:/.test(lines[i] ?? '')) return i;
    if (/^\.\. \w+::/.test(lines[i] ?? '')) return i;
  }
  return lines.length;
}

/** RST body → plain paragraphs: drop roles, link markup and literals' backquotes. */
export function plainText(body: readonly string[]): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const raw of body) {
    const line = raw.trim();
    if (line === '') {
      if (current.length) paragraphs.push(current.join(' '));
      current = [];
    } else current.push(line);
  }
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs
    .map((p) =>
      p
        .replace(/:\w+:`([^`<]*?)\s*(?:<[^>]*>)?`/g, '$1')
        .replace(/`([^`<]+?)\s*<([^>]+)>`__?/g, '$1 ($2)')
        .replace(/`([^`]+)`__?/g, '$1')
        .replace(/``([^`]+)``/g, '$1')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((p) => p !== '')
    .join('\n\n');
}
