/**
 * Normalisation shared by matching, comparison and reference checks. Pure. The regular expressions
 * are compiled once here: the planner runs them for every person.
 */

const SPACES = /\s+/g;
const GOOGLE_ID = /^\d+$/;

/** An email as matching compares it: trimmed, lower-cased; '' when absent. */
export function foldEmail(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

const WHITESPACE = /\s/;

/** A name as matching compares it: parts joined, inner whitespace collapsed, trimmed, lower-cased. */
export function nameKey(...parts: unknown[]): string {
  // Usual case, parts without whitespace: the non-empty ones joined by one space is already
  // collapsed and trimmed, without the filtered array and the three intermediate strings.
  let joined = '';
  for (const part of parts) {
    if (typeof part !== 'string' || part === '') continue;
    if (WHITESPACE.test(part)) return collapsedNameKey(parts);
    joined = joined === '' ? part : `${joined} ${part}`;
  }
  return joined.toLowerCase();
}

function collapsedNameKey(parts: readonly unknown[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string')
    .join(' ')
    .replace(SPACES, ' ')
    .trim()
    .toLowerCase();
}

/** Google user ids are numeric strings; anything else in an id field belongs to another integration. */
export function isGoogleId(value: string): boolean {
  return GOOGLE_ID.test(value);
}

export type RecordIdentity =
  | { kind: 'none' }
  | { kind: 'google'; googleId: string }
  | { kind: 'foreign'; value: string };

/** The text of a Halo record's id field ('' when unset); a number (Halo may send one) as its digits. */
export function identityValue(record: Record<string, unknown>, idField: string): string {
  const raw = record[idField];
  return typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
}

/** What a Halo record's id field says about who owns it. */
export function recordIdentity(record: Record<string, unknown>, idField: string): RecordIdentity {
  const value = identityValue(record, idField);
  if (value === '') return { kind: 'none' };
  return isGoogleId(value) ? { kind: 'google', googleId: value } : { kind: 'foreign', value };
}

/** Plain code-unit comparison: stable across machines and locales (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "a, b and c" (or "a, b or c") for reasons and messages. */
export function listText(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "1 deactivation", "3 deactivations". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
