/** The reader over the sandbox: retries that recover, progress, the local re-check, direct lookups. */
import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../src/config/types.js';
import { describeProgress, lookupUsers, planReads, readDirectory, selectMappingUsers, type ReadProgress } from '../../src/google/index.js';
import { customer, makeConfig, makeUsers, sandbox, testClient, USER, USERS } from './helpers.js';

const users = makeUsers(1234, 'acme.com', { ous: ['/Staff', '/Staff/Sales', '/Other'] });
const groups = [{ id: 'g', email: 'leads@acme.com', members: users.slice(0, 450).map((u) => ({ email: u.primaryEmail, type: 'USER' as const })) }];
const mappings: Mapping[] = [
  { name: 'sales', site: 'Sales', filter: { all: [{ field: 'orgUnitPath', op: 'under', value: '/Staff/Sales' }, { field: 'title', op: 'equals', value: 'Engineer' }] } },
  { name: 'staff', site: 'Staff', filter: { field: 'orgUnitPath', op: 'under', value: '/Staff' } },
  { name: 'lead-agents', agent: true, filter: { all: [{ field: 'group', op: 'memberOf', value: 'leads@acme.com' }, { field: 'email', op: 'endsWith', value: '7@acme.com' }] } },
];
const config = makeConfig(mappings, { roles: [{ group: 'leads@acme.com', role: 'Lead' }] });

describe('readDirectory', () => {
  it('recovers from injected 503s and rate limits (fixed seeds) with the same snapshot as a clean read', async () => {
    const clean = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', users, groups) } });
    const expected = await readDirectory({ client: testClient(clean).client, config });
    const reasons = new Set<string | undefined>();
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const faulty = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', users, groups) }, faults: { googleErrorRate: 0.15, googleRateLimitRate: 0.15, seed } });
      const { client, retries } = testClient(faulty);
      const snapshot = await readDirectory({ client, config });
      expect(snapshot).toEqual(expected);
      const faults = faulty.stats().faults;
      // Every injected fault was retried, and nothing else was.
      expect((faults.error ?? 0) + (faults.rateLimited ?? 0)).toBe(retries.length);
      for (const retry of retries) reasons.add(retry.error.reason);
    }
    expect(expected.reads.every((r) => r.complete) && expected.groups.every((g) => g.complete)).toBe(true);
    expect(reasons).toEqual(new Set(['backendError', 'rateLimitExceeded', 'userRateLimitExceeded']));
  });

  it('reports progress by phase with growing counts', async () => {
    const server = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', users, groups) } });
    const events: ReadProgress[] = [];
    const snapshot = await readDirectory({ client: testClient(server).client, config, onProgress: (p) => events.push(p), concurrency: 1 });
    expect([...new Set(events.map((e) => e.phase))]).toEqual(['users', 'groups', 'done']);
    const last = events.at(-1);
    const stats = server.stats().byEndpoint;
    expect(last).toEqual({ phase: 'done', users: snapshot.users.length, pages: (stats[USERS] ?? 0) + (stats['GET /admin/directory/v1/groups/{groupKey}/members'] ?? 0), groups: 1 });
    expect(events.some((e) => e.customer === 'my_customer')).toBe(true);
    for (let i = 1; i < events.length; i++) expect(events[i]!.pages).toBeGreaterThanOrEqual(events[i - 1]!.pages);
    expect(describeProgress(last!)).toBe(`Google: read: 1,234 users, ${last!.pages} pages, 1 group`);
  });

  it('pushdown + local re-check selects exactly what a local evaluation over everyone selects', async () => {
    const server = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', users, groups) } });
    const snapshot = await readDirectory({ client: testClient(server).client, config });
    expect(snapshot.reads).toMatchObject([{ key: 'my_customer|*', mappings: ['sales', 'staff', 'lead-agents'], complete: true }]);
    const leads = new Set(users.slice(0, 450).map((u) => u.primaryEmail));
    const local = {
      sales: users.filter((u) => u.orgUnitPath === '/Staff/Sales' && u.organizations?.[0]?.title === 'Engineer'),
      staff: users.filter((u) => u.orgUnitPath?.startsWith('/Staff')),
      'lead-agents': users.filter((u) => leads.has(u.primaryEmail) && u.primaryEmail.endsWith('7@acme.com')),
    };
    // lead-agents has nothing pushable: its customer is read once, unfiltered, serving every mapping.
    for (const mapping of mappings) {
      const ids = selectMappingUsers(snapshot, mapping).map((u) => u.id);
      expect(ids, mapping.name).toEqual(local[mapping.name as keyof typeof local].map((u) => u.id).sort());
      expect(ids.length, mapping.name).toBeGreaterThan(0);
    }
  });

  it('reads the narrowed queries when every mapping can be narrowed', async () => {
    const narrow = makeConfig(mappings.slice(0, 2));
    const server = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', users, groups) } });
    const snapshot = await readDirectory({ client: testClient(server).client, config: narrow });
    const sales = users.filter((u) => u.orgUnitPath === '/Staff/Sales' && u.organizations?.[0]?.title === 'Engineer').length;
    const staff = users.filter((u) => u.orgUnitPath?.startsWith('/Staff/') || u.orgUnitPath === '/Staff').length;
    expect(snapshot.reads.map((r) => [r.query, r.userIds.length])).toEqual([
      ["orgUnitPath='/Staff/Sales' orgTitle='Engineer'", sales],
      ["orgUnitPath='/Staff'", staff],
    ]);
    expect(snapshot.users).toHaveLength(staff);
    expect(server.stats().byEndpoint[USERS]).toBe(Math.ceil(sales / 500) + Math.ceil(staff / 500));
  });
});

describe('lookupUsers', () => {
  it('finds people directly by id: found, notFound (deleted), error (refused)', async () => {
    const deleted = { ...makeUsers(1, 'acme.com', { idBase: 555, prefix: 'gone' })[0]!, deletionTime: '2024-01-01T00:00:00Z' };
    const server = await sandbox({
      customers: {
        my_customer: customer('C0own1', 'acme.com', [...users.slice(0, 2), deleted]),
        C0x: customer('C0x', 'x.com', makeUsers(1, 'x.com', { idBase: 777 })),
      },
      simulate: { googleForbiddenCustomers: ['C0x'] },
    });
    const { client, retries } = testClient(server);
    const plan = planReads(config);
    const result = await lookupUsers(client, ['100001', '555', '777', '100001'], plan.lookup);
    expect(result.map((r) => [r.googleId, r.status])).toEqual([['100001', 'found'], ['555', 'notFound'], ['777', 'error']]);
    expect(result[0]?.user).toMatchObject({ id: '100001', primaryEmail: users[1]!.primaryEmail, orgUnitPath: '/Staff/Sales', customerId: 'C0own1' });
    expect(result[2]?.error).toMatch(/\(403\): user 777: Not Authorized/);
    expect(retries).toHaveLength(0);
    expect(server.stats().byEndpoint[USER]).toBe(3);
  });
});
