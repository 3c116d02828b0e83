/** The one commit-SHA check the Action's comments, markers and reports (and the app's GITHUB_SHA fallback) share. */
import { describe, expect, it } from 'vitest';
import { validCommitSha } from '../../src/app/git-commit.js';
import { shortSha } from '../../src/action/plan-comment.js';

describe('validCommitSha', () => {
  it.each([
    ['a1b2c3d', 'a1b2c3d'],
    ['A1B2C3D4E5F60718293A4B5C6D7E8F9012345678', 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'],
    ['f'.repeat(64), 'f'.repeat(64)],
  ])('accepts %s as %s', (input, expected) => {
    expect(validCommitSha(input)).toBe(expected);
    expect(shortSha(input)).toBe(expected.slice(0, 7));
  });

  it.each([['a1b2c3'], ['f'.repeat(65)], ['a1b2c3g'], [' a1b2c3d'], ['a1b2c3d\n'], ['a1b2c3d -->'], [''], [null], [undefined]])('rejects %j', (input) => {
    expect(validCommitSha(input)).toBeNull();
    expect(shortSha(input)).toBeNull();
  });
});
