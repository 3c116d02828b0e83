/**
 * Authentication paths against the sandbox's Directory API and its POST /token: a static token,
 * a service account acting as an admin (the delegated JWT flow, signed with an RSA key made here,
 * re-targeted with GOOGLE_OAUTH_TOKEN_URL), user credentials through ADC, OAuth errors surfaced
 * with their code, and read-only scopes.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/diagnostics/errors.js';
import {
  createDirectoryClient, CUSTOMER_READ_SCOPE, describeCredentials, DIRECTORY_SCOPES, directoryScopes, GoogleCredentialsError, readDirectory,
} from '../../src/google/index.js';
import { customer, makeConfig, makeUsers, sandbox, sandboxEnv, TOKEN, USERS } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'halo-sync-google-auth-'));
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

function writeJson(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

const serviceAccountKey = writeJson('sa.json', {
  type: 'service_account',
  project_id: 'acme-sync',
  private_key_id: 'k1',
  private_key: privateKey,
  client_email: 'halo-sync@acme-sync.iam.gserviceaccount.com',
  client_id: '104857600000000000001',
});
const userCredentials = writeJson('user.json', { type: 'authorized_user', client_id: 'cid.apps.googleusercontent.com', client_secret: 'user-secret-123456', refresh_token: '1//refresh-token-abcdef' });
const externalAccount = writeJson('wif.json', { type: 'external_account', audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/gh', subject_token_type: 'urn:ietf:params:oauth:token-type:jwt', token_url: 'https://sts.googleapis.com/v1/token', credential_source: { file: '/dev/null' } });

const directory = () => ({ my_customer: customer('C0own1', 'acme.com', makeUsers(3, 'acme.com')) });
const noHome = { HOME: join(dir, 'no-home') };

async function serviceAccountEnv(simulate = {}) {
  const server = await sandbox({ customers: directory(), simulate });
  const env = { ...noHome, GOOGLE_API_ROOT: server.url, GOOGLE_APPLICATION_CREDENTIALS: serviceAccountKey, GOOGLE_ADMIN_SUBJECT: 'admin@acme.com', GOOGLE_OAUTH_TOKEN_URL: `${server.url}/token` };
  return { server, env };
}

describe('Google auth', () => {
  it('scopes are read-only; the customer scope only when customer ids are checked', () => {
    expect(DIRECTORY_SCOPES.length).toBe(3);
    for (const scope of directoryScopes({ checkCustomers: true })) expect(scope).toMatch(/^https:\/\/www\.googleapis\.com\/auth\/admin\.directory\.[a-z.]+\.readonly$/);
    expect(directoryScopes()).not.toContain(CUSTOMER_READ_SCOPE);
    expect(directoryScopes({ checkCustomers: true })).toContain(CUSTOMER_READ_SCOPE);
  });

  it('a static token reads; a wrong one fails fast with 401 and never shows the token', async () => {
    const server = await sandbox({ customers: directory() });
    const good = createDirectoryClient({ env: sandboxEnv(server) });
    expect((await good.listUsers({ customer: 'my_customer' })).users).toHaveLength(3);
    const wrong = 'ya29.wrong-token-9b8a7c6d5e';
    const bad = createDirectoryClient({ env: { GOOGLE_API_ROOT: server.url, GOOGLE_ACCESS_TOKEN: wrong }, retry: { baseDelayMs: 1 } });
    const error = await bad.listUsers({ customer: 'my_customer' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ service: 'Google', status: 401, reason: 'authError', retryable: false });
    expect(String((error as Error).message)).not.toContain(wrong);
    expect(server.stats().byEndpoint[USERS]).toBe(2);
  });

  it('a service account acts as the admin subject through the delegated JWT flow (GOOGLE_OAUTH_TOKEN_URL)', async () => {
    const { server, env } = await serviceAccountEnv();
    const client = createDirectoryClient({ env });
    expect(client.credentials).toMatchObject({ kind: 'service-account', clientEmail: 'halo-sync@acme-sync.iam.gserviceaccount.com', clientId: '104857600000000000001', subject: 'admin@acme.com' });
    const snapshot = await readDirectory({ client, config: makeConfig([{ name: 'all', site: 'All' }], { roles: [{ group: 'none@acme.com', role: 'R' }] }) });
    expect(snapshot.users).toHaveLength(3);
    expect(snapshot.reads[0]?.complete).toBe(true);
    // One token exchange, reused for every call; the token carries exactly the read-only scopes
    // asked for, so customers.get (another scope) is refused.
    expect(server.stats().byEndpoint['POST /token']).toBe(1);
    await expect(client.getCustomer('my_customer')).rejects.toMatchObject({ status: 403, reason: 'insufficientPermissions' });
    const withCustomers = createDirectoryClient({ env, scopes: directoryScopes({ checkCustomers: true }) });
    expect(await withCustomers.getCustomer('my_customer')).toEqual({ id: 'C0own1', customerDomain: 'acme.com' });
  });

  it.each(['unauthorized_client', 'admin_policy_enforced', 'invalid_grant', 'access_denied'] as const)(
    'a token exchange refused with %s surfaces that OAuth code, without the key or the assertion',
    async (code) => {
      const { server, env } = await serviceAccountEnv({ googleTokenError: code });
      const client = createDirectoryClient({ env, retry: { baseDelayMs: 1 } });
      const error = await client.listUsers({ customer: 'my_customer' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ service: 'Google', method: 'POST', path: '/token', reason: code, retryable: false });
      expect((error as Error).message).toContain(`OAuth token request refused: ${code}`);
      expect((error as Error).message).not.toMatch(/PRIVATE KEY|eyJ/);
      expect(server.stats().byEndpoint['POST /token']).toBe(1);
      expect(server.stats().byEndpoint[USERS]).toBeUndefined();
    },
  );

  it('user credentials through Application Default Credentials refresh at the overridden token URL', async () => {
    const server = await sandbox({ customers: directory() });
    const env = { ...noHome, GOOGLE_API_ROOT: server.url, GOOGLE_APPLICATION_CREDENTIALS: userCredentials, GOOGLE_OAUTH_TOKEN_URL: `${server.url}/token`, GOOGLE_ADMIN_SUBJECT: 'admin@acme.com' };
    const client = createDirectoryClient({ env });
    expect(client.credentials.kind).toBe('adc');
    expect(client.credentials.warnings.join(' ')).toMatch(/GOOGLE_ADMIN_SUBJECT is ignored: user credentials/);
    expect((await client.listUsers({ customer: 'my_customer' })).users).toHaveLength(3);
    expect(server.stats().byEndpoint['POST /token']).toBe(1);
  });

  it('a service account without GOOGLE_ADMIN_SUBJECT, and every other problem, is reported at once', () => {
    const attempt = () => createDirectoryClient({ env: { GOOGLE_APPLICATION_CREDENTIALS: serviceAccountKey, GOOGLE_API_ROOT: 'not a url', GOOGLE_OAUTH_TOKEN_URL: 'ftp://x' } });
    expect(attempt).toThrow(GoogleCredentialsError);
    const problems = (() => {
      try {
        attempt();
      } catch (e) {
        return (e as GoogleCredentialsError).problems;
      }
      return [];
    })();
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/GOOGLE_API_ROOT must be an http\(s\) URL[\s\S]*GOOGLE_OAUTH_TOKEN_URL must be[\s\S]*GOOGLE_ADMIN_SUBJECT is not set/);
  });

  describe('describeCredentials', () => {
    it('static token', () => {
      expect(describeCredentials({ GOOGLE_ACCESS_TOKEN: TOKEN, GOOGLE_API_ROOT: 'http://127.0.0.1:9' })).toMatchObject({ kind: 'static-token', source: 'GOOGLE_ACCESS_TOKEN', apiRoot: 'http://127.0.0.1:9/', problems: [] });
    });
    it('service account: identity for the admin console, never the key', () => {
      const d = describeCredentials({ GOOGLE_APPLICATION_CREDENTIALS: serviceAccountKey, GOOGLE_ADMIN_SUBJECT: 'admin@acme.com' });
      expect(d).toMatchObject({ kind: 'service-account', clientId: '104857600000000000001', projectId: 'acme-sync', subject: 'admin@acme.com', apiRoot: 'https://admin.googleapis.com/', problems: [] });
      expect(JSON.stringify(d)).not.toContain('PRIVATE KEY');
    });
    it('external account (Workload Identity Federation): cannot carry a subject, says so', () => {
      const d = describeCredentials({ GOOGLE_APPLICATION_CREDENTIALS: externalAccount, GOOGLE_ADMIN_SUBJECT: 'admin@acme.com' });
      expect(d).toMatchObject({ kind: 'external-account', credentialType: 'external_account', problems: [] });
      expect(d.warnings.join(' ')).toMatch(/federated .* cannot carry a domain-wide delegation subject/);
    });
    it('nothing configured', () => {
      const d = describeCredentials({ HOME: join(dir, 'no-home') });
      expect(d).toMatchObject({ kind: 'none', problems: [] });
      expect(d.warnings.join(' ')).toMatch(/GOOGLE_APPLICATION_CREDENTIALS/);
    });
    it('an unreadable or unknown credential file', () => {
      expect(describeCredentials({ GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'missing.json') }).problems[0]).toMatch(/cannot read .*missing\.json \(ENOENT\)/);
      const odd = writeJson('odd.json', { type: 'something_else' });
      expect(describeCredentials({ GOOGLE_APPLICATION_CREDENTIALS: odd }).problems[0]).toMatch(/unsupported credential type "something_else"/);
    });
  });
});
