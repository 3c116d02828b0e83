/**
 * DirectorySnapshot.readDigest: hashed by the reader as pages arrive. The same directory gives the
 * same digest however the concurrent reads interleave (one at a time, eight at once, retries
 * after injected faults reordering them); any change in what was read changes it.
 */
import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../src/config/types.js';
import { readDirectory } from '../../src/google/index.js';
import type { DirectoryUser } from '../../src/model/directory.js';
import type { SeedCustomer } from '../../src/sandbox/seed-types.js';
import { customer, makeConfig, makeUsers, sandbox, testClient } from './helpers.js';

const users = makeUsers(1300, 'acme.com', { ous: ['/Staff', '/Staff/Sales', '/Branch', '/Other'] });
const groups = (people: DirectoryUser[]): SeedCustomer['groups'] => [
  { id: 'g1', email: 'leads@acme.com', members: [...people.slice(0, 420).map((u) => ({ email: u.primaryEmail, type: 'USER' as const })), { email: 'seniors@acme.com', type: 'GROUP' as const }] },
  { id: 'g2', email: 'seniors@acme.com', members: people.slice(600, 650).map((u) => ({ email: u.primaryEmail, type: 'USER' as const })) },
  { id: 'g3', email: 'admins@acme.com', members: people.slice(900, 1250).map((u) => ({ email: u.primaryEmail, type: 'USER' as const })) },
];
// Four pushed-down reads (several pages each) and three groups, one of them nested.
const mappings: Mapping[] = [
  { name: 'sales', site: 'Sales', filter: { field: 'orgUnitPath', op: 'under', value: '/Staff/Sales' } },
  { name: 'staff', site: 'Staff', filter: { field: 'orgUnitPath', op: 'under', value: '/Staff' } },
  { name: 'branch', site: 'Branch', filter: { field: 'orgUnitPath', op: 'under', value: '/Branch' } },
  { name: 'other', site: 'Other', filter: { field: 'orgUnitPath', op: 'under', value: '/Other' } },
];
const config = makeConfig(mappings, { roles: [{ group: 'leads@acme.com', role: 'Lead' }, { group: 'admins@acme.com', role: 'Admin' }] });

async function digestOf(people: DirectoryUser[], options: { concurrency?: number; faultSeed?: number } = {}): Promise<string | undefined> {
  const server = await sandbox({
    customers: { my_customer: customer('C0own1', 'acme.com', people, groups(people)) },
    ...(options.faultSeed === undefined ? {} : { faults: { googleErrorRate: 0.2, seed: options.faultSeed } }),
  });
  const { client, retries } = testClient(server);
  const snapshot = await readDirectory({ client, config, concurrency: options.concurrency });
  expect(snapshot.reads).toHaveLength(4);
  // With faults on, some pages were retried (and so arrived late, out of their first order).
  if (options.faultSeed !== undefined) expect(retries.length).toBeGreaterThan(0);
  expect(snapshot.reads.every((r) => r.complete) && snapshot.groups.every((g) => g.complete)).toBe(true);
  return snapshot.readDigest;
}

describe('the Google read digest', () => {
  it('is the same whatever order the concurrent reads finish in', async () => {
    const base = await digestOf(users, { concurrency: 1 });
    expect(base).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await digestOf(users, { concurrency: 8 })).toBe(base);
    for (const faultSeed of [3, 4, 5]) expect(await digestOf(users, { concurrency: 4, faultSeed })).toBe(base);
  });

  it('changes with any user field, with group membership (nested too) and with a read failing', async () => {
    const base = await digestOf(users);
    const retitled = users.map((u, i) => (i === 777 ? { ...u, organizations: [{ title: 'Director', department: 'Ops', primary: true }] } : u));
    expect(await digestOf(retitled)).not.toBe(base);

    const server = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', users, (groups(users) ?? []).map((g) => (g.email === 'seniors@acme.com' ? { ...g, members: (g.members ?? []).slice(1) } : g))) } });
    const nested = await readDirectory({ client: testClient(server).client, config });
    expect(nested.readDigest).not.toBe(base);

    const refusing = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', users, groups(users)) }, simulate: { googleForbiddenCustomers: ['C0own1'] } });
    const failed = await readDirectory({ client: testClient(refusing).client, config });
    expect(failed.reads.some((r) => !r.complete)).toBe(true);
    expect(failed.readDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(failed.readDigest).not.toBe(base);
  });
});
