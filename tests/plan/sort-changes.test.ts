/**
 * sortChanges (the planner's fast sort: keys folded once per change) must give exactly the order
 * of the plain comparator below (the order's definition), ties included (both stable), for any changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortChanges } from '../../src/plan/order.js';
import { compareText } from '../../src/plan/text.js';
import type { Change } from '../../src/plan/types.js';

const ACTION_RANK: Record<Change['action'], number> = {
  settings: 0, create: 1, link: 2, reactivate: 3, update: 4, roles: 5, cabs: 6, deactivate: 7,
};
const SUBJECT_RANK: Record<Change['subject'], number> = { settings: 0, user: 1, agent: 2 };

/** The plan's change order, written plainly: settings first, removals last (see src/plan/order.ts). */
function compareChanges(a: Change, b: Change): number {
  return (
    ACTION_RANK[a.action] - ACTION_RANK[b.action] ||
    SUBJECT_RANK[a.subject] - SUBJECT_RANK[b.subject] ||
    compareText((a.email ?? '').toLowerCase(), (b.email ?? '').toLowerCase()) ||
    compareText(a.email ?? '', b.email ?? '') ||
    compareText(a.googleId ?? '', b.googleId ?? '') ||
    (a.haloId ?? -1) - (b.haloId ?? -1)
  );
}

const change = fc.record({
  subject: fc.constantFrom('user', 'agent', 'settings'),
  action: fc.constantFrom('settings', 'create', 'link', 'reactivate', 'update', 'roles', 'cabs', 'deactivate'),
  email: fc.oneof(fc.constant(null), fc.constantFrom('ann@acme.test', 'Ann@acme.test', 'ANN@ACME.TEST', 'bob@acme.test', 'Émile@acme.test', 'émile@acme.test', '')),
  googleId: fc.oneof(fc.constant(null), fc.constantFrom('101', '102', '1010', '')),
  haloId: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 4 })),
  tag: fc.nat(),
}).map(({ tag, ...c }) => ({ ...c, mapping: null, reason: `#${tag}`, fields: [], roles: { add: [], remove: [] }, cabs: { add: [], remove: [] } }) as Change);

describe('sortChanges', () => {
  it('orders exactly as changes.sort(compareChanges)', () => {
    fc.assert(fc.property(fc.array(change, { maxLength: 60 }), (changes) => {
      const expected = [...changes].sort(compareChanges);
      const actual = [...changes];
      sortChanges(actual);
      expect(actual).toEqual(expected);
      // Same objects in the same places (ties keep their input order in both).
      actual.forEach((c, i) => expect(c).toBe(expected[i]));
    }), { numRuns: 1000 });
  });
});
