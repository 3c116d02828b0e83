/** Fault injection (reproducible by seed), latency, and the request log (stats() and /_sandbox/stats). */
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/sandbox/prng.js';
import type { SeedFaults } from '../../src/sandbox/seed-types.js';
import type { RunningServer } from '../../src/sandbox/server-types.js';
import { acme } from './helpers/google-acme.js';
import { TOKEN, directory, startWith } from './helpers/google-fixtures.js';

const servers: RunningServer[] = [];
async function start(faults?: SeedFaults): Promise<RunningServer> {
  const server = await startWith({ my_customer: acme() }, faults ? { faults } : {});
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Status and reason of `count` users.get calls, one hit each. */
async function statuses(server: RunningServer, count: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${server.url}/admin/directory/v1/users/bob@acme.com`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const body = (await res.json()) as { error?: { errors: Array<{ reason: string }> } };
    out.push(res.status === 200 ? '200' : `${res.status} ${body.error?.errors[0]?.reason}`);
  }
  return out;
}

describe('faults', () => {
  it('answers googleErrorRate of requests with 503 backendError, the same ones for the same seed', async () => {
    const a = await statuses(await start({ googleErrorRate: 0.3, seed: 42 }), 40);
    const b = await statuses(await start({ googleErrorRate: 0.3, seed: 42 }), 40);
    const c = await statuses(await start({ googleErrorRate: 0.3, seed: 43 }), 40);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const faults = a.filter((s) => s !== '200');
    expect(new Set(faults)).toEqual(new Set(['503 backendError']));
    expect(faults.length).toBeGreaterThan(3);
    expect(faults.length).toBeLessThan(25);
    expect(servers[0]?.stats().faults).toEqual({ error: faults.length });
  });

  it('answers googleRateLimitRate with 429 rateLimitExceeded or 403 userRateLimitExceeded', async () => {
    const server = await start({ googleRateLimitRate: 0.5, seed: 7 });
    const seen = await statuses(server, 40);
    expect(new Set(seen)).toEqual(new Set(['200', '429 rateLimitExceeded', '403 userRateLimitExceeded']));
    expect(server.stats().faults.rateLimited).toBe(seen.filter((s) => s !== '200').length);
    const client = directory(server);
    const reasons = new Set<string | undefined>();
    for (let i = 0; i < 20; i++) {
      await client.users.list({ customer: 'my_customer' }).catch(async (e: { response?: { data?: { error?: { errors?: Array<{ reason?: string }> } } } }) => {
        reasons.add(e.response?.data?.error?.errors?.[0]?.reason);
      });
    }
    expect(reasons).toEqual(new Set(['rateLimitExceeded', 'userRateLimitExceeded']));
  });

  it('lets the client\'s default retries recover from a 503', async () => {
    // A seed whose first request faults and whose second does not (3 draws per request).
    const seed = [...Array(1000).keys()].find((s) => {
      const r = seededRandom(s);
      const first = r();
      r(); r();
      return first < 0.5 && r() >= 0.5;
    }) as number;
    const server = await start({ googleErrorRate: 0.5, seed });
    const { data } = await directory(server, { retry: true }).users.list({ customer: 'my_customer' });
    expect(data.users).toHaveLength(6);
    expect(server.stats().byStatus).toEqual({ 200: 1, 503: 1 });
  });

  it('adds latencyMs to every response', async () => {
    const server = await start({ latencyMs: 120 });
    const started = performance.now();
    await directory(server).users.get({ userKey: 'bob@acme.com' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });
});

describe('stats', () => {
  it('counts requests by endpoint (ids collapsed) and status, over HTTP too, and resets', async () => {
    const server = await start();
    const client = directory(server);
    await client.users.list({ customer: 'my_customer' });
    await client.users.get({ userKey: 'bob@acme.com' });
    await client.users.get({ userKey: '101' });
    await client.members.list({ groupKey: 'x@acme.com' }).catch(() => undefined);
    await fetch(`${server.url}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'nope' }) });
    const expected = {
      total: 5,
      byEndpoint: {
        'GET /admin/directory/v1/users': 1,
        'GET /admin/directory/v1/users/{userKey}': 2,
        'GET /admin/directory/v1/groups/{groupKey}/members': 1,
        'POST /token': 1,
      },
      byStatus: { 200: 3, 404: 1, 400: 1 },
      faults: {},
    };
    expect(server.stats()).toEqual(expected);
    const overHttp = await fetch(`${server.url}/_sandbox/stats`);
    expect(await overHttp.json()).toEqual(expected);
    expect((await fetch(`${server.url}/_sandbox/stats`, { method: 'DELETE' })).status).toBe(204);
    expect(server.stats().total).toBe(0);
    await client.users.list({ customer: 'my_customer' });
    server.resetStats();
    expect(server.stats()).toEqual({ total: 0, byEndpoint: {}, byStatus: {}, faults: {} });
  });

  it('refuses writes (read-only API) and unknown paths in Google\'s error shape', async () => {
    const server = await start();
    const post = await fetch(`${server.url}/admin/directory/v1/users`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '{}' });
    expect(post.status).toBe(405);
    const unknown = await fetch(`${server.url}/admin/directory/v1/nothing`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(((await unknown.json()) as { error: { code: number } }).error.code).toBe(404);
    expect(server.stats().byEndpoint).toEqual({ 'POST /admin/directory/v1/users': 1, 'GET /admin/directory/v1/nothing': 1 });
  });
});


describe('scripted answers', () => {
  it('answers a scripted status with Google\'s usual error for it, and backendError for any other status', async () => {
    const server = await start();
    const rules = [400, 403, 404, 429, 500, 502, 503].map((status) => ({ endpoint: 'GET /admin/directory/v1/users/{userKey}', status }));
    const posted = await fetch(`${server.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ rules }) });
    expect(posted.status).toBe(200);
    const seen: string[] = [];
    for (let i = 0; i < rules.length; i++) {
      const res = await fetch(`${server.url}/admin/directory/v1/users/bob@acme.com`, { headers: { authorization: `Bearer ${TOKEN}` } });
      const body = (await res.json()) as { error: { code: number; message: string; errors: Array<{ reason: string }> } };
      expect(body.error.code).toBe(res.status);
      seen.push(`${res.status} ${body.error.errors[0]?.reason}: ${body.error.message}`);
    }
    expect(seen).toEqual([
      '400 badRequest: Bad Request',
      '403 forbidden: Not Authorized to access this resource/api',
      '404 notFound: Not Found',
      '429 rateLimitExceeded: Rate Limit Exceeded',
      '500 internalError: Internal Error',
      '502 backendError: Service unavailable. Please try again',
      '503 backendError: Service unavailable. Please try again',
    ]);
    expect(await statuses(server, 1)).toEqual(['200']);
  });
});
