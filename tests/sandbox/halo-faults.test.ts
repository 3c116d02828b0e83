import { describe, expect, it } from 'vitest';
import { manualClock, parse, requestToken, sandboxState, startFixture, type Fixture } from './halo-fixture.js';

/** Statuses (and content types) of `n` sequential GETs; a fresh token is fetched before faults apply. */
async function statuses(f: Fixture, token: string, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${f.url}/api/Users?page_no=${i}`, { headers: { Authorization: `Bearer ${token}` } });
    await res.text();
    out.push(`${res.status} ${res.headers.get('content-type')?.split(';')[0]}`);
  }
  return out;
}

describe('Halo sandbox: fault injection', () => {
  it('injects 5xx errors reproducibly by seed: same seed, same sequence; other seed, other sequence', async () => {
    const run = async (seed: number) => {
      // Token requests are faulted too: retry until one succeeds; the retries are part of the sequence.
      const f = await startFixture({ faults: { haloErrorRate: 0.4, seed } });
      let token: string | undefined;
      const tokenStatuses: number[] = [];
      while (!token) {
        const res = await requestToken(f.url, 'sandbox', 'sandbox');
        tokenStatuses.push(res.status);
        if (res.status === 200) token = res.body.access_token;
      }
      return [...tokenStatuses.map(String), ...(await statuses(f, token, 40))];
    };
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const kinds = new Set(a.filter((s) => s.includes(' ')).map((s) => s.slice(0, 3)));
    expect(kinds.has('200')).toBe(true);
    expect([...kinds].some((k) => k.startsWith('5'))).toBe(true);
    // Real outages answer in HTML and in JSON.
    expect(a.some((s) => s.startsWith('5') && s.endsWith('text/html'))).toBe(true);
    expect(a.some((s) => s.startsWith('5') && s.endsWith('application/json'))).toBe(true);
  });

  it('rate-limits over a rolling window across /auth and /api, with Retry-After; refused requests do not count', async () => {
    const clock = manualClock();
    const f = await startFixture({ clock: clock.now, faults: { haloRateLimit: { requests: 3, windowSeconds: 300 } } });
    const token = await f.token(); // request 1 at t=0
    const get = () => fetch(`${f.url}/api/Users`, { headers: { Authorization: `Bearer ${token}` } });
    clock.advance(100);
    expect((await get()).status).toBe(200); // request 2 at t=100
    clock.advance(100);
    expect((await get()).status).toBe(200); // request 3 at t=200
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('100');
    expect(await limited.text()).toBe('Rate Limit Reached - 3 Requests per rolling 5 minute window');
    clock.advance(99);
    expect((await get()).headers.get('retry-after')).toBe('1');
    clock.advance(1); // t=300: request 1 has left the window; the refused ones never counted
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(429);
    expect(f.server.stats().faults.rateLimited).toBe(3);
  });

  it('loses the response of a committed POST: the client sees a dropped connection, the write is there', async () => {
    const f = await startFixture({ faults: { lostResponseRate: 1 } });
    const token = await f.token();
    const post = fetch(`${f.url}/api/Users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify([{ id: 2, title: 'Practice Nurse' }]),
    });
    await expect(post).rejects.toThrow();
    const state = await sandboxState(f.url);
    expect(state.users.find((u: { id: number }) => u.id === 2).title).toBe('Practice Nurse');
    expect(f.server.stats().faults.lostResponse).toBe(1);
    // Reads are never lost.
    expect((await fetch(`${f.url}/api/Users/2`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('adds latency to every response', async () => {
    const f = await startFixture({ faults: { latencyMs: 120 } });
    const started = Date.now();
    await fetch(`${f.url}/api/authinfo`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('injects nothing when the seed asks for nothing', async () => {
    const f = await startFixture();
    const token = await f.token();
    expect(new Set(await statuses(f, token, 30))).toEqual(new Set(['200 application/json']));
  });
});

describe('Halo sandbox: request log', () => {
  it('counts requests by endpoint (canonical case, ids collapsed), by status and faults; resets over HTTP', async () => {
    const f = await startFixture({ faults: { lostResponseRate: 0 } });
    await f.api('GET', '/api/users?pageinate=true&page_size=2&page_no=1');
    await f.api('GET', '/api/Users/1');
    await f.api('GET', '/API/USERS/2');
    await f.api('GET', '/api/Users/999');
    await f.api('POST', '/api/Agent', [{ id: 2, jobtitle: 'Lead' }]);
    await fetch(`${f.url}/_sandbox/state`);
    const stats = await parse(await fetch(`${f.url}/_sandbox/stats`));
    expect(stats).toEqual({
      total: 6,
      byEndpoint: { 'POST /auth/token': 1, 'GET /api/Users': 1, 'GET /api/Users/{id}': 3, 'POST /api/Agent': 1 },
      byStatus: { '200': 5, '404': 1 },
      faults: {},
    });
    expect(f.server.stats()).toEqual(stats);
    expect((await fetch(`${f.url}/_sandbox/stats`, { method: 'DELETE' })).status).toBe(204);
    expect(f.server.stats()).toEqual({ total: 0, byEndpoint: {}, byStatus: {}, faults: {} });
    await f.api('GET', '/api/Roles');
    f.server.resetStats();
    expect(f.server.stats().total).toBe(0);
  });

  it('exposes the full current state without authentication', async () => {
    const f = await startFixture();
    await f.api('POST', '/api/Agent', [{ id: 3, isdisabled: false }]);
    const state = await sandboxState(f.url);
    expect(Object.keys(state).sort()).toEqual(['agents', 'cabs', 'clients', 'control', 'fields', 'roles', 'sites', 'users']);
    expect(state.users).toHaveLength(7);
    expect(state.agents.find((a: { id: number }) => a.id === 3)).toMatchObject({ isdisabled: false, roles: [{ name: 'Technician' }] });
    expect(state.cabs[0].members).toHaveLength(2);
    expect(f.server.state()).toEqual(state);
  });
});

describe('Halo sandbox: scripted faults', () => {
  const post = (f: Fixture, token: string, body: string) =>
    fetch(`${f.url}/api/Users`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body });

  it('spends a scripted lost response only on a POST that commits: refused requests (401, 400) leave it for the retry', async () => {
    const f = await startFixture();
    const rules = { rules: [{ endpoint: 'POST /api/Users', lose: true, bodyIncludes: 'Practice Nurse' }] };
    expect((await fetch(`${f.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify(rules) })).status).toBe(200);
    const write = JSON.stringify([{ id: 2, title: 'Practice Nurse' }]);
    expect((await post(f, 'not-a-token', write)).status).toBe(401);
    expect((await post(f, await f.token(), '[{"id": 2, "title": "Practice Nurse"')).status).toBe(400);
    expect((await sandboxState(f.url)).users.find((u: { id: number }) => u.id === 2).title).toBeUndefined();

    const token = await f.token();
    await expect(post(f, token, write)).rejects.toThrow();
    expect((await sandboxState(f.url)).users.find((u: { id: number }) => u.id === 2).title).toBe('Practice Nurse');
    expect(f.server.stats().faults.lostResponse).toBe(1);
    // The rule fired once: the client's re-read and retry are answered.
    expect((await post(f, token, write)).status).toBe(200);
    expect(await parse(await fetch(`${f.url}/_sandbox/faults`))).toEqual({ rules: [] });
  });
});
