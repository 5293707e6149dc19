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

const TARGET = /^\.\. _([^:`]+):\s*$/;

/**
 * One pass over the lines (linear: a schedule with 100,000 labels reads in
 * well under a second): each target is matched with the next heading, each
 * heading's ancestors and body are worked out once.
 */
export function parseScheduleLabels(text: string, series: string): ScheduleLabel[] {
  const lines = text.split(/\r?\n/);
  const headings = findHeadings(lines);
  const headingAt = new Map(headings.map((h) => [h.line, h]));
  const ancestors = ancestorsOf(headings);
  // for each line, the first line after it that is neither blank nor a target
  const nextOther = new Int32Array(lines.length + 1).fill(lines.length);
  for (let i = lines.length - 1; i >= 0; i--) {
    const next = lines[i + 1];
    const plain = next !== undefined && next.trim() !== '' && !TARGET.test(next);
    nextOther[i] = plain ? i + 1 : (nextOther[i + 1] ?? lines.length);
  }
  const bodies = new Map<Heading, string>();
  const out: ScheduleLabel[] = [];
  let h = 0;
  for (let i = 0; i < lines.length; i++) {
    const target = TARGET.exec(lines[i] ?? '');
    if (!target?.[1]) continue;
    while (h < headings.length && (headings[h]?.line ?? 0) <= i) h++;
    const heading = headings[h];
    if (!heading) continue;
    // only blank lines or other targets may stand between target and heading
    if ((nextOther[i] ?? lines.length) < heading.line) continue;
    const chain = ancestors[h] ?? [];
    const top = chain.find((a) => a.level === 2);
    const parent = chain.length > 0 ? chain[chain.length - 1] : undefined;
    let description = bodies.get(heading);
    if (description === undefined) {
      const end = findBodyEnd(lines, heading.bodyStart, headingAt);
      description = plainText(lines.slice(heading.bodyStart, end));
      bodies.set(heading, description);
    }
    out.push({
      label: target[1].trim(),
      title: heading.title,
      description,
      section: top?.title ?? '',
      ...(parent && parent.level > 2 ? { group: parent.title } : {}),
      definedIn: series,
    });
  }
  return out;
}

/** The enclosing headings of each heading (outermost first), with one stack over the list. */
function ancestorsOf(headings: readonly Heading[]): Heading[][] {
  const stack: Heading[] = [];
  return headings.map((h) => {
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= h.level) stack.pop();
    const chain = [...stack];
    stack.push(h);
    return chain;
  });
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
        // greedy classes and a trim instead of lazy text next to \s*: linear on any line
        .replace(/:\w+:`([^`<]*)(?:<[^>]*>)?`/g, (_m, t: string) => t.trim())
        .replace(/`([^`<]+)<([^>]+)>`__?/g, (_m, t: string, u: string) => `${t.trim()} (${u})`)
        .replace(/`([^`]+)`__?/g, '$1')
        .replace(/``([^`]+)``/g, '$1')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((p) => p !== '')
    .join('\n\n');
}
