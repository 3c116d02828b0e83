import { describe, expect, it } from 'vitest';
import { samePlan } from '../../src/plan/index.js';
import type { Plan } from '../../src/plan/types.js';
import { haloUser, linkedUser, person, planOf, world } from '../builders.js';

const ann = person('ann@acme.test', { ou: '/Former' });
const bob = person('bob@acme.test', { ou: '/Staff', title: 'Lead' });

/** Ann left (out of scope, or deleted from Google); Bob's title changed in Google. */
function planned(over: { annDeleted?: boolean; bobTitle?: string; extra?: boolean; maxDeactivations?: number } = {}): Plan {
  return planOf(world({
    config: {
      mappings: [{ name: 'staff', site: 'Head Office', filter: { field: 'orgUnitPath', op: 'under', value: '/Staff' } }],
      lifecycle: { suspended: 'deactivate', outOfScope: 'deactivate' },
      safety: { maxDeactivations: over.maxDeactivations ?? 5, maxDeactivationPercent: 100, protectedAgents: [] },
    },
    people: over.annDeleted ? [bob] : [bob, ann],
    lookups: over.annDeleted ? [{ googleId: ann.id, status: 'notFound' }] : [],
    halo: { users: [linkedUser(10, ann), linkedUser(11, bob, { title: over.bobTitle ?? 'Old' }), ...(over.extra ? [haloUser(99, { name: 'Unrelated' })] : [])] },
  })).plan;
}

describe('samePlan', () => {
  it('a plan is the same as itself re-made; digests and unrelated Halo records do not matter', () => {
    const reviewed = planned();
    const fresh = planned({ extra: true });
    expect(fresh.snapshotDigest).not.toBe(reviewed.snapshotDigest);
    expect(samePlan(reviewed, fresh)).toEqual({ same: true, differences: [] });
  });

  it('names a change that appeared, one that disappeared, and one that differs', () => {
    const reviewed = planned({ bobTitle: 'Old' });
    const fresh = planned({ annDeleted: true, bobTitle: 'Older' });
    const result = samePlan(reviewed, fresh);
    expect(result.same).toBe(false);
    expect(result.differences).toEqual(['~ update user bob@acme.test: title differs', '~ deactivate user ann@acme.test: reason differs']);
  });

  it('lists additions and removals', () => {
    const without = planOf(world({ people: [bob], halo: { users: [linkedUser(11, bob)] } })).plan;
    const withAnn = planOf(world({ people: [bob, person('ann@acme.test')], halo: { users: [linkedUser(11, bob)] } })).plan;
    expect(samePlan(without, withAnn).differences).toEqual(['+ create user ann@acme.test (not in the reviewed plan)']);
    expect(samePlan(withAnn, without).differences).toEqual(['- create user ann@acme.test (in the reviewed plan, no longer planned)']);
  });

  it('a different safety verdict alone makes plans differ', () => {
    const result = samePlan(planned({ maxDeactivations: 5 }), planned({ maxDeactivations: 0 }));
    expect(result.same).toBe(false);
    expect(result.differences).toEqual(['~ safety: the reviewed plan was within the safety limits, the fresh plan is refused (1 deactivation exceeds safety.maxDeactivations (0))']);
  });

  it('the same changes in another order are not the same plan', () => {
    const reviewed = planned();
    const fresh = { ...reviewed, changes: [...reviewed.changes].reverse() };
    expect(reviewed.changes.length).toBeGreaterThan(1);
    expect(samePlan(reviewed, fresh).differences).toEqual(['~ the same changes, in a different order or repeated']);
  });
});
