import { describe, expect, it } from 'vitest';
import { manualClock, requestToken, startFixture } from './halo-fixture.js';

describe('Halo sandbox: authentication', () => {
  it('refuses a wrong client secret with 401 invalid_client', async () => {
    const f = await startFixture();
    const res = await requestToken(f.url, 'sandbox', 'wrong');
    expect(res).toEqual({ status: 401, body: { error: 'invalid_client' } });
  });

  it('accepts the client id and secret and token lifetime the seed sets', async () => {
    const f = await startFixture({ halo: { clientId: 'bw-sync', clientSecret: 's3cret-value', tokenLifetimeSeconds: 600 } });
    expect((await requestToken(f.url, 'sandbox', 'sandbox')).status).toBe(401);
    const ok = await requestToken(f.url, 'bw-sync', 's3cret-value');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'all' });
    expect(typeof ok.body.access_token).toBe('string');
  });

  it('accepts the tenant query parameter and refuses non-form or wrong-grant token requests', async () => {
    const f = await startFixture();
    const form = 'grant_type=client_credentials&client_id=sandbox&client_secret=sandbox';
    const tenant = await fetch(`${f.url}/auth/token?tenant=brightwater`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
    expect(tenant.status).toBe(200);
    const json = await fetch(`${f.url}/auth/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials' }) });
    expect(json.status).toBe(400);
    const password = await fetch(`${f.url}/auth/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&username=a&password=b' });
    expect(await password.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('requires a bearer token on every /api route except authinfo', async () => {
    const f = await startFixture();
    for (const path of ['/api/Users', '/api/Agent', '/api/Roles', '/api/Control', '/api/nosuch']) {
      const res = await fetch(`${f.url}${path}`);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
    const forged = await fetch(`${f.url}/api/Users`, { headers: { Authorization: 'Bearer not-a-token' } });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('expires tokens after expires_in by the injected clock', async () => {
    const clock = manualClock();
    const f = await startFixture({ clock: clock.now });
    const token = await f.token();
    const call = () => fetch(`${f.url}/api/Users`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);
    clock.advance(3599);
    expect((await call()).status).toBe(200);
    clock.advance(1);
    const expired = await call();
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="The token expired"');
    const fresh = await f.token();
    expect((await fetch(`${f.url}/api/Users`, { headers: { Authorization: `Bearer ${fresh}` } })).status).toBe(200);
  });
});
