/**
 * sortChanges (the planner's fast sort: keys folded once per change) must give exactly the order
 * of the plain comparator sort, ties included (both stable), for any changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareChanges, sortChanges } from '../../src/plan/order.js';
import type { Change } from '../../src/plan/types.js';

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
