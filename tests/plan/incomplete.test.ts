import { describe, expect, it } from 'vitest';
import type { Config, Mapping } from '../../src/config/types.js';
import { found, group, lines, linkedAgent, linkedUser, person, planOf, read, ROLES, warningCodes, world } from '../builders.js';

const sales: Mapping = { name: 'sales', site: 'Branch Office', filter: { field: 'orgUnitPath', op: 'under', value: '/Sales' } };
const staff: Mapping = { name: 'staff', site: 'Head Office' };
const deactivateAll: Partial<Config> = { lifecycle: { suspended: 'deactivate', outOfScope: 'deactivate' } };

const ann = person('ann@acme.test', { ou: '/Staff' });
const bob = person('bob@acme.test', { ou: '/Staff' });
const sam = person('sam@acme.test', { ou: '/Sales' });

describe('a directory read that did not complete', () => {
  const failed = { complete: false, error: 'Google GET users (customer my_customer): 503 backendError' };

  it('deactivates nobody: a linked person it did not return is not treated as gone', () => {
    const w = world({
      config: { mappings: [staff], ...deactivateAll },
      reads: [read('own|staff', ['staff'], [ann], failed)],
      halo: { users: [linkedUser(10, ann), linkedUser(11, bob)] },
    });
    const { plan } = planOf(w);
    expect(plan.changes).toEqual([]);
    expect(warningCodes(plan)).toEqual(['incomplete-read', 'not-looked-up bob@acme.test']);
    expect(plan.warnings[0]?.message).toContain('directory read "own|staff" (customer my_customer) is incomplete: Google GET users (customer my_customer): 503 backendError; nobody missing from it is treated as gone');
  });

  it('deactivates nobody out of its scope, even someone a lookup found outside the filter', () => {
    const staffOnly: Mapping = { name: 'staff', site: 'Head Office', filter: { field: 'orgUnitPath', op: 'under', value: '/Staff' } };
    const moved = person('bob@acme.test', { ou: '/Former' });
    const w = world({
      config: { mappings: [staffOnly], ...deactivateAll },
      reads: [read('own|staff', ['staff'], [ann], failed)],
      lookups: [found(moved)],
      halo: { users: [linkedUser(10, ann), linkedUser(11, moved)] },
    });
    const { plan } = planOf(w);
    expect(plan.changes).toEqual([]);
    expect(plan.warnings[0]?.message).toContain('held back 1 deactivation (bob@acme.test)');
  });

  it('people a later mapping would place keep their current placement: no create, no site move', () => {
    // sales (first) failed; staff (second) read fine. Ann could be in sales: do not move or create her.
    const cat = person('cat@acme.test', { ou: '/Staff' });
    const w = world({
      config: { mappings: [sales, staff] },
      reads: [read('own|sales', ['sales'], [], failed), read('own|staff', ['staff'], [ann, cat])],
      halo: { users: [linkedUser(10, ann, { site_id: 2, site_name: 'Branch Office', title: 'Old' })] },
    });
    const { plan } = planOf(w);
    expect(lines(plan)).toEqual(['update user ann@acme.test title: Old → ∅']);
    expect(warningCodes(plan)).toEqual(['incomplete-read', 'placement-uncertain ann@acme.test', 'placement-uncertain cat@acme.test']);
    expect(plan.warnings.find((x) => x.email === 'cat@acme.test')?.message).toContain('creation of a Halo user held back');
    expect(plan.warnings[0]?.message).toMatch(/held back 1 creation \(cat@acme\.test\) and 1 site move \(ann@acme\.test\)/);
  });

  it('people the failed mapping did return are placed by it as usual', () => {
    const w = world({ config: { mappings: [sales, staff] }, reads: [read('own|sales', ['sales'], [sam], failed), read('own|staff', ['staff'], [sam])] });
    expect(lines(planOf(w).plan)).toEqual(['create user sam@acme.test']);
  });

  it('a failed LATER mapping does not hold people an earlier mapping places', () => {
    const w = world({ config: { mappings: [staff, sales] }, reads: [read('own|staff', ['staff'], [ann]), read('own|sales', ['sales'], [], failed)] });
    expect(lines(planOf(w).plan)).toEqual(['create user ann@acme.test']);
  });

  it('a mapping no read served at all is uncertain too', () => {
    const w = world({ config: { mappings: [staff], ...deactivateAll }, reads: [], halo: { users: [linkedUser(10, ann)] } });
    const { plan } = planOf(w);
    expect(plan.changes).toEqual([]);
    expect(plan.warnings.map((x) => x.message).join('\n')).toContain('mapping "staff" is incomplete: no directory read served it');
  });
});

describe('groups that were not read whole', () => {
  const rules: Partial<Config> = {
    mappings: [{ name: 'agents', agent: true }],
    roles: [{ group: 'admins@acme.test', role: 'Administrator' }],
    cabs: [{ group: 'admins@acme.test', cab: 'Infrastructure CAB' }],
  };

  it('adds still happen, removals are held back and reported', () => {
    const partial = group('admins@acme.test', [ann], { complete: false, error: 'members.list page 3: 500' });
    const w = world({
      config: rules,
      people: [ann, bob],
      groups: [partial],
      halo: {
        agents: [linkedAgent(20, ann), linkedAgent(21, bob, [ROLES.administrator])],
        cabs: [{ id: 1, name: 'Infrastructure CAB', members: [{ id: 1, agent_id: 21 }] }],
      },
    });
    const { plan } = planOf(w);
    expect(lines(plan)).toEqual(['roles agent ann@acme.test +Administrator', 'cabs agent ann@acme.test +cab:Infrastructure CAB']);
    const warning = plan.warnings.find((x) => x.code === 'incomplete-read');
    expect(warning?.message).toContain('group admins@acme.test is incomplete: members.list page 3: 500');
    expect(warning?.message).toContain('1 CAB removal (bob@acme.test) and 1 role removal (bob@acme.test)');
  });

  it('a group that does not exist grants nothing, removes nothing, and is flagged as a possible typo', () => {
    const w = world({
      config: rules,
      people: [bob],
      groups: [group('admins@acme.test', [], { found: false })],
      halo: { agents: [linkedAgent(21, bob, [ROLES.administrator])] },
    });
    const { plan } = planOf(w);
    expect(plan.changes).toEqual([]);
    expect(warningCodes(plan)).toEqual(['group-not-found']);
    expect(plan.warnings[0]?.message).toContain('was not found in Google (a typo?)');
  });

  it('a licence verdict that depends on an incomplete group never deactivates', () => {
    const w = world({
      config: { ...rules, licence: { enabled: true, activeRoles: ['Administrator'] } },
      people: [bob],
      groups: [group('admins@acme.test', [], { complete: false })],
      halo: { agents: [linkedAgent(21, bob, [ROLES.readOnly])] },
    });
    const { plan } = planOf(w);
    expect(plan.changes).toEqual([]);
    expect(plan.warnings[0]?.message).toContain('1 licence deactivation (bob@acme.test)');
  });

  it('a mapping filtering on an incomplete group holds deactivations of people it might still contain', () => {
    const mapping: Mapping = { name: 'helpdesk', site: 'Head Office', filter: { field: 'group', op: 'memberOf', value: 'helpdesk@acme.test' } };
    const w = world({
      config: { mappings: [mapping], ...deactivateAll },
      people: [ann, bob],
      groups: [group('helpdesk@acme.test', [ann], { complete: false })],
      halo: { users: [linkedUser(10, ann), linkedUser(11, bob)] },
    });
    const { plan } = planOf(w);
    expect(plan.changes).toEqual([]);
    expect(plan.warnings[0]?.message).toContain('held back 1 deactivation (bob@acme.test)');
  });

  it('... but not of people who could not be in it whatever the group says', () => {
    const mapping: Mapping = { name: 'helpdesk', site: 'Head Office', filter: { all: [{ field: 'group', op: 'memberOf', value: 'helpdesk@acme.test' }, { field: 'orgUnitPath', op: 'under', value: '/Staff' }] } };
    const outsider = person('out@acme.test', { ou: '/Contractors' });
    const w = world({
      config: { mappings: [mapping], ...deactivateAll },
      people: [outsider],
      groups: [group('helpdesk@acme.test', [], { complete: false })],
      halo: { users: [linkedUser(12, outsider)] },
    });
    expect(lines(planOf(w).plan)).toEqual(['deactivate user out@acme.test']);
  });
});
