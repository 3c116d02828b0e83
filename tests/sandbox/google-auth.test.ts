/** Bearer auth, the /token endpoint (refresh and delegated-JWT grants), scopes and simulate switches. */
import { generateKeyPairSync, sign } from 'node:crypto';
import { OAuth2Client, UserRefreshClient } from 'google-auth-library';
import { admin } from '@googleapis/admin';
import { afterEach, describe, expect, it } from 'vitest';
import type { GoogleSandboxOptions } from '../../src/sandbox/google/index.js';
import type { RunningServer } from '../../src/sandbox/server-types.js';
import { acme, other } from './helpers/google-acme.js';
import { directory, failureOf, startWith } from './helpers/google-fixtures.js';

const SCOPE = 'https://www.googleapis.com/auth/';
const USER_SCOPE = `${SCOPE}admin.directory.user.readonly`;
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** A delegated JWT as a service account signs it (RS256). The sandbox reads the claims only. */
function assertion(claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const body = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({
    iss: 'halo-sync@project.iam.gserviceaccount.com',
    sub: 'admin@acme.com',
    scope: USER_SCOPE,
    aud: 'https://oauth2.googleapis.com/token',
    iat: now,
    exp: now + 3600,
    ...claims,
  })}`;
  return `${body}.${sign('RSA-SHA256', Buffer.from(body), privateKey).toString('base64url')}`;
}

async function tokenRequest(server: RunningServer, form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/token`, { method: 'POST', body: new URLSearchParams(form) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const jwtGrant = (claims: Record<string, unknown> = {}) => ({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: assertion(claims) });

const servers: RunningServer[] = [];
async function start(extra: Partial<GoogleSandboxOptions> = {}): Promise<RunningServer> {
  const server = await startWith({ my_customer: acme(), C0other: other() }, extra);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('bearer auth', () => {
  it('answers 401 authError "Invalid Credentials" without a valid token', async () => {
    const server = await start();
    const failure = await failureOf(directory(server, { token: 'wrong' }).users.list({ customer: 'my_customer' }));
    expect(failure.body.error).toEqual({
      code: 401,
      message: 'Invalid Credentials',
      errors: [{ message: 'Invalid Credentials', domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' }],
      status: 'UNAUTHENTICATED',
    });
    const bare = await fetch(`${server.url}/admin/directory/v1/users?customer=my_customer`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});

describe('POST /token', () => {
  it('serves the refresh-token flow of UserRefreshClient and OAuth2Client via endpoints.oauth2TokenUrl', async () => {
    const server = await start();
    const endpoints = { oauth2TokenUrl: `${server.url}/token` };
    const refresh = new UserRefreshClient({ clientId: 'id', clientSecret: 'secret', refreshToken: 'rt', endpoints });
    const viaRefresh = admin({ version: 'directory_v1', rootUrl: `${server.url}/`, auth: refresh, retry: false });
    expect((await viaRefresh.users.list({ customer: 'my_customer' })).data.users).toHaveLength(6);
    const oauth = new OAuth2Client({ clientId: 'id', clientSecret: 'secret', endpoints });
    oauth.setCredentials({ refresh_token: 'rt' });
    const viaOAuth = admin({ version: 'directory_v1', rootUrl: `${server.url}/`, auth: oauth, retry: false });
    expect((await viaOAuth.groups.list({ customer: 'my_customer' })).data.kind).toBe('admin#directory#groups');
    expect(server.stats().byEndpoint['POST /token']).toBe(2);
    const missing = await tokenRequest(server, { grant_type: 'refresh_token', client_id: 'id', client_secret: 'secret' });
    expect([missing.status, missing.body.error]).toEqual([400, 'invalid_request']);
  });

  it('mints a token for a delegated JWT, which carries only the scopes it asked for', async () => {
    const server = await start();
    const { status, body } = await tokenRequest(server, jwtGrant());
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const client = directory(server, { token: body.access_token as string });
    expect((await client.users.list({ customer: 'my_customer' })).data.users).toHaveLength(6);
    const denied = await failureOf(client.groups.list({ customer: 'my_customer' }));
    expect([denied.status, denied.reason, denied.message]).toEqual([403, 'insufficientPermissions', 'Request had insufficient authentication scopes.']);
  });

  it.each([
    ['no scope', { scope: '' }, 'invalid_scope'],
    ['a foreign audience', { aud: 'https://example.com/token' }, 'invalid_grant'],
    ['an expired token', { iat: 1_000, exp: 4_600 }, 'invalid_grant'],
    ['a lifetime over an hour', { exp: Math.floor(Date.now() / 1000) + 7200 }, 'invalid_grant'],
    ['no issuer', { iss: '' }, 'invalid_grant'],
  ])('refuses a JWT with %s', async (_why, claims, error) => {
    const server = await start();
    const { status, body } = await tokenRequest(server, jwtGrant(claims));
    expect([status, body.error]).toEqual([400, error]);
    expect(typeof body.error_description).toBe('string');
  });

  it('refuses garbage assertions and unknown grant types', async () => {
    const server = await start();
    const garbage = await tokenRequest(server, { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: 'not-a-jwt' });
    expect([garbage.status, garbage.body.error]).toEqual([400, 'invalid_grant']);
    const unknown = await tokenRequest(server, { grant_type: 'password' });
    expect([unknown.status, unknown.body.error]).toEqual([400, 'unsupported_grant_type']);
  });

  it('expires minted tokens after their lifetime', async () => {
    let now = Date.now();
    const server = await start({ clock: () => now, tokenLifetimeSeconds: 60 });
    const { body } = await tokenRequest(server, jwtGrant());
    const client = directory(server, { token: body.access_token as string });
    await client.users.list({ customer: 'my_customer' });
    now += 61_000;
    expect((await failureOf(client.users.list({ customer: 'my_customer' }))).reason).toBe('authError');
  });
});

describe('simulate switches', () => {
  it.each([
    ['unauthorized_client', 401, /^Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested\.$/],
    ['admin_policy_enforced', 400, /restricted by policies within your organization.*acme\.com/],
    ['invalid_grant', 400, /./],
    ['access_denied', 400, /^Requested client not authorized\.$/],
  ] as const)('googleTokenError=%s answers Google\'s OAuth error', async (error, status, description) => {
    const server = await start({ simulate: { googleTokenError: error } });
    const reply = await tokenRequest(server, jwtGrant());
    expect([reply.status, reply.body.error]).toEqual([status, error]);
    expect(reply.body.error_description).toMatch(description);
    const refresh = new UserRefreshClient({ clientId: 'id', clientSecret: 's', refreshToken: 'rt', endpoints: { oauth2TokenUrl: `${server.url}/token` } });
    const seen = await refresh.getAccessToken().then(() => undefined, (e: { response?: { data?: { error?: string } } }) => e.response?.data?.error);
    expect(seen).toBe(error);
  });

  it('googleSubjectNotAdmin makes every Directory call 403 forbidden', async () => {
    const server = await start({ simulate: { googleSubjectNotAdmin: true } });
    const client = directory(server);
    for (const call of [client.users.list({ customer: 'my_customer' }), client.groups.get({ groupKey: 'x@acme.com' }), client.customers.get({ customerKey: 'my_customer' })]) {
      const failure = await failureOf(call);
      expect([failure.status, failure.reason, failure.message]).toEqual([403, 'forbidden', 'Not Authorized to access this resource/api']);
    }
  });

  it('googleForbiddenCustomers refuses those customers only', async () => {
    const server = await start({ simulate: { googleForbiddenCustomers: ['C0other'] } });
    const client = directory(server);
    expect((await failureOf(client.users.list({ customer: 'C0other' }))).reason).toBe('forbidden');
    expect((await failureOf(client.users.get({ userKey: 'xavier@other.example' }))).reason).toBe('forbidden');
    expect((await client.users.list({ customer: 'my_customer' })).data.users).toHaveLength(6);
  });
});
