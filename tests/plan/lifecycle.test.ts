import { describe, expect, it } from 'vitest';
import type { Config, LifecyclePolicy, Mapping } from '../../src/config/types.js';
import { missingLinkedIds } from '../../src/plan/index.js';
import { found, haloUser, lines, linkedAgent, linkedUser, lookupError, notFound, person, planOf, read, warningCodes, world } from '../builders.js';

const staff: Mapping = { name: 'staff', site: 'Head Office', filter: { field: 'orgUnitPath', op: 'under', value: '/Staff' } };
const lifecycle = (suspended: LifecyclePolicy, outOfScope: LifecyclePolicy): Partial<Config> => ({ mappings: [staff], lifecycle: { suspended, outOfScope } });

const active = person('ann@acme.test', { ou: '/Staff' });
const suspended = person('sue@acme.test', { ou: '/Staff', suspended: true });
const archived = person('arc@acme.test', { ou: '/Staff', archived: true });
const leaver = person('leo@acme.test', { ou: '/Former' });

describe('lifecycle policies', () => {
  it.each([
    { name: 'suspended, policy deactivate', who: suspended, policy: lifecycle('deactivate', 'keep'), want: 'suspended in Google; lifecycle.suspended is deactivate' },
    { name: 'archived, policy deactivate (the reason says archived)', who: archived, policy: lifecycle('deactivate', 'keep'), want: 'archived in Google; lifecycle.suspended is deactivate' },
    { name: 'suspended, policy keep', who: suspended, policy: lifecycle('keep', 'deactivate'), want: null },
    { name: 'out of scope, policy deactivate', who: leaver, policy: lifecycle('keep', 'deactivate'), want: 'in no users (site) mapping any more; lifecycle.outOfScope is deactivate' },
    { name: 'out of scope, policy keep', who: leaver, policy: lifecycle('deactivate', 'keep'), want: null },
  ])('$name', ({ who, policy, want }) => {
    const { plan, writes } = planOf(world({ config: policy, people: [who], halo: { users: [linkedUser(10, who)] } }));
    if (want === null) {
      expect(plan.changes).toEqual([]);
    } else {
      expect(plan.changes).toEqual([expect.objectContaining({ action: 'deactivate', subject: 'user', haloId: 10, reason: want })]);
      expect(writes.deactivations.users).toEqual([{ googleId: who.id, email: who.primaryEmail, haloId: 10, body: { inactive: true }, changes: [0] }]);
    }
  });

  it('out of scope deactivations carry no mapping; suspended ones carry the mapping that placed them', () => {
    const { plan } = planOf(world({ config: lifecycle('deactivate', 'deactivate'), people: [suspended, leaver], halo: { users: [linkedUser(10, suspended), linkedUser(11, leaver)] } }));
    expect(plan.changes.map((c) => `${c.email} ${c.mapping}`)).toEqual(['leo@acme.test null', 'sue@acme.test staff']);
  });

  it('agents are disabled with isdisabled', () => {
    const w = world({ config: { mappings: [{ name: 'agents', agent: true, filter: staff.filter }] }, people: [suspended], halo: { agents: [linkedAgent(20, suspended)] } });
    const { plan, writes } = planOf(w);
    expect(lines(plan)).toEqual(['deactivate agent sue@acme.test']);
    expect(plan.changes[0]?.fields).toEqual([{ field: 'isdisabled', before: false, after: true }]);
    expect(writes.deactivations.agents[0]?.body).toEqual({ isdisabled: true });
  });

  it('records already inactive are not deactivated again', () => {
    const { plan } = planOf(world({ config: lifecycle('deactivate', 'deactivate'), people: [suspended, leaver], halo: { users: [linkedUser(10, suspended, { inactive: true }), linkedUser(11, leaver, { inactive: true })] } }));
    expect(plan.changes).toEqual([]);
  });

  it('a suspended person is never reactivated', () => {
    const { plan } = planOf(world({ config: lifecycle('keep', 'keep'), people: [suspended], halo: { users: [linkedUser(10, suspended, { inactive: true })] } }));
    expect(plan.changes).toEqual([]);
  });

  it('only records carrying a Google id are deactivated: unlinked records of leavers are left alone', () => {
    const { plan } = planOf(world({ config: lifecycle('deactivate', 'deactivate'), people: [leaver], halo: { users: [haloUser(12, { emailaddress: 'leo@acme.test' })] } }));
    expect(plan.changes).toEqual([]);
  });

  it('a suspended person with no Halo record is not created', () => {
    expect(planOf(world({ config: lifecycle('deactivate', 'keep'), people: [suspended] })).plan.changes).toEqual([]);
  });

  it.each([
    { policy: 'deactivate' as const, want: ['link user sue@acme.test', 'deactivate user sue@acme.test'] },
    { policy: 'keep' as const, want: ['link user sue@acme.test'] },
  ])('a suspended person matched to an unlinked record is linked, then policy $policy applies', ({ policy, want }) => {
    const record = haloUser(13, { emailaddress: 'sue@acme.test', name: 'Sue Tester', firstname: 'Sue', surname: 'Tester' });
    const { plan, writes } = planOf(world({ config: lifecycle(policy, 'keep'), people: [suspended], halo: { users: [record] } }));
    expect(lines(plan)).toEqual(want);
    expect(writes.users[0]?.body).toEqual({ googleworkplace_id: suspended.id });
  });

  it('a person both suspended and out of scope: either policy saying deactivate deactivates, and the reason names it', () => {
    const gone = person('gus@acme.test', { ou: '/Former', suspended: true });
    const { plan } = planOf(world({ config: lifecycle('keep', 'deactivate'), people: [gone], halo: { users: [linkedUser(10, gone)] } }));
    expect(plan.changes[0]?.reason).toBe('in no users (site) mapping any more; lifecycle.outOfScope is deactivate');
  });
});

describe('linked people missing from the reads (direct lookups)', () => {
  const config = lifecycle('deactivate', 'deactivate');
  const emptyRead = [read('own|staff', ['staff'], [])];

  it('found by users.get and still matching the filter: kept, fields still managed', () => {
    const moved = person('ann@acme.test', { ou: '/Staff', title: 'Lead' });
    const w = world({ config, reads: emptyRead, lookups: [found(moved)], halo: { users: [linkedUser(10, moved, { title: 'Engineer' })] } });
    const { plan } = planOf(w);
    expect(lines(plan)).toEqual(['update user ann@acme.test title: Engineer → Lead']);
  });

  it('found by users.get but no longer matching: out of scope per policy', () => {
    const w = world({ config, reads: emptyRead, lookups: [found(leaver)], halo: { users: [linkedUser(10, leaver)] } });
    expect(planOf(w).plan.changes[0]?.reason).toBe('in no users (site) mapping any more; lifecycle.outOfScope is deactivate');
  });

  it.each([
    { policy: 'deactivate' as const, want: ['deactivate user ann@acme.test'] },
    { policy: 'keep' as const, want: [] },
  ])('not found by users.get (deleted from Google): outOfScope policy $policy', ({ policy, want }) => {
    const w = world({ config: lifecycle('deactivate', policy), reads: emptyRead, lookups: [notFound(active.id)], halo: { users: [linkedUser(10, active)] } });
    const { plan } = planOf(w);
    expect(lines(plan)).toEqual(want);
    if (want.length) expect(plan.changes[0]?.reason).toBe('deleted from Google (users.get found no such user); lifecycle.outOfScope is deactivate');
  });

  it('lookup failed: held, never deactivated, warned', () => {
    const w = world({ config, reads: emptyRead, lookups: [lookupError(active.id)], halo: { users: [linkedUser(10, active)] } });
    const { plan } = planOf(w);
    expect(plan.changes).toEqual([]);
    expect(plan.warnings).toEqual([expect.objectContaining({ code: 'lookup-failed', email: 'ann@acme.test', googleId: active.id })]);
    expect(plan.warnings[0]?.message).toContain('503');
  });

  it('not looked up at all: held and warned (absence alone is no evidence)', () => {
    const w = world({ config, reads: emptyRead, halo: { users: [linkedUser(10, active)] } });
    const { plan } = planOf(w);
    expect(plan.changes).toEqual([]);
    expect(warningCodes(plan)).toEqual(['not-looked-up ann@acme.test']);
  });

  it('in customers mode a lookup is evaluated only against mappings of its own customer', () => {
    const kim = person('kim@keystone.test', { customerId: 'C04kystn1' });
    const mappings: Mapping[] = [
      { name: 'harbor', site: 'Branch Office', customer: 'C03hrbr01' },
      { name: 'keystone', site: 'Head Office', customer: 'C04kystn1' },
    ];
    const w = world({
      config: { google: { directory: 'customers', customer: 'my_customer' }, mappings, lifecycle: { suspended: 'deactivate', outOfScope: 'deactivate' } },
      reads: [read('C03hrbr01|harbor', ['harbor'], [], { customer: 'C03hrbr01' }), read('C04kystn1|keystone', ['keystone'], [], { customer: 'C04kystn1' })],
      lookups: [found(kim)],
      halo: { users: [linkedUser(10, kim)] },
    });
    expect(planOf(w).plan.changes).toEqual([]);
  });

  it('missingLinkedIds lists managed records no read returned (users and agents), once, and not after a lookup', () => {
    const bob = person('bob@acme.test');
    const w = world({
      config,
      reads: [read('own|staff', ['staff'], [active])],
      halo: {
        users: [linkedUser(10, active), linkedUser(11, leaver), haloUser(12, { googleworkplace_id: '' })],
        agents: [linkedAgent(20, leaver), linkedAgent(21, bob), linkedAgent(22, bob, [], { third_party_guid: 'okta-1' })],
      },
    });
    expect(missingLinkedIds(w.loaded.config, w.directory, w.halo)).toEqual([leaver.id, bob.id].sort());
    const after = { ...w.directory, lookups: [notFound(leaver.id)] };
    expect(missingLinkedIds(w.loaded.config, after, w.halo)).toEqual([bob.id]);
  });
});
