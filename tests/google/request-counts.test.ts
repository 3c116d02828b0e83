/**
 * halo-sync reads a whole organisation in the minimum number of requests the data allows: 500
 * users and 200 members a page, one read shared by mappings whose queries coincide, one unfiltered
 * read when a mapping cannot be narrowed. Counted by the Google sandbox over real HTTP.
 */
import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../src/config/types.js';
import { readDirectory } from '../../src/google/index.js';
import { customer, makeConfig, makeUsers, MEMBERS, printCounts, sandbox, testClient, USERS } from './helpers.js';

const rows: Array<{ case: string; data: string; expected: number; actual: number }> = [];
const site = (name: string, filter?: Mapping['filter'], extra: Partial<Mapping> = {}): Mapping => ({ name, site: name, ...(filter ? { filter } : {}), ...extra });

describe('minimum request counts', () => {
  it('pages users 500 at a time: 1,234 people in one customer take 3 users.list requests', async () => {
    const server = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', makeUsers(1234, 'acme.com')) } });
    const { client } = testClient(server);
    const snapshot = await readDirectory({ client, config: makeConfig([site('everyone')]) });
    const actual = server.stats().byEndpoint[USERS] ?? 0;
    rows.push({ case: 'users.list, no filter', data: '1,234 users', expected: 3, actual });
    expect(actual).toBe(3);
    expect(snapshot.users).toHaveLength(1234);
    expect(snapshot.reads).toMatchObject([{ key: 'my_customer|*', complete: true }]);
    expect(snapshot.reads[0]?.userIds).toHaveLength(1234);
  });

  it('shares one read between mappings whose pushed-down queries coincide', async () => {
    const users = makeUsers(1000, 'acme.com', { ous: ['/Staff', '/Staff/Sales', '/Other', '/Staffing', '/Staff'] });
    const server = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', users) } });
    const { client } = testClient(server);
    const config = makeConfig([
      site('staff', { field: 'orgUnitPath', op: 'under', value: '/Staff' }),
      site('staff-but-analysts', { all: [{ field: 'orgUnitPath', op: 'under', value: '/Staff/' }, { field: 'title', op: 'notEquals', value: 'Analyst' }] }),
      { name: 'staff-agents', agent: true, filter: { any: [{ field: 'orgUnitPath', op: 'under', value: '/staff' }] } },
    ]);
    const snapshot = await readDirectory({ client, config });
    const inStaff = users.filter((u) => u.orgUnitPath === '/Staff' || u.orgUnitPath === '/Staff/Sales').length; // 600
    const expected = Math.ceil(inStaff / 500);
    const actual = server.stats().byEndpoint[USERS] ?? 0;
    rows.push({ case: '3 mappings, one query (/Staff, /Staff/, /staff)', data: `1,000 users, ${inStaff} under /Staff`, expected, actual });
    expect(actual).toBe(expected);
    expect(snapshot.reads).toHaveLength(1);
    expect(snapshot.reads[0]).toMatchObject({ mappings: ['staff', 'staff-but-analysts', 'staff-agents'], complete: true });
    expect(snapshot.users).toHaveLength(inStaff);
  });

  it('reads a customer once, unfiltered, when one of its mappings cannot be narrowed', async () => {
    const server = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', makeUsers(1234, 'acme.com', { ous: ['/Staff', '/Other'] })) } });
    const { client } = testClient(server);
    const config = makeConfig([
      site('staff', { field: 'orgUnitPath', op: 'under', value: '/Staff' }),
      site('engineers', { field: 'title', op: 'equals', value: 'Engineer' }),
      site('acme', { field: 'domain', op: 'equals', value: 'acme.com' }),
    ]);
    const snapshot = await readDirectory({ client, config });
    const actual = server.stats().byEndpoint[USERS] ?? 0;
    rows.push({ case: '3 mappings, one not narrowable (domain)', data: '1,234 users', expected: 3, actual });
    expect(actual).toBe(3);
    expect(snapshot.reads).toMatchObject([{ key: 'my_customer|*', mappings: ['staff', 'engineers', 'acme'], complete: true }]);
  });

  it('reads each customer of a reseller in its own pages', async () => {
    const server = await sandbox({
      customers: {
        my_customer: customer('C0own1', 'msp.com', makeUsers(10, 'msp.com')),
        C0aaa: customer('C0aaa', 'a.com', makeUsers(600, 'a.com', { idBase: 200000 })),
        C0bbb: customer('C0bbb', 'b.com', makeUsers(200, 'b.com', { idBase: 300000 })),
      },
    });
    const { client } = testClient(server);
    const config = makeConfig([site('a', undefined, { customer: 'C0aaa' }), site('b', undefined, { customer: 'C0bbb' })], {
      google: { directory: 'customers', customer: 'my_customer' },
    });
    const snapshot = await readDirectory({ client, config });
    const actual = server.stats().byEndpoint[USERS] ?? 0;
    rows.push({ case: 'customers mode, 2 customers', data: '600 + 200 users', expected: 3, actual });
    expect(actual).toBe(3);
    expect(snapshot.users).toHaveLength(800);
    expect(snapshot.reads.map((r) => [r.customer, r.userIds.length])).toEqual([['C0aaa', 600], ['C0bbb', 200]]);
  });

  it('pages members 200 at a time and reads a nested group once, however often it is reached', async () => {
    const users = makeUsers(460, 'acme.com');
    const groups = [
      { id: 'g1', email: 'big@acme.com', members: [...users.slice(0, 450).map((u) => ({ email: u.primaryEmail, type: 'USER' as const })), { email: 'core@acme.com', type: 'GROUP' as const }] },
      { id: 'g2', email: 'leads@acme.com', members: [{ email: 'core@acme.com', type: 'GROUP' as const }] },
      { id: 'g3', email: 'core@acme.com', members: users.slice(450).map((u) => ({ email: u.primaryEmail, type: 'USER' as const })) },
    ];
    const server = await sandbox({ customers: { my_customer: customer('C0own1', 'acme.com', users, groups) } });
    const { client } = testClient(server);
    const config = makeConfig([site('staff', { field: 'group', op: 'memberOf', value: 'BIG@acme.com' })], {
      roles: [{ group: 'leads@acme.com', role: 'Lead' }],
      cabs: [{ group: 'big@acme.com', cab: 'CAB' }],
    });
    const snapshot = await readDirectory({ client, config });
    const expected = Math.ceil(451 / 200) + 1 + 1; // big (451 direct members), leads, core once
    const actual = server.stats().byEndpoint[MEMBERS] ?? 0;
    rows.push({ case: 'members.list, nested group reached twice', data: '451 + 1 + 10 members', expected, actual });
    expect(actual).toBe(expected);
    expect(snapshot.groups.map((g) => [g.email, g.userIds.length, g.complete])).toEqual([
      ['big@acme.com', 460, true],
      ['leads@acme.com', 10, true],
    ]);
  });

  it('prints the table', () => {
    printCounts('Google requests: minimum for the data vs made', rows);
    expect(rows.length).toBe(5);
    for (const row of rows) expect(row.actual).toBe(row.expected);
  });
});
