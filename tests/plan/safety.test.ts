import { describe, expect, it } from 'vitest';
import type { DirectoryUser } from '../../src/model/directory.js';
import type { HaloUser } from '../../src/model/halo.js';
import { haloUser, linkedUser, person, planOf, world } from '../builders.js';

function leavers(count: number, managedStaying: number, limits: { maxDeactivations: number; maxDeactivationPercent: number }, unmanaged = 0) {
  const staying: DirectoryUser[] = Array.from({ length: managedStaying }, (_, i) => person(`stay${i}@acme.test`, { ou: '/Staff' }));
  const gone: DirectoryUser[] = Array.from({ length: count }, (_, i) => person(`gone${i}@acme.test`, { ou: '/Former' }));
  const users: HaloUser[] = [...staying, ...gone].map((p, i) => linkedUser(100 + i, p));
  for (let i = 0; i < unmanaged; i++) users.push(haloUser(900 + i, { emailaddress: `other${i}@acme.test` }));
  return planOf(world({
    config: {
      mappings: [{ name: 'staff', site: 'Head Office', filter: { field: 'orgUnitPath', op: 'under', value: '/Staff' } }],
      lifecycle: { suspended: 'deactivate', outOfScope: 'deactivate' },
      safety: { ...limits, protectedAgents: [] },
    },
    people: [...staying, ...gone],
    halo: { users },
  })).plan;
}

describe('safety caps', () => {
  it.each([
    { name: 'within both caps', gone: 2, staying: 38, limits: { maxDeactivations: 5, maxDeactivationPercent: 10 }, want: [] },
    { name: 'exactly at the count cap is allowed', gone: 5, staying: 95, limits: { maxDeactivations: 5, maxDeactivationPercent: 10 }, want: [] },
    {
      name: 'over the count cap', gone: 7, staying: 93, limits: { maxDeactivations: 5, maxDeactivationPercent: 10 },
      want: [{ code: 'max-deactivations', message: '7 deactivations exceed safety.maxDeactivations (5)', limit: 5, actual: 7 }],
    },
    {
      name: 'over the percent cap', gone: 7, staying: 33, limits: { maxDeactivations: 10, maxDeactivationPercent: 10 },
      want: [{ code: 'max-deactivation-percent', message: '7 of 40 managed records (17.5%) exceed safety.maxDeactivationPercent (10%)', limit: 10, actual: 17.5 }],
    },
    {
      name: 'over both', gone: 7, staying: 33, limits: { maxDeactivations: 5, maxDeactivationPercent: 10 },
      want: [
        { code: 'max-deactivations', message: '7 deactivations exceed safety.maxDeactivations (5)', limit: 5, actual: 7 },
        { code: 'max-deactivation-percent', message: '7 of 40 managed records (17.5%) exceed safety.maxDeactivationPercent (10%)', limit: 10, actual: 17.5 },
      ],
    },
  ])('$name', ({ gone, staying, limits, want }) => {
    const plan = leavers(gone, staying, limits);
    expect(plan.safety).toEqual({ ok: want.length === 0, violations: want });
    expect(plan.changes.filter((c) => c.action === 'deactivate')).toHaveLength(gone);
  });

  it('records without a Google id do not count as managed', () => {
    const plan = leavers(7, 33, { maxDeactivations: 10, maxDeactivationPercent: 10 }, 1000);
    expect(plan.safety.violations[0]?.message).toBe('7 of 40 managed records (17.5%) exceed safety.maxDeactivationPercent (10%)');
  });

  it('records linked in this plan count as managed (and may be deactivated in it)', () => {
    const sue = person('sue@acme.test', { ou: '/Staff', suspended: true });
    const plan = planOf(world({
      config: { mappings: [{ name: 'staff', site: 'Head Office' }], safety: { maxDeactivations: 10, maxDeactivationPercent: 50, protectedAgents: [] } },
      people: [sue],
      halo: { users: [haloUser(5, { emailaddress: 'sue@acme.test' })] },
    })).plan;
    expect(plan.changes.map((c) => c.action)).toEqual(['link', 'update', 'deactivate']);
    expect(plan.safety.violations).toEqual([expect.objectContaining({ code: 'max-deactivation-percent', message: '1 of 1 managed record (100%) exceeds safety.maxDeactivationPercent (50%)' })]);
  });

  it('the percent check is skipped when halo-sync manages nothing yet', () => {
    const plan = planOf(world({ config: { safety: { maxDeactivations: 0, maxDeactivationPercent: 0, protectedAgents: [] } }, people: [person('new@acme.test')] })).plan;
    expect(plan.safety).toEqual({ ok: true, violations: [] });
  });

  it('a plan over a cap is still built in full', () => {
    const plan = leavers(7, 0, { maxDeactivations: 1, maxDeactivationPercent: 1 });
    expect(plan.safety.ok).toBe(false);
    expect(plan.summary.users.deactivate).toBe(7);
  });
});
