/**
 * Reading community-goal documents of openstack/governance
 * (`goals/selected/*.rst`, `goals/completed/<series>/*.rst`). Only the
 * parts the liaison needs: title, champions, Gerrit topic, the completion
 * criteria that name a series, and — for the older goals that record it
 * inline — a team's own entry under "Project Teams".
 */

export interface GoalDoc {
  /** File name without `.rst`: `remove-eventlet`. */
  readonly id: string;
  readonly path: string;
  readonly title: string;
  readonly champions: readonly string[];
  readonly gerritTopic?: string;
  /** Completion-criteria items, each with the series ids it names in parentheses. */
  readonly criteria: readonly { readonly text: string; readonly series: readonly string[] }[];
  /** Lower-cased heading → text of each entry under "Project Teams". */
  readonly teamEntries: ReadonlyMap<string, string>;
}

interface Section {
  readonly title: string;
  /** `=` section, `-` subsection, … in order of first use (RST has no fixed levels). */
  readonly level: number;
  readonly body: string[];
}

const ADORN = /^([=\-~^"'`#*+.:_])\1{2,}\s*$/;

/** Splits RST text into headed sections (over+underlined or underlined titles). */
function sections(text: string): { title: string | undefined; list: Section[] } {
  const lines = text.split(/\r?\n/);
  const levels: string[] = [];
  const list: Section[] = [];
  let docTitle: string | undefined;
  let current: { title: string; level: number; body: string[] } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    const after = lines[i + 2] ?? '';
    let title: string | undefined;
    let style: string | undefined;
    if (
      ADORN.test(line) &&
      next.trim() !== '' &&
      ADORN.test(after) &&
      after.trim()[0] === line.trim()[0]
    ) {
      title = next.trim();
      style = `over${line.trim()[0]}`;
      i += 2;
    } else if (
      line.trim() !== '' &&
      !ADORN.test(line) &&
      ADORN.test(next) &&
      next.trim().length >= line.trim().length - 1
    ) {
      title = line.trim();
      style = `under${next.trim()[0]}`;
      i += 1;
    }
    if (title === undefined || style === undefined) {
      current?.body.push(line);
      continue;
    }
    if (!levels.includes(style)) levels.push(style);
    const level = levels.indexOf(style);
    if (level === 0 && docTitle === undefined) {
      docTitle = title;
      current = undefined;
      continue;
    }
    current = { title, level, body: [] };
    list.push(current);
  }
  return { title: docTitle, list };
}

/** Inline RST markup to plain text: `link <url>`_ → link, ``code`` → code. */
export function rstPlain(text: string): string {
  return text
    .replace(/`([^`<]+?)\s*<[^>]+>`_{1,2}/g, '$1')
    .replace(/``([^`]+)``/g, '$1')
    .replace(/:[a-z]+:`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function listItems(body: readonly string[]): string[] {
  const items: string[] = [];
  for (const raw of body) {
    const m = /^\s*(?:[-*]|#\.|\d+\.)\s+(.*)$/.exec(raw);
    if (m) items.push(m[1] ?? '');
    else if (/^\s+\S/.test(raw) && items.length > 0)
      items[items.length - 1] = `${items[items.length - 1] ?? ''} ${raw.trim()}`;
    else if (raw.trim() !== '' && items.length === 0 && !raw.includes('::')) items.push(raw.trim());
  }
  return items.map(rstPlain).filter((s) => s !== '');
}

/**
 * Champions: the list when there is one, else the sentence naming who
 * "has volunteered to drive this goal" (older goals open the section with
 * boilerplate about what a champion is).
 */
function championsOf(body: readonly string[]): string[] {
  if (body.some((l) => /^\s*(?:[-*]|#\.|\d+\.)\s+/.test(l))) return listItems(body);
  const paragraphs = body
    .join('\n')
    .split(/\n\s*\n/)
    .map(rstPlain)
    .filter((p) => p !== '');
  const named = paragraphs
    .filter((p) => /volunteer/i.test(p))
    .map((p) => p.replace(/\s+(has|have) volunteered.*$/i, ''));
  if (named.length > 0) return named;
  return paragraphs.filter((p) => p.length <= 120);
}

function topicOf(body: readonly string[]): string | undefined {
  const text = body.join('\n');
  const literal = /::\s*\n\s*\n?\s+(\S+)/.exec(text);
  if (literal) return literal[1];
  const link = /`([\w.-]+)\s*<[^>]*topic:/.exec(text);
  return link?.[1];
}

export function parseGoalDoc(text: string, path: string): GoalDoc {
  const { title, list } = sections(text);
  const id = (path.split('/').pop() ?? path).replace(/\.rst$/, '');
  const find = (re: RegExp) => list.find((s) => re.test(s.title));
  const champion = find(/^champions?$/i);
  const topic = find(/^gerrit topic$/i);
  const criteriaSection = find(/^completion criteria$/i);
  const criteria = (criteriaSection ? listItems(criteriaSection.body) : []).map((item) => ({
    text: item.replace(/^\(([^)]*)\)\s*/, ''),
    series: [...(/^\(([^)]*)\)/.exec(item)?.[1]?.matchAll(/\b(\d{4}\.[12]|[a-z]+)\b/g) ?? [])]
      .map((m) => m[1] ?? '')
      .filter((s) => s !== 'or' && s !== 'and' && s !== 'if' && s !== 'applicable'),
  }));
  const teamEntries = new Map<string, string>();
  const teamsAt = list.findIndex((s) => /^project teams$/i.test(s.title));
  if (teamsAt >= 0) {
    const parentLevel = list[teamsAt]?.level ?? 0;
    for (const s of list.slice(teamsAt + 1)) {
      if (s.level <= parentLevel) break;
      teamEntries.set(s.title.replace(/:$/, '').toLowerCase(), s.body.join('\n').trim());
    }
  }
  const gerritTopic = topic ? topicOf(topic.body) : undefined;
  return {
    id,
    path,
    title: rstPlain(title ?? id),
    champions: champion ? championsOf(champion.body) : [],
    ...(gerritTopic ? { gerritTopic } : {}),
    criteria,
    teamEntries,
  };
}

export type GovernanceGoalStatus = 'done' | 'not-completed' | 'not-applicable' | 'unknown';

/**
 * A team's status as an old goal document records it in its entry: "did
 * not complete" / "not completed" anywhere → not-completed; "not
 * applicable" / "nothing to do" → not-applicable; completion artifacts
 * listed → done; else unknown.
 */
export function governanceStatus(entry: string): { status: GovernanceGoalStatus; detail: string } {
  const completion = /Completion Artifacts:?([\s\S]*)$/i.exec(entry)?.[1] ?? '';
  const plain = rstPlain(entry);
  if (/\b(did not complete|not completed|not complete)\b/i.test(plain))
    return { status: 'not-completed', detail: summary(completion || entry) };
  if (/\b(not applicable|nothing to do|n\/a)\b/i.test(plain))
    return { status: 'not-applicable', detail: summary(completion || entry) };
  if (/\S/.test(completion.replace(/^\s*(none|-)\s*$/gim, '')))
    return { status: 'done', detail: summary(completion) };
  return { status: 'unknown', detail: summary(entry) };
}

function summary(text: string): string {
  const s = rstPlain(text.replace(/^\s*\.\. [\s\S]*?(?=\n\S|$)/gm, ''));
  return s.length > 240 ? `${s.slice(0, 237)}...` : s;
}
