/**
 * "Did you mean" for names in the config that Halo does not know. Case-insensitive edit distance;
 * when nothing is close, list what Halo has instead of guessing wildly.
 */

import { compareText } from './text.js';

function distance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** "Infra CAB" abbreviates "Infrastructure CAB": each word a prefix of the matching word. */
function abbreviates(short: string, long: string): boolean {
  const a = short.split(/\s+/);
  const b = long.split(/\s+/);
  return short.length >= 3 && a.length === b.length && a.every((word, i) => (b[i] as string).startsWith(word));
}

/** "CFEmployeeNo" and "CFEmployeeNumber": most of the shorter name is a common prefix. */
function sharedPrefix(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i >= 4 && i >= 0.75 * Math.min(a.length, b.length);
}

/** The closest known name (Halo's spelling), if it is close enough to be a plausible typo. */
export function nearestName(wanted: string, known: readonly string[]): string | undefined {
  const w = wanted.trim().toLowerCase();
  let best: { name: string; score: number } | undefined;
  for (const name of known) {
    const n = name.toLowerCase();
    // An abbreviation or a truncation is as good a guess as a one-letter typo.
    const score = abbreviates(w, n) || abbreviates(n, w) || (w.length >= 3 && n.includes(w)) || sharedPrefix(w, n) ? 1 : distance(w, n);
    if (!best || score < best.score || (score === best.score && name < best.name)) best = { name, score };
  }
  if (!best) return undefined;
  return best.score <= Math.max(2, Math.floor(w.length / 3)) ? best.name : undefined;
}

/** " (did you mean "X"?)", or " (Halo has: A, B, C)", or " (Halo has none)". */
export function suggestion(wanted: string, known: readonly string[]): string {
  const near = nearestName(wanted, known);
  if (near !== undefined) return ` (did you mean "${near}"?)`;
  if (known.length === 0) return ' (Halo has none)';
  const sorted = [...known].sort((a, b) => compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b));
  const shown = sorted.slice(0, 8).map((n) => `"${n}"`).join(', ');
  return ` (Halo has: ${shown}${sorted.length > 8 ? `, … ${sorted.length - 8} more` : ''})`;
}
