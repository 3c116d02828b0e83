/**
 * Checks shared by the injection tests (renderers alone, and end to end through the CLI): raw
 * characters that must never reach a reader, and GFM tables that keep their column count whatever
 * the data holds.
 */
import { expect } from 'vitest';

/** Controls (but newline), bidi controls and invisible spaces. */
// eslint-disable-next-line no-control-regex -- these tests look for control characters
export const RAW_HAZARDS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

/** Table cells are separated by pipes preceded by an even number of backslashes (none, or escaped backslashes). */
export function cellCount(row: string): number {
  let count = 0;
  let backslashes = 0;
  for (const ch of row) {
    if (ch === '|' && backslashes % 2 === 0) count += 1;
    backslashes = ch === '\\' ? backslashes + 1 : 0;
  }
  return count - 1;
}

/** Checks every GFM table in `markdown` keeps its head's column count on every row; returns how many tables. */
export function expectTablesIntact(markdown: string): number {
  let tables = 0;
  let columns: number | null = null;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      columns = null;
      continue;
    }
    if (columns === null) {
      columns = cellCount(line);
      tables += 1;
    } else {
      expect(cellCount(line), line.slice(0, 160)).toBe(columns);
    }
  }
  return tables;
}
