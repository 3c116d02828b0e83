import { describe, expect, it } from 'vitest';
import { startFixture, type Json } from './halo-fixture.js';

describe('Halo sandbox: 100k users', () => {
  it('pages through 100,000 users at the maximum page size quickly, every id exactly once', async () => {
    const users = Array.from({ length: 100_000 }, (_, i) => ({
      id: i + 1,
      name: `Person ${i + 1}`,
      emailaddress: `person${i + 1}@example.test`,
      site_id: 10,
      inactive: i % 10 === 0,
    }));
    const f = await startFixture({ halo: { clients: [{ id: 1, name: 'Big Co' }], sites: [{ id: 10, name: 'HQ', client_id: 1 }], users } });
    const started = Date.now();
    const seen: number[] = [];
    let pages = 0;
    for (let page = 1; ; page++) {
      const body: Json = (await f.api('GET', `/api/Users?pageinate=true&page_size=1000&page_no=${page}&includeinactive=true`)).body;
      expect(body.record_count).toBe(100_000);
      seen.push(...body.users.map((u: Json) => u.id));
      pages += 1;
      if (body.users.length < 1000) break;
    }
    const elapsed = Date.now() - started;
    expect(pages).toBe(101);
    expect(seen).toHaveLength(100_000);
    expect(new Set(seen).size).toBe(100_000);
    // One filtered pass per state version, then slices: well under a few seconds even on a slow runner.
    expect(elapsed).toBeLessThan(8000);
  });

  it('takes a 5,000-item batch in one POST', async () => {
    const f = await startFixture();
    const batch = Array.from({ length: 5000 }, (_, i) => ({ name: `New ${i}`, emailaddress: `new${i}@harbordental.example`, site_id: 10 }));
    const res = await f.api('POST', '/api/Users', batch);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(5000);
    expect((await f.api('GET', '/api/Users?count=1&search=new4999@')).body.users[0].id).toBe(5007);
  });
});
