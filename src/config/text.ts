/**
 * Small pure helpers shared by the schema-error mapper and the semantic rules: JSON pointers, how a
 * path is shown to people (`mappings[0].filter.all[1]`), how a value is quoted in a message, and
 * "did you mean" suggestions.
 */

/** RFC 6901 escaping of one pointer segment. */
export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(...segments: Array<string | number>): string {
  return segments.map((s) => `/${escapeSegment(s)}`).join('');
}

export function childPointer(parent: string, segment: string | number): string {
  return `${parent}/${escapeSegment(segment)}`;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function parentPointer(pointer: string): string {
  const at = pointer.lastIndexOf('/');
  return at <= 0 ? '' : pointer.slice(0, at);
}

/** `/mappings/0/filter/all/1` → `mappings[0].filter.all[1]`; the root is `the top level`. */
export function humanPath(pointer: string): string {
  let out = '';
  for (const segment of splitPointer(pointer)) {
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || 'the top level';
}

/** `in mappings[0]` / `at the top level`, for "unknown key 'x' …". */
export function inPath(pointer: string): string {
  return pointer === '' ? 'at the top level' : `in ${humanPath(pointer)}`;
}

const MAX_QUOTED = 60;

/** A value as it appears in a message: strings quoted and shortened, never a whole pasted blob. */
export function quote(value: unknown): string {
  if (typeof value === 'string') {
    const oneLine = value.replace(/\s+/g, ' ');
    return `'${oneLine.length > MAX_QUOTED ? `${oneLine.slice(0, MAX_QUOTED - 1)}…` : oneLine}'`;
  }
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** What kind of thing a value is, for type errors: `the string 'yes'`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (an empty value)';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/**
 * Edit distance where swapping two neighbouring letters counts as one edit (optimal string
 * alignment), so `vaule` is one step from `value`, as people type.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((rows[i - 1]![j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1]![j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2]![j - 2] ?? 0) + 1);
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[a.length]![b.length] ?? 0;
}

/**
 * The closest candidate, if it is close enough to be a plausible typo (case differences are free;
 * at most a third of the word may differ). Inputs longer than 100 characters are not typos.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > 100) return undefined;
  const folded = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(folded, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.floor(Math.max(input.length, 3) / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** ` (did you mean 'site'?)`, or nothing. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const suggestion = closest(input, candidates);
  return suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
}

/** `a, b or c`. */
export function listOf(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
