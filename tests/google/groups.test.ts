/** Group expansion over the sandbox: nested groups, cycles, CUSTOMER members, not found, failures. */
import { describe, expect, it } from 'vitest';
import { expandGroups } from '../../src/google/index.js';
import type { SeedGroup } from '../../src/sandbox/seed-types.js';
import { customer, makeUsers, MEMBERS, sandbox, testClient } from './helpers.js';

const users = makeUsers(6, 'acme.com');
const email = (i: number) => users[i]!.primaryEmail;
const user = (i: number) => ({ email: email(i), type: 'USER' as const });
const group = (address: string) => ({ email: address, type: 'GROUP' as const });

describe('expandGroups', () => {
  it('expands nested groups, terminates on a cycle, and reads each group once', async () => {
    const groups: SeedGroup[] = [
      { id: 'a', email: 'a@acme.com', members: [user(0), group('b@acme.com')] },
      { id: 'b', email: 'b@acme.com', members: [user(1), group('c@acme.com')] },
      // c → a closes the cycle a → b → c → a; c also reaches b again (a diamond inside the cycle).
      { id: 'c', email: 'c@acme.com', members: [user(2), group('A@acme.com'), group('b@acme.com')] },
    ];
    const server = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', users, groups) } });
    const { client } = testClient(server);
    const result = await expandGroups(client, ['a@acme.com', 'C@ACME.com']);
    expect(result).toEqual([
      { email: 'a@acme.com', found: true, complete: true, userIds: ['100000', '100001', '100002'], userEmails: [email(0), email(1), email(2)], customers: [] },
      { email: 'c@acme.com', found: true, complete: true, userIds: ['100000', '100001', '100002'], userEmails: [email(0), email(1), email(2)], customers: [] },
    ]);
    expect(server.stats().byEndpoint[MEMBERS]).toBe(3);
  });

  it('records a CUSTOMER member as the whole customer, and external members by email', async () => {
    const groups: SeedGroup[] = [
      { id: 'all', email: 'everyone@acme.com', members: [{ id: 'C0own1', type: 'CUSTOMER' }, { email: 'Guest@Partner.org', type: 'USER' }, user(3)] },
    ];
    const server = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', users, groups) } });
    const { client } = testClient(server);
    const [everyone] = await expandGroups(client, ['everyone@acme.com']);
    expect(everyone).toMatchObject({ found: true, complete: true, customers: ['C0own1'] });
    expect(everyone?.userEmails).toEqual(['guest@partner.org', email(3)]);
    expect(everyone?.userIds).toContain('100003');
  });

  it('marks a group that does not exist as not found and incomplete', async () => {
    const server = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', users, []) } });
    const { client, retries } = testClient(server);
    const [missing] = await expandGroups(client, ['typo@acme.com']);
    expect(missing).toMatchObject({ email: 'typo@acme.com', found: false, complete: false, userIds: [] });
    expect(missing?.error).toMatch(/group typo@acme\.com not found.*404/);
    expect(retries).toHaveLength(0); // a 404 is not retried
  });

  it('marks a group incomplete when a nested group cannot be read, keeping what was read', async () => {
    const server = await sandbox({
      customers: {
        my_customer: customer('C0own1', 'acme.com', users, [{ id: 'p', email: 'parent@acme.com', members: [user(0), group('theirs@other.com')] }]),
        C0other: customer('C0other', 'other.com', makeUsers(2, 'other.com', { idBase: 900 }), [{ id: 't', email: 'theirs@other.com', members: [] }]),
      },
      simulate: { googleForbiddenCustomers: ['C0other'] },
    });
    const { client } = testClient(server);
    const [parent] = await expandGroups(client, ['parent@acme.com']);
    expect(parent).toMatchObject({ found: true, complete: false, userIds: ['100000'] });
    expect(parent?.error).toMatch(/nested group theirs@other\.com: .*\(403\)/);
  });

  it('marks a group incomplete when its own read fails after retries', async () => {
    const server = await sandbox({
      customers: { my_customer: customer('C0own1', 'acme.com', users, [{ id: 'x', email: 'x@acme.com', members: [user(0)] }]) },
      faults: { googleErrorRate: 1, seed: 3 },
    });
    const { client, retries } = testClient(server, { retry: { maxRetries: 2 } });
    const [x] = await expandGroups(client, ['x@acme.com']);
    expect(x).toMatchObject({ found: true, complete: false, userIds: [] });
    expect(x?.error).toMatch(/\(503\).*group x@acme\.com: Service unavailable/);
    expect(retries).toHaveLength(2);
    expect(server.stats().byEndpoint[MEMBERS]).toBe(3);
  });
});
