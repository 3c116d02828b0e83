import { describe, expect, it } from 'vitest';
import type { HaloUser } from '../../src/model/halo.js';
import { lines, linkedAgent, linkedUser, person, planOf, world } from '../builders.js';

const ann = person('ann@acme.test', { title: 'Engineer', department: 'R&D', workPhone: '+44 20 7946 0000' });

function planFor(record: Partial<HaloUser>, p = ann, config = {}) {
  return planOf(world({ config, people: [p], halo: { users: [linkedUser(10, p, record)] } }));
}

describe('field maps and equality', () => {
  it.each([
    { name: 'email case', record: { emailaddress: 'ANN@ACME.TEST' } },
    { name: 'surrounding spaces', record: { title: '  Engineer ' } },
    { name: 'null vs empty string', record: { mobilenumber: '' } },
    { name: 'missing vs null', record: { mobilenumber: undefined } },
  ])('ignores meaningless differences: $name', ({ record }) => {
    expect(planFor(record).plan.changes).toEqual([]);
  });

  it('compares numbers and booleans as values', () => {
    const p = person('num@acme.test', { customSchemas: { HR: { id: 42, remote: true } } });
    const config = { fields: { users: [{ from: 'customSchemas.HR.id', to: 'other1' }, { from: 'customSchemas.HR.remote', to: 'other2' }], agents: [] } };
    expect(planFor({ other1: 42, other2: 'true' }, p, config).plan.changes).toEqual([]);
    expect(lines(planFor({ other1: 43, other2: 'true' }, p, config).plan)).toEqual(['update user num@acme.test other1: 43 → 42']);
  });

  it('name case is a real difference (names are shown to people)', () => {
    expect(lines(planFor({ firstname: 'ann' }).plan)).toEqual(['update user ann@acme.test firstname: ann → Ann']);
  });

  it.each([
    { name: 'title changed', record: { title: 'Intern' }, want: 'title: Intern → Engineer' },
    { name: 'department changed', record: { department: 'Sales' }, want: 'department: Sales → R&D' },
    { name: 'display name changed', record: { name: 'Annie Tester' }, want: 'name: Annie Tester → Ann Tester' },
    { name: 'several fields, names first then config order', record: { title: 'Intern', surname: 'Old', phonenumber: '1' }, want: 'surname: Old → Tester, title: Intern → Engineer, phonenumber: 1 → +44 20 7946 0000' },
  ])('updates what differs: $name', ({ record, want }) => {
    const { plan, writes } = planFor(record);
    expect(lines(plan)).toEqual([`update user ann@acme.test ${want}`]);
    expect(writes.users).toHaveLength(1);
    expect(writes.users[0]?.haloId).toBe(10);
    expect(writes.users[0]?.body).not.toHaveProperty('id');
  });

  it('clears a Halo value that Google no longer has (after: null, written as empty string)', () => {
    const { plan, writes } = planFor({ mobilenumber: '+44 7700 900000' });
    expect(plan.changes[0]?.fields).toEqual([{ field: 'mobilenumber', before: '+44 7700 900000', after: null }]);
    expect(writes.users[0]?.body).toEqual({ mobilenumber: '' });
  });

  it('maps a custom field by name to its id, compares with the record entry, writes customfields', () => {
    const p = person('cf@acme.test', { customSchemas: { Employment: { employeeNumber: 'E-1001' } } });
    const config = { fields: { users: [{ from: 'customSchemas.Employment.employeeNumber', to: 'custom:cfemployeenumber' }], agents: [] } };
    const same = planFor({ customfields: [{ id: 501, name: 'CFEmployeeNumber', value: 'E-1001' }] }, p, config);
    expect(same.plan.changes).toEqual([]);
    const differs = planFor({ customfields: [{ id: 501, name: 'CFEmployeeNumber', value: 'E-0999' }, { id: 777, value: 'kept' }] }, p, config);
    expect(lines(differs.plan)).toEqual(['update user cf@acme.test custom:CFEmployeeNumber: E-0999 → E-1001']);
    expect(differs.writes.users[0]?.body).toEqual({ customfields: [{ id: 501, value: 'E-1001' }] });
    const missing = planFor({}, p, config);
    expect(lines(missing.plan)).toEqual(['update user cf@acme.test custom:CFEmployeeNumber: ∅ → E-1001']);
  });

  it('moves a user to the site of the mapping that places them', () => {
    const config = { mappings: [{ name: 'branch', site: 'Branch Office' }] };
    const { plan, writes } = planFor({}, ann, config);
    expect(lines(plan)).toEqual(['update user ann@acme.test site: Head Office → Branch Office']);
    expect(plan.changes[0]?.reason).toContain('mapping "branch" places them in site Branch Office');
    expect(writes.users[0]?.body).toEqual({ site_id: 2 });
  });

  it('shows the site by name even when the record has only a site id', () => {
    const config = { mappings: [{ name: 'branch', site: 'branch office' }] };
    const { plan } = planFor({ site_name: null }, ann, config);
    expect(lines(plan)).toEqual(['update user ann@acme.test site: Head Office → Branch Office']);
  });

  it('a new user gets every non-empty desired field, its site and its Google id', () => {
    const { plan, writes } = planOf(world({ people: [ann] }));
    expect(plan.changes[0]?.fields).toEqual([
      { field: 'name', before: null, after: 'Ann Tester' },
      { field: 'firstname', before: null, after: 'Ann' },
      { field: 'surname', before: null, after: 'Tester' },
      { field: 'emailaddress', before: null, after: 'ann@acme.test' },
      { field: 'title', before: null, after: 'Engineer' },
      { field: 'department', before: null, after: 'R&D' },
      { field: 'phonenumber', before: null, after: '+44 20 7946 0000' },
      { field: 'site', before: null, after: 'Head Office' },
      { field: 'googleworkplace_id', before: null, after: ann.id },
    ]);
    expect(writes.users[0]).toEqual({
      googleId: ann.id,
      email: 'ann@acme.test',
      body: { name: 'Ann Tester', firstname: 'Ann', surname: 'Tester', emailaddress: 'ann@acme.test', title: 'Engineer', department: 'R&D', phonenumber: '+44 20 7946 0000', site_id: 1, googleworkplace_id: ann.id },
      changes: [0],
    });
  });

  it('agents use the agent field maps, not the user ones', () => {
    const w = world({ config: { mappings: [{ name: 'agents', agent: true }] }, people: [ann], halo: { agents: [linkedAgent(20, ann, [], { jobtitle: 'Intern', title: 'ignored' })] } });
    expect(lines(planOf(w).plan)).toEqual(['update agent ann@acme.test jobtitle: Intern → Engineer']);
  });

  it('never lets a field map write halo-sync’s own fields (identity, site, status)', () => {
    const config = { fields: { users: [{ from: 'primaryEmail', to: 'googleworkplace_id' }, { from: 'orgUnitPath', to: 'site_id' }, { from: 'suspended', to: 'inactive' }], agents: [] } };
    expect(planFor({}, ann, config).plan.changes).toEqual([]);
  });
});
