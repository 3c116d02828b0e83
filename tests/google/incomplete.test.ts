/**
 * Every way a read can fail leaves a snapshot that says so: the failed read is `complete: false`
 * with an error naming the customer (or group), the users already read are kept, and everything
 * else in the snapshot is complete. An incomplete read must never look like people leaving.
 */
import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../src/config/types.js';
import { readDirectory } from '../../src/google/index.js';
import { customer, makeConfig, makeUsers, sandbox, testClient, USERS } from './helpers.js';

const site = (name: string, customerId: string): Mapping => ({ name, site: name, customer: customerId });
const resellerConfig = (mappings: Mapping[], roles: Array<{ group: string; role: string }> = []) =>
  makeConfig(mappings, { google: { directory: 'customers', customer: 'my_customer' }, roles });

const reseller = () => ({
  my_customer: customer('C0own1', 'msp.com', makeUsers(3, 'msp.com', { idBase: 1000 }), [
    { id: 'g', email: 'techs@msp.com', members: [{ email: 'user00000@msp.com', type: 'USER' as const }] },
  ]),
  C0aaa: customer('C0aaa', 'a.com', makeUsers(700, 'a.com', { idBase: 200000 })),
  C0bbb: customer('C0bbb', 'b.com', makeUsers(30, 'b.com', { idBase: 300000 })),
});

describe('incomplete reads are marked, and what was read is kept', () => {
  it('a page failing after retries in the middle of paging', async () => {
    // Find a fault seed whose sequence lets the first page through and then fails a later page
    // on every attempt (the sandbox's faults are reproducible per seed).
    for (let seed = 1; seed <= 60; seed++) {
      const server = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', makeUsers(1234, 'acme.com')) }, faults: { googleErrorRate: 0.5, seed } });
      const { client, retries } = testClient(server, { retry: { maxRetries: 1 } });
      const snapshot = await readDirectory({ client, config: makeConfig([{ name: 'all', site: 'All' }]) });
      const [read] = snapshot.reads;
      if (!read || read.complete || snapshot.users.length === 0) continue; // afterEach closes the servers
      expect(read.complete).toBe(false);
      expect(read.error).toMatch(/GET \/admin\/directory\/v1\/users failed \(503\): customer my_customer: Service unavailable/);
      expect([500, 1000]).toContain(snapshot.users.length);
      expect(read.userIds).toHaveLength(snapshot.users.length);
      expect(retries.length).toBeGreaterThan(0);
      return;
    }
    throw new Error('no fault seed in 1..60 failed mid-paging');
  });

  it('a customer that refuses (403) is not retried; the other customers and groups are complete', async () => {
    const server = await sandbox({ customers: reseller(), simulate: { googleForbiddenCustomers: ['C0aaa'] } });
    const { client, retries } = testClient(server);
    const config = resellerConfig([site('a', 'C0aaa'), site('b', 'C0bbb')], [{ group: 'techs@msp.com', role: 'Tech' }]);
    const snapshot = await readDirectory({ client, config });
    expect(snapshot.reads.map((r) => [r.customer, r.complete, r.userIds.length])).toEqual([['C0aaa', false, 0], ['C0bbb', true, 30]]);
    expect(snapshot.reads[0]?.error).toMatch(/\(403\): customer C0aaa: Not Authorized to access this resource\/api/);
    expect(snapshot.groups).toMatchObject([{ email: 'techs@msp.com', complete: true, userIds: ['1000'] }]);
    expect(snapshot.users).toHaveLength(30);
    expect(retries).toHaveLength(0);
    expect(server.stats().byEndpoint[USERS]).toBe(2);
  });

  it('an unknown customer id', async () => {
    const server = await sandbox({ customers: reseller() });
    const { client } = testClient(server);
    const snapshot = await readDirectory({ client, config: resellerConfig([site('typo', 'C0nope'), site('b', 'C0bbb')]) });
    expect(snapshot.reads.map((r) => [r.customer, r.complete])).toEqual([['C0nope', false], ['C0bbb', true]]);
    expect(snapshot.reads[0]?.error).toContain('customer C0nope');
  });

  it('a subject that is not an admin: every read refused, each marked', async () => {
    const server = await sandbox({ customers: reseller(), simulate: { googleSubjectNotAdmin: true } });
    const { client } = testClient(server);
    const snapshot = await readDirectory({ client, config: resellerConfig([site('a', 'C0aaa')], [{ group: 'techs@msp.com', role: 'Tech' }]) });
    expect(snapshot.reads).toMatchObject([{ customer: 'C0aaa', complete: false }]);
    expect(snapshot.groups).toMatchObject([{ email: 'techs@msp.com', found: true, complete: false }]);
    expect(snapshot.groups[0]?.error).toMatch(/\(403\)/);
  });

  it('a group that is not found and a group whose read fails leave the user reads complete', async () => {
    const customers = reseller();
    customers.C0bbb.groups = [{ id: 'x', email: 'theirs@b.com', members: [] }];
    const server = await sandbox({ customers, simulate: { googleForbiddenCustomers: ['C0bbb'] } });
    const { client } = testClient(server);
    const config = resellerConfig([site('a', 'C0aaa')], [
      { group: 'gone@msp.com', role: 'Tech' },
      { group: 'theirs@b.com', role: 'Lead' },
      { group: 'techs@msp.com', role: 'Admin' },
    ]);
    const snapshot = await readDirectory({ client, config });
    expect(snapshot.reads).toMatchObject([{ customer: 'C0aaa', complete: true }]);
    expect(snapshot.users).toHaveLength(700);
    expect(snapshot.groups.map((g) => [g.email, g.found, g.complete])).toEqual([
      ['gone@msp.com', false, false],
      ['techs@msp.com', true, true],
      ['theirs@b.com', true, false],
    ]);
  });

  it('rate limits that never clear: bounded retries, then an incomplete read marked as transient', async () => {
    const server = await sandbox({ customers: reseller(), faults: { googleRateLimitRate: 1, seed: 5 } });
    const { client, retries } = testClient(server, { retry: { maxRetries: 3 } });
    const snapshot = await readDirectory({ client, config: resellerConfig([site('b', 'C0bbb')]) });
    expect(snapshot.reads).toMatchObject([{ customer: 'C0bbb', complete: false, userIds: [] }]);
    expect(snapshot.reads[0]?.error).toMatch(/Rate Limit Exceeded/);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(retries.every((r) => r.error.retryable && ['rateLimitExceeded', 'userRateLimitExceeded'].includes(r.error.reason ?? ''))).toBe(true);
    expect(server.stats().byEndpoint[USERS]).toBe(4);
  });
});
