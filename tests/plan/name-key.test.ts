/**
 * nameKey's fast path (parts without whitespace) must give exactly the reference definition:
 * string parts joined by a space, whitespace runs collapsed, trimmed, lower-cased.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/plan/text.js';

function reference(...parts: unknown[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const pieces = ['', 'Ann', 'MARY', 'é', 'İ', 'o\'Neil', ' ', '  ', '\t', '\u00a0', '\u2003', '\n', '-', 'x'];
const part = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 5 }).map((p) => p.join('')),
  fc.string({ maxLength: 6 }),
  fc.constantFrom(undefined, null, 42),
);

describe('nameKey', () => {
  it('agrees with the reference definition for any parts', () => {
    fc.assert(fc.property(fc.array(part, { maxLength: 4 }), (parts) => {
      expect(nameKey(...parts)).toBe(reference(...parts));
    }), { numRuns: 2000 });
  });

  it('joins, collapses, trims and folds', () => {
    expect(nameKey('  Mary  Ann ', 'SMITH')).toBe('mary ann smith');
    expect(nameKey('', 'Smith')).toBe('smith');
    expect(nameKey('Ann', '', 'Lee')).toBe('ann lee');
    expect(nameKey(undefined, 'Lee', null)).toBe('lee');
    expect(nameKey('\u00a0')).toBe('');
  });
});
