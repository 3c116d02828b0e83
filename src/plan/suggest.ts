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

/** The closest known name (Halo's spelling), if it is close enough to be a plausible typo. */
export function nearestName(wanted: string, known: readonly string[]): string | undefined {
  const w = wanted.trim().toLowerCase();
  let best: { name: string; score: number } | undefined;
  for (const name of known) {
    const n = name.toLowerCase();
    const score = n.includes(w) || w.includes(n) ? Math.abs(n.length - w.length) / 2 : distance(w, n);
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
