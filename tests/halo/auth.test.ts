import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/diagnostics/errors.js';
import { HaloSetupError, createHaloClient, readHaloSnapshot } from '../../src/halo/index.js';
import { CLIENT_SECRET, expectNoSecrets, failureOf, haloSeed, startHalo, type Harness } from './halo-fixtures.js';
import { fakeTime } from './fake-time.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const opts = { agentIdField: 'third_party_guid' };

describe('Halo authentication over the sandbox', () => {
  it('discovers the auth server from /api/authinfo', async () => {
    harness = await startHalo({ halo: haloSeed(3) });
    const client = harness.client();
    await readHaloSnapshot(client, opts);
    expect(harness.sandbox.stats().byEndpoint['GET /api/authinfo']).toBe(1);
    expect(await client.authServer()).toEqual({ authUrl: `${harness.sandbox.url}/auth`, tenant: undefined, source: 'authinfo' });
  });

  it('uses HALO_AUTH_URL without discovery (given as …/auth or …/auth/token), with the tenant', async () => {
    harness = await startHalo({ halo: haloSeed(3) });
    for (const authUrl of [`${harness.sandbox.url}/auth`, `${harness.sandbox.url}/auth/token/`]) {
      harness.sandbox.resetStats();
      const client = harness.client({ env: { ...harness.env, HALO_AUTH_URL: authUrl, HALO_TENANT: 'brightwater' } });
      await readHaloSnapshot(client, opts);
      const stats = harness.sandbox.stats();
      expect(stats.byEndpoint['GET /api/authinfo']).toBeUndefined();
      expect(stats.byEndpoint['POST /auth/token']).toBe(1);
      expect(await client.authServer()).toMatchObject({ source: 'HALO_AUTH_URL', tenant: 'brightwater' });
    }
  });

  it('a wrong secret is a clear error that names the variables and never shows the secret', async () => {
    harness = await startHalo({ halo: haloSeed(3) });
    const wrongSecret = 'wrong-secret-that-must-not-leak-42';
    const client = harness.client({ env: { ...harness.env, HALO_CLIENT_SECRET: wrongSecret } });
    const error = await failureOf(() => readHaloSnapshot(client, opts));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toContain('Halo rejected the client id/secret');
    expect(error.message).toContain('check HALO_CLIENT_ID / HALO_CLIENT_SECRET');
    expect(error.status).toBe(401);
    expect(error.excerpt).not.toContain('freshly issued token');
    expectNoSecrets(error, [wrongSecret, CLIENT_SECRET]);
    // Credentials are not retried: one token request.
    expect(harness.sandbox.stats().byEndpoint['POST /auth/token']).toBe(1);
  });

  it('on a hosted *.halopsa.com address the error also points at HALO_TENANT and HALO_AUTH_URL', async () => {
    harness = await startHalo({ halo: haloSeed(1) });
    const sandboxUrl = harness.sandbox.url;
    // Transport fixture: the hosted name resolves to the sandbox (like a hosts-file entry).
    const viaSandbox: typeof fetch = (input, init) => fetch(String(input).replace('https://acme.halopsa.com', sandboxUrl), init);
    const client = createHaloClient({
      config: { halo: { url: 'https://acme.halopsa.com' } },
      env: { HALO_CLIENT_ID: 'x', HALO_CLIENT_SECRET: 'definitely-wrong-secret' },
      fetch: viaSandbox,
      rateLimit: 'off',
    });
    const error = await failureOf(() => readHaloSnapshot(client, opts));
    expect(error.message).toMatch(/HALO_TENANT .* HALO_AUTH_URL/);
  });

  it('a token endpoint that does not exist says to set HALO_AUTH_URL', async () => {
    harness = await startHalo({ halo: haloSeed(1) });
    const client = harness.client({ env: { ...harness.env, HALO_AUTH_URL: `${harness.sandbox.url}/not-auth` } });
    const error = await failureOf(() => readHaloSnapshot(client, opts));
    expect(error.message).toContain('set HALO_AUTH_URL');
  });

  it('missing credentials fail before any request, naming both variables', () => {
    expect(() => createHaloClient({ config: { halo: { url: 'http://127.0.0.1:1' } }, env: {} })).toThrow(HaloSetupError);
    expect(() => createHaloClient({ config: { halo: { url: 'http://127.0.0.1:1' } }, env: { HALO_CLIENT_ID: 'x' } })).toThrow(/HALO_CLIENT_SECRET/);
  });

  it('renews the token ahead of its expiry, without a 401', async () => {
    const time = fakeTime();
    harness = await startHalo({ halo: haloSeed(5, { tokenLifetimeSeconds: 600 }), clock: time.clock.now });
    const client = harness.client({ clock: time.clock, sleep: time.sleep });
    await client.getJson('/api/Control');
    time.advance(530_000); // 70 s before expiry: outside the 60 s margin, the token is reused
    await client.getJson('/api/Control');
    expect(harness.sandbox.stats().byEndpoint['POST /auth/token']).toBe(1);
    time.advance(15_000); // 55 s before expiry: renewed ahead, Halo still accepts the old one
    await client.getJson('/api/Control');
    const stats = harness.sandbox.stats();
    expect(stats.byEndpoint['POST /auth/token']).toBe(2);
    expect(stats.byStatus['401']).toBeUndefined();
  });

  it('a token expiring mid-read is renewed once, shared by the reads running in parallel', async () => {
    const time = fakeTime();
    harness = await startHalo({ halo: haloSeed(250, { tokenLifetimeSeconds: 600 }), clock: time.clock.now });
    let pages = 0;
    const client = harness.client({
      clock: time.clock,
      sleep: time.sleep,
      onProgress: (e) => {
        // Ten minutes pass after the first user page: requests already holding the token get 401.
        if (e.type === 'read' && e.resource === 'users' && ++pages === 1) time.advance(600_000);
      },
    });
    const snapshot = await readHaloSnapshot(client, { ...opts, pageSize: 100 });
    expect(snapshot.users).toHaveLength(250);
    expect(snapshot.agents).toHaveLength(3);
    expect(harness.sandbox.stats().byEndpoint['POST /auth/token']).toBe(2);
  });

  it('renews once on a 401 when Halo expires the token early, and repeats the request', async () => {
    let serverNow = Date.now();
    harness = await startHalo({ halo: haloSeed(250, { tokenLifetimeSeconds: 3600 }), clock: () => serverNow });
    let pages = 0;
    const client = harness.client({
      onProgress: (e) => {
        // Only Halo's clock jumps: the client still believes its token is good.
        if (e.type === 'read' && e.resource === 'users' && ++pages === 1) serverNow += 7200_000;
      },
    });
    const snapshot = await readHaloSnapshot(client, { ...opts, pageSize: 100 });
    expect(snapshot.users).toHaveLength(250);
    const stats = harness.sandbox.stats();
    expect(stats.byStatus['401']).toBeGreaterThanOrEqual(1);
    expect(stats.byEndpoint['POST /auth/token']).toBe(2);
  });

  it('a token Halo keeps refusing is reported once renewed, not looped on', async () => {
    // Halo's clock runs 5 s per look while tokens live 1 s: every token is expired on arrival.
    let serverNow = 0;
    harness = await startHalo({ halo: haloSeed(1, { tokenLifetimeSeconds: 1 }), clock: () => (serverNow += 5_000) });
    const error = await failureOf(() => harness!.client().getJson('/api/Control'));
    expect(error.status).toBe(401);
    expect(error.message).toContain('Halo refused a freshly issued token');
    expect(harness.sandbox.stats().byEndpoint['POST /auth/token']).toBe(2);
  });
});
