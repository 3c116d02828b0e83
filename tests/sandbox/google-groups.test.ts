/** groups.list/get, members.list (paging, nesting, cycles, CUSTOMER members), customers.get. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedGroup } from '../../src/sandbox/seed-types.js';
import type { RunningServer } from '../../src/sandbox/server-types.js';
import { acme, other } from './helpers/google-acme.js';
import { directory, failureOf, manyUsers, startWith } from './helpers/google-fixtures.js';

const crowd = manyUsers(450, 'acme.com');
const groups: SeedGroup[] = [
  { id: 'g-eng', email: 'eng@acme.com', name: 'Engineering', aliases: ['engineering@acme.com'], members: [
    { email: 'jane.smith@acme.com', type: 'USER', role: 'OWNER' },
    { email: 'platform@acme.com', type: 'GROUP' },
  ] },
  { id: 'g-plat', email: 'platform@acme.com', name: 'Platform', members: [
    { email: 'bob@acme.com', type: 'USER' },
    { email: 'janet.doe@acme.com', type: 'USER', role: 'MANAGER' },
    { email: 'jane.smith@acme.com', type: 'USER' },
  ] },
  { id: 'g-loop-a', email: 'loop-a@acme.com', members: [{ email: 'loop-b@acme.com', type: 'GROUP' }, { email: 'boss@acme.com', type: 'USER' }] },
  { id: 'g-loop-b', email: 'loop-b@acme.com', members: [{ email: 'loop-a@acme.com', type: 'GROUP' }, { id: '104', type: 'USER' }] },
  { id: 'g-all', email: 'everyone@acme.com', members: [{ id: 'C0own1', type: 'CUSTOMER' }, { email: 'partner@gmail.com', type: 'USER' }] },
  { id: 'g-crowd', email: 'crowd@acme.com', members: crowd.map((u) => ({ email: u.primaryEmail, type: 'USER' as const })) },
  { id: 'g-org', email: 'staff@acme.org', members: [{ email: 'eve@acme.org', type: 'USER' }] },
];
const manyGroups: SeedGroup[] = Array.from({ length: 201 }, (_, i) => ({ id: `m${i}`, email: `list${String(i).padStart(3, '0')}@other.example` }));

let server: RunningServer;
beforeAll(async () => {
  const own = acme();
  server = await startWith({
    my_customer: { ...own, users: [...(own.users ?? []), ...crowd], groups },
    C0other: { ...other(), groups: manyGroups },
  });
});
afterAll(async () => server.close());

describe('groups.list and groups.get', () => {
  it('lists a customer\'s groups in email order, and one domain\'s with `domain`', async () => {
    const client = directory(server);
    const { data } = await client.groups.list({ customer: 'my_customer' });
    expect(data.kind).toBe('admin#directory#groups');
    expect(data.groups?.map((g) => g.email)).toEqual([
      'crowd@acme.com', 'eng@acme.com', 'everyone@acme.com', 'loop-a@acme.com', 'loop-b@acme.com', 'platform@acme.com', 'staff@acme.org',
    ]);
    const eng = data.groups?.find((g) => g.id === 'g-eng');
    expect(eng).toMatchObject({ kind: 'admin#directory#group', name: 'Engineering', directMembersCount: '2', aliases: ['engineering@acme.com'] });
    expect((await client.groups.list({ domain: 'acme.org' })).data.groups?.map((g) => g.email)).toEqual(['staff@acme.org']);
  });

  it('lists the groups a user is a DIRECT member of with userKey (not with customer)', async () => {
    const client = directory(server);
    const { data } = await client.groups.list({ userKey: 'js@acme.com' });
    expect(data.groups?.map((g) => g.email)).toEqual(['eng@acme.com', 'platform@acme.com']);
    expect((await client.groups.list({ userKey: 'bob@acme.com' })).data.groups?.map((g) => g.email)).toEqual(['loop-b@acme.com', 'platform@acme.com']);
    expect((await failureOf(client.groups.list({ userKey: 'bob@acme.com', customer: 'my_customer' }))).reason).toBe('badRequest');
    expect((await failureOf(client.groups.list({}))).reason).toBe('badRequest');
  });

  it('searches groups by email prefix, name, and memberKey', async () => {
    const client = directory(server);
    expect((await client.groups.list({ customer: 'my_customer', query: 'email:loop*' })).data.groups?.map((g) => g.id)).toEqual(['g-loop-a', 'g-loop-b']);
    expect((await client.groups.list({ customer: 'my_customer', query: "name='platform'" })).data.groups?.map((g) => g.id)).toEqual(['g-plat']);
    expect((await client.groups.list({ customer: 'my_customer', query: 'memberKey=janet.doe@acme.com' })).data.groups?.map((g) => g.id)).toEqual(['g-plat']);
    expect((await failureOf(client.groups.list({ customer: 'my_customer', query: 'owner=x' }))).message).toBe('Invalid query');
  });

  it('pages groups at 200, even when asked for more', async () => {
    const client = directory(server);
    const first = await client.groups.list({ customer: 'C0other', maxResults: 500 });
    expect(first.data.groups).toHaveLength(200);
    const second = await client.groups.list({ customer: 'C0other', pageToken: first.data.nextPageToken ?? undefined });
    expect(second.data.groups?.map((g) => g.email)).toEqual(['list200@other.example']);
    expect(second.data.nextPageToken).toBeUndefined();
  });

  it('gets a group by email, alias or id; 404 notFound otherwise', async () => {
    const client = directory(server);
    for (const groupKey of ['eng@acme.com', 'ENGINEERING@acme.com', 'g-eng']) {
      expect((await client.groups.get({ groupKey })).data.id).toBe('g-eng');
    }
    const missing = await failureOf(client.groups.get({ groupKey: 'nope@acme.com' }));
    expect([missing.status, missing.reason, missing.message]).toEqual([404, 'notFound', 'Resource Not Found: groupKey']);
  });
});

describe('members.list', () => {
  it('pages 450 members at 200 a page, in alphabetical order of email', async () => {
    const client = directory(server);
    const seen: string[] = [];
    const sizes: number[] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await client.members.list({ groupKey: 'crowd@acme.com', maxResults: 999, pageToken });
      sizes.push(data.members?.length ?? 0);
      seen.push(...(data.members ?? []).map((m) => m.email ?? ''));
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(sizes).toEqual([200, 200, 50]);
    expect(seen).toEqual(crowd.map((u) => u.primaryEmail).sort());
  });

  it('lists nested groups as GROUP members, and expands them with includeDerivedMembership', async () => {
    const client = directory(server);
    const direct = await client.members.list({ groupKey: 'eng@acme.com' });
    expect(direct.data.members).toEqual([
      expect.objectContaining({ kind: 'admin#directory#member', id: '101', email: 'jane.smith@acme.com', role: 'OWNER', type: 'USER', status: 'ACTIVE' }),
      expect.objectContaining({ id: 'g-plat', email: 'platform@acme.com', role: 'MEMBER', type: 'GROUP' }),
    ]);
    const derived = await client.members.list({ groupKey: 'g-eng', includeDerivedMembership: true });
    expect(derived.data.members?.map((m) => [m.email, m.type, m.status])).toEqual([
      ['bob@acme.com', 'USER', 'ACTIVE'],
      ['jane.smith@acme.com', 'USER', 'ACTIVE'],
      ['janet.doe@acme.com', 'USER', 'SUSPENDED'],
      ['platform@acme.com', 'GROUP', 'ACTIVE'],
    ]);
  });

  it('expands a membership cycle once, without hanging', async () => {
    const { data } = await directory(server).members.list({ groupKey: 'loop-a@acme.com', includeDerivedMembership: true });
    expect(data.members?.map((m) => m.email)).toEqual(['bob@acme.com', 'boss@acme.com', 'loop-a@acme.com', 'loop-b@acme.com']);
  });

  it('shows a CUSTOMER member without email, its id the customer id; derived adds every user', async () => {
    const client = directory(server);
    const { data } = await client.members.list({ groupKey: 'everyone@acme.com' });
    expect(data.members).toHaveLength(2);
    expect(data.members?.[1]).toEqual(expect.objectContaining({ id: 'C0own1', type: 'CUSTOMER', role: 'MEMBER' }));
    expect(data.members?.[1]?.email).toBeUndefined();
    expect(data.members?.[0]).toEqual(expect.objectContaining({ email: 'partner@gmail.com', type: 'USER' }));
    expect(data.members?.[0]?.id).toMatch(/^\d{21}$/);
    const everyone: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await client.members.list({ groupKey: 'everyone@acme.com', includeDerivedMembership: true, pageToken });
      everyone.push(...(page.data.members ?? []).map((m) => m.email ?? `(${m.type})`));
      pageToken = page.data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(everyone).toHaveLength(6 + 450 + 2);
    expect(everyone.at(-1)).toBe('(CUSTOMER)');
    expect(everyone).toContain('janet.doe@acme.com');
    expect(everyone).not.toContain('gone@acme.com');
  });

  it('filters by role, and answers 404 for an unknown group', async () => {
    const client = directory(server);
    const managers = await client.members.list({ groupKey: 'platform@acme.com', roles: 'OWNER,MANAGER' });
    expect(managers.data.members?.map((m) => m.email)).toEqual(['janet.doe@acme.com']);
    const missing = await failureOf(client.members.list({ groupKey: 'ghost@acme.com' }));
    expect([missing.status, missing.reason]).toEqual([404, 'notFound']);
  });

  it('answers hasMember for direct and nested members', async () => {
    const client = directory(server);
    expect((await client.members.hasMember({ groupKey: 'eng@acme.com', memberKey: 'bob@acme.com' })).data.isMember).toBe(true);
    expect((await client.members.hasMember({ groupKey: 'eng@acme.com', memberKey: 'eve@acme.org' })).data.isMember).toBe(false);
  });
});

describe('customers.get', () => {
  it('resolves my_customer to the real id; refuses unknown customers', async () => {
    const client = directory(server);
    const { data } = await client.customers.get({ customerKey: 'my_customer' });
    expect(data).toMatchObject({ kind: 'admin#directory#customer', id: 'C0own1', customerDomain: 'acme.com' });
    expect((await client.customers.get({ customerKey: 'C0other' })).data.customerDomain).toBe('other.example');
    expect((await failureOf(client.customers.get({ customerKey: 'C0zzz' }))).reason).toBe('forbidden');
  });
});
