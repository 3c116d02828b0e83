import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../src/config/types.js';
import { group, lines, linkedAgent, linkedUser, person, planOf, read, world, ROLES } from '../builders.js';

const ann = person('ann@acme.test', { ou: '/Staff/Sales', title: 'Sales lead' });
const bob = person('bob@acme.test', { ou: '/Staffing' });
const cat = person('cat@acme.test', { ou: '/Engineering' });

const sales: Mapping = { name: 'sales', site: 'Branch Office', filter: { field: 'orgUnitPath', op: 'under', value: '/Staff/Sales' } };
const staff: Mapping = { name: 'staff', site: 'Head Office', filter: { field: 'orgUnitPath', op: 'under', value: '/Staff' } };
const everyone: Mapping = { name: 'everyone', site: 'Head Office' };
const engineers: Mapping = { name: 'engineers', agent: true, defaultRole: 'Technician', filter: { field: 'orgUnitPath', op: 'under', value: '/Engineering' } };
const salesAgents: Mapping = { name: 'sales-agents', agent: true, defaultRole: 'Read Only', filter: { field: 'orgUnitPath', op: 'under', value: '/Staff' } };

describe('scope and placement', () => {
  it.each([
    {
      name: 'first mapping wins in the users import (narrow mapping first)',
      mappings: [sales, staff],
      people: [ann],
      want: { email: 'ann@acme.test', mapping: 'sales', site: 'Branch Office' },
    },
    {
      name: 'first mapping wins: order reversed, the broad mapping places',
      mappings: [staff, sales],
      people: [ann],
      want: { email: 'ann@acme.test', mapping: 'staff', site: 'Head Office' },
    },
    {
      name: 'under works by path segment: /Staffing is not under /Staff, falls to the next mapping',
      mappings: [staff, { ...everyone, site: 'Branch Office' }],
      people: [bob],
      want: { email: 'bob@acme.test', mapping: 'everyone', site: 'Branch Office' },
    },
  ])('$name', ({ mappings, people, want }) => {
    const { plan } = planOf(world({ config: { mappings }, people }));
    const create = plan.changes.find((c) => c.action === 'create' && c.email === want.email);
    expect(create?.mapping).toBe(want.mapping);
    expect(create?.fields.find((f) => f.field === 'site')?.after).toBe(want.site);
  });

  it('first mapping wins within the agents import too, and only there', () => {
    const { plan } = planOf(world({ config: { mappings: [salesAgents, engineers, sales] }, people: [ann, cat] }));
    const created = plan.changes.filter((c) => c.action === 'create').map((c) => `${c.subject} ${c.email} ${c.mapping} ${c.roles.add.join(',')}`);
    expect(created).toEqual([
      'user ann@acme.test sales ',
      'agent ann@acme.test sales-agents Read Only',
      'agent cat@acme.test engineers Technician',
    ]);
  });

  it('a person in both imports gets a Halo user and a Halo agent', () => {
    const { plan } = planOf(world({ config: { mappings: [everyone, { ...engineers, filter: undefined }] }, people: [cat] }));
    expect(lines(plan)).toEqual(['create user cat@acme.test', 'create agent cat@acme.test +Technician']);
  });

  it('no filter means everyone the read returned; nobody the read did not return is created', () => {
    const dan = person('dan@acme.test');
    const w = world({ config: { mappings: [everyone] }, people: [ann, dan], reads: [read('own|everyone', ['everyone'], [ann])] });
    const { plan } = planOf(w);
    expect(plan.changes.map((c) => c.email)).toEqual(['ann@acme.test']);
  });

  it('re-checks the filter locally: a read that returned too much does not place people outside the filter', () => {
    const { plan } = planOf(world({ config: { mappings: [sales] }, people: [ann, bob, cat] }));
    expect(plan.changes.map((c) => c.email)).toEqual(['ann@acme.test']);
  });

  it('memberOf filters use transitive group membership', () => {
    const mapping: Mapping = { name: 'helpdesk', site: 'Head Office', filter: { field: 'group', op: 'memberOf', value: 'Helpdesk@acme.test' } };
    const { plan } = planOf(world({ config: { mappings: [mapping] }, people: [ann, bob], groups: [group('helpdesk@acme.test', [bob])] }));
    expect(plan.changes.map((c) => `${c.action} ${c.email}`)).toEqual(['create bob@acme.test']);
  });

  it('customers mode: a mapping only places people of its customer', () => {
    const keystone = person('kim@keystone.test', { customerId: 'C04kystn1' });
    const own = person('oli@acme.test');
    const mappings: Mapping[] = [
      { name: 'keystone', site: 'Branch Office', customer: 'C04kystn1' },
      { name: 'own-staff', site: 'Head Office', customer: 'my_customer' },
    ];
    const { plan } = planOf(world({ config: { google: { directory: 'customers', customer: 'my_customer' }, mappings }, people: [keystone, own] }));
    expect(plan.changes.map((c) => `${c.email} ${c.mapping}`)).toEqual(['kim@keystone.test keystone', 'oli@acme.test own-staff']);
  });

  it('agents outside the agents import are never touched by role rules', () => {
    const eve = person('eve@acme.test', { ou: '/Finance' });
    const agent = linkedAgent(20, eve, [ROLES.administrator]);
    const { plan } = planOf(world({
      config: { mappings: [engineers], roles: [{ group: 'admins@acme.test', role: 'Administrator' }] },
      people: [eve],
      groups: [group('admins@acme.test', [])],
      halo: { agents: [agent] },
    }));
    expect(plan.changes).toEqual([]);
  });

  it('a linked user in sync plans nothing', () => {
    const { plan } = planOf(world({ config: { mappings: [everyone] }, people: [ann], halo: { users: [linkedUser(10, ann)] } }));
    expect(plan.changes).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });
});
