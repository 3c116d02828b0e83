/** users.list / users.get through the unmodified @googleapis/admin client. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/sandbox/server-types.js';
import { ACME_USERS, acme, other } from './helpers/google-acme.js';
import { directory, emails, failureOf, manyUsers, startWith } from './helpers/google-fixtures.js';

let server: RunningServer;
let bulk: RunningServer;
const bulkUsers = manyUsers(1203);

beforeAll(async () => {
  server = await startWith({ my_customer: acme(), C0other: other() });
  bulk = await startWith({ my_customer: { id: 'C0bulk', domain: 'bulk.example', users: bulkUsers } });
});
afterAll(async () => {
  await server.close();
  await bulk.close();
});

describe('users.list paging', () => {
  it('pages 1,203 users in 3 pages of at most 500, sorted by email, with no token on the last page', async () => {
    const client = directory(bulk);
    const pages: string[][] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await client.users.list({ customer: 'my_customer', maxResults: 500, pageToken });
      expect(data.kind).toBe('admin#directory#users');
      pages.push(emails(data.users));
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(pages.map((p) => p.length)).toEqual([500, 500, 203]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(1203);
    expect(all).toEqual(bulkUsers.map((u) => u.primaryEmail).sort());
  });

  it('caps maxResults above 500 at 500 and defaults to 100', async () => {
    const client = directory(bulk);
    const capped = await client.users.list({ customer: 'my_customer', maxResults: 1000 });
    expect(capped.data.users).toHaveLength(500);
    const byDefault = await client.users.list({ customer: 'my_customer' });
    expect(byDefault.data.users).toHaveLength(100);
    expect(byDefault.data.nextPageToken).toBeTruthy();
    expect((await failureOf(client.users.list({ customer: 'my_customer', maxResults: 0 }))).reason).toBe('invalid');
  });

  it('refuses a page token from another query and a forged one', async () => {
    const client = directory(bulk);
    const first = await client.users.list({ customer: 'my_customer', maxResults: 10 });
    const token = first.data.nextPageToken as string;
    const foreign = await failureOf(client.users.list({ customer: 'my_customer', maxResults: 10, query: 'givenName:Given1*', pageToken: token }));
    expect([foreign.status, foreign.reason]).toEqual([400, 'invalid']);
    const forged = await failureOf(client.users.list({ customer: 'my_customer', pageToken: Buffer.from('10.abc').toString('base64url') }));
    expect(forged.status).toBe(400);
    const second = await client.users.list({ customer: 'my_customer', maxResults: 10, pageToken: token });
    expect(emails(second.data.users)[0]).toBe('user00010@bulk.example');
  });

  it('orders by familyName or givenName, descending on request', async () => {
    const client = directory(server);
    const { data } = await client.users.list({ customer: 'my_customer', orderBy: 'familyName', sortOrder: 'DESCENDING' });
    expect(data.users?.map((u) => u.name?.familyName)).toEqual(['Watson', 'Smith', "O'Brien", 'Doe', 'Boss', 'Adams']);
    const byGiven = await client.users.list({ customer: 'my_customer', orderBy: 'givenName' });
    expect(byGiven.data.users?.map((u) => u.name?.givenName)).toEqual(['Big', 'Bob', 'Eve', 'Jane', 'Janet', 'Mary Jane']);
  });
});

describe('users.list scope', () => {
  it('reads my_customer by alias or id, another customer by id, and one domain only with `domain`', async () => {
    const client = directory(server);
    const own = await client.users.list({ customer: 'my_customer' });
    expect(emails(own.data.users)).toEqual(['bob@acme.com', 'boss@acme.com', 'eve@acme.org', 'jane.smith@acme.com', 'janet.doe@acme.com', 'mj@acme.com']);
    expect(emails((await client.users.list({ customer: 'C0own1' })).data.users)).toEqual(emails(own.data.users));
    expect(emails((await client.users.list({ customer: 'C0other' })).data.users)).toEqual(['xavier@other.example']);
    expect(emails((await client.users.list({ domain: 'acme.org' })).data.users)).toEqual(['eve@acme.org']);
  });

  it('needs customer or domain (400 badRequest) and refuses unknown customers (403 forbidden)', async () => {
    const client = directory(server);
    const missing = await failureOf(client.users.list({}));
    expect([missing.status, missing.reason, missing.message]).toEqual([400, 'badRequest', 'Bad Request']);
    const unknown = await failureOf(client.users.list({ customer: 'C0nobody' }));
    expect([unknown.status, unknown.reason, unknown.message]).toEqual([403, 'forbidden', 'Not Authorized to access this resource/api']);
    expect((await failureOf(client.users.list({ domain: 'nowhere.example' }))).reason).toBe('forbidden');
  });

  it('lists deleted users only with showDeleted, and omits `users` when nothing matches', async () => {
    const client = directory(server);
    expect(emails((await client.users.list({ customer: 'my_customer', showDeleted: 'true' })).data.users)).toEqual(['gone@acme.com']);
    const none = await client.users.list({ customer: 'my_customer', query: "givenName='Nobody'" });
    expect(Object.keys(none.data).sort()).toEqual(['etag', 'kind']);
  });

  it('marks every user with kind, etag and customerId, and fills fullName', async () => {
    const { data } = await directory(server).users.list({ customer: 'C0other' });
    const [user] = data.users ?? [];
    expect(user).toMatchObject({ kind: 'admin#directory#user', customerId: 'C0other', name: { fullName: 'Xavier Other' }, suspended: false });
    expect(user?.etag).toMatch(/^".+"$/);
  });
});

describe('projection, viewType and fields', () => {
  it('returns customSchemas only with projection=full, or custom with customFieldMask', async () => {
    const client = directory(server);
    const basic = await client.users.get({ userKey: 'jane.smith@acme.com' });
    expect(basic.data.customSchemas).toBeUndefined();
    const full = await client.users.get({ userKey: 'jane.smith@acme.com', projection: 'full' });
    expect(full.data.customSchemas).toEqual(ACME_USERS[1]?.customSchemas);
    const custom = await client.users.get({ userKey: 'jane.smith@acme.com', projection: 'custom', customFieldMask: 'Other' });
    expect(custom.data.customSchemas).toBeUndefined();
    const masked = await client.users.get({ userKey: 'jane.smith@acme.com', projection: 'custom', customFieldMask: 'Employment' });
    expect(Object.keys(masked.data.customSchemas ?? {})).toEqual(['Employment']);
    expect((await failureOf(client.users.get({ userKey: 'jane.smith@acme.com', projection: 'custom' }))).status).toBe(400);
  });

  it('strips admin-only fields under domain_public and refuses orgUnitPath search there', async () => {
    const client = directory(server);
    const { data } = await client.users.get({ userKey: 'jane.smith@acme.com', viewType: 'domain_public', projection: 'full' });
    expect(data.primaryEmail).toBe('jane.smith@acme.com');
    expect(data.isAdmin).toBeUndefined();
    expect(data.orgUnitPath).toBeUndefined();
    expect(data.customSchemas).toBeUndefined();
    const refused = await failureOf(client.users.list({ customer: 'my_customer', viewType: 'domain_public', query: "orgUnitPath='/Staff'" }));
    expect([refused.status, refused.reason]).toEqual([400, 'invalid']);
  });

  it('answers partial responses in Google\'s fields syntax', async () => {
    const client = directory(server);
    const { data } = await client.users.list({
      customer: 'my_customer',
      maxResults: 2,
      fields: 'nextPageToken,users(id,primaryEmail,name/fullName)',
    });
    expect(Object.keys(data).sort()).toEqual(['nextPageToken', 'users']);
    expect(data.users?.[0]).toEqual({ id: '104', primaryEmail: 'bob@acme.com', name: { fullName: "Bob O'Brien" } });
    const one = await client.users.get({ userKey: '101', fields: 'organizations/title,id' });
    expect(one.data).toEqual({ id: '101', organizations: [{ title: 'Engineer' }] });
    for (const bad of ['users(id', 'users(id,,name)', 'users/', 'nosuchfield', 'users(nosuch)']) {
      const failure = await failureOf(client.users.list({ customer: 'my_customer', fields: bad }));
      expect([bad, failure.status]).toEqual([bad, 400]);
    }
  });
});

describe('users.get', () => {
  it('finds a user by id, primary email (any case) or alias', async () => {
    const client = directory(server);
    for (const userKey of ['101', 'jane.smith@acme.com', 'Jane.Smith@ACME.com', 'js@acme.com']) {
      const { data } = await client.users.get({ userKey });
      expect([userKey, data.primaryEmail]).toEqual([userKey, 'jane.smith@acme.com']);
    }
  });

  it('answers 404 notFound "Resource Not Found: userKey" for unknown and deleted users', async () => {
    const client = directory(server);
    for (const userKey of ['nobody@acme.com', 'gone@acme.com']) {
      const failure = await failureOf(client.users.get({ userKey }));
      expect(failure.body).toEqual({
        error: { code: 404, message: 'Resource Not Found: userKey', errors: [{ message: 'Resource Not Found: userKey', domain: 'global', reason: 'notFound' }] },
      });
      expect(failure.message).toBe('Resource Not Found: userKey');
    }
  });
});
