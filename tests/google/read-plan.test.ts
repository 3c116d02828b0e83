/** Read planning (pure): shared reads, one unfiltered read, projection, fields, groups. */
import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../src/config/types.js';
import { planReads } from '../../src/google/index.js';
import { makeConfig } from './helpers.js';

const under = (value: string) => ({ field: 'orgUnitPath', op: 'under' as const, value });

describe('planReads', () => {
  it('shares one read between mappings whose queries coincide, per customer, in config order', () => {
    const config = makeConfig([
      { name: 'a', site: 'A', filter: under('/Staff') },
      { name: 'b', site: 'B', filter: under('/Other') },
      { name: 'c', agent: true, filter: { all: [under('/staff/'), { field: 'email', op: 'endsWith', value: '@x.com' }] } },
    ]);
    const plan = planReads(config);
    expect(plan.reads.map((r) => [r.key, r.mappings])).toEqual([
      ["my_customer|orgUnitPath='/Staff'", ['a', 'c']],
      ["my_customer|orgUnitPath='/Other'", ['b']],
    ]);
  });

  it('reads a customer once, unfiltered, when any of its mappings cannot be narrowed; other customers keep their queries', () => {
    const mappings: Mapping[] = [
      { name: 'a1', site: 'A', customer: 'C0a', filter: under('/Staff') },
      { name: 'a2', site: 'A2', customer: 'C0a', filter: { any: [under('/X'), under('/Y')] } },
      { name: 'b1', site: 'B', customer: 'C0b', filter: under('/Staff') },
      { name: 'b2', site: 'B2', customer: 'C0b', filter: { field: 'isAdmin', op: 'equals', value: true } },
    ];
    const plan = planReads(makeConfig(mappings, { google: { directory: 'customers', customer: 'my_customer' } }));
    expect(plan.reads.map((r) => [r.key, r.query, r.mappings])).toEqual([
      ['C0a|*', undefined, ['a1', 'a2']],
      ["C0b|orgUnitPath='/Staff'", "orgUnitPath='/Staff'", ['b1']],
      ['C0b|isAdmin=true', 'isAdmin=true', ['b2']],
    ]);
  });

  it('asks for projection=full only for custom schema fields (filter or field map), and a minimal fields mask', () => {
    const config = makeConfig(
      [
        { name: 'plain', site: 'P', filter: under('/P') },
        { name: 'custom', site: 'C', filter: { all: [under('/C'), { field: 'customSchemas.Emp.level', op: 'equals', value: '3' }] } },
        { name: 'agents', agent: true, filter: { field: 'isAdmin', op: 'equals', value: true } },
      ],
      { fields: { users: [{ from: 'phones[type=work]', to: 'phonenumber' }], agents: [{ from: 'customSchemas.Emp.badge', to: 'custom:Badge' }] } },
    );
    const plan = planReads(config);
    expect(plan.reads.map((r) => [r.mappings[0], r.projection, r.fields])).toEqual([
      ['plain', 'basic', 'nextPageToken,users(id,primaryEmail,name,suspended,archived,orgUnitPath,customerId,phones)'],
      ['custom', 'full', 'nextPageToken,users(id,primaryEmail,name,suspended,archived,orgUnitPath,customerId,customSchemas,phones)'],
      ['agents', 'full', 'nextPageToken,users(id,primaryEmail,name,suspended,archived,orgUnitPath,customerId,customSchemas,isAdmin)'],
    ]);
    expect(plan.lookup).toEqual({ projection: 'full', fields: 'id,primaryEmail,name,suspended,archived,orgUnitPath,customerId,customSchemas,isAdmin,phones' });
  });

  it('lists every group named by roles, cabs and memberOf, lower-cased, once', () => {
    const config = makeConfig([{ name: 'm', site: 'S', filter: { any: [{ field: 'group', op: 'memberOf', value: 'Staff@Acme.com' }, under('/X')] } }], {
      roles: [{ group: 'dev@acme.com', role: 'R' }, { group: 'staff@acme.com', role: 'S' }],
      cabs: [{ group: 'DEV@acme.com', cab: 'C' }],
    });
    expect(planReads(config).groups).toEqual(['dev@acme.com', 'staff@acme.com']);
  });

  it('refuses a customers-mode mapping without a customer rather than reading the wrong directory', () => {
    const config = makeConfig([{ name: 'm', site: 'S' }], { google: { directory: 'customers', customer: 'my_customer' } });
    expect(() => planReads(config)).toThrow(/mapping "m" names no customer/);
  });
});
