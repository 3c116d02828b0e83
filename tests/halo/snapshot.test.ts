import { afterEach, describe, expect, it } from 'vitest';
import { readHaloSnapshot, type HaloProgressEvent } from '../../src/halo/index.js';
import { googleId, haloSeed, ROLE_ADMIN, ROLE_FINANCE, startHalo, type Harness } from './halo-fixtures.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('readHaloSnapshot over the sandbox', () => {
  it('returns exactly the seeded records, inactive users, disabled agents, roles and CAB members included', async () => {
    const seed = haloSeed(57);
    harness = await startHalo({ halo: seed });
    const snapshot = await readHaloSnapshot(harness.client(), { agentIdField: 'third_party_guid' });

    expect(snapshot.users.map((u) => u.id)).toEqual(seed.users!.map((u) => u.id));
    expect(snapshot.users.filter((u) => u.inactive).map((u) => u.id)).toEqual(seed.users!.filter((u) => u.inactive).map((u) => u.id));
    const linked = snapshot.users.find((u) => u.id === 4)!;
    expect(linked).toMatchObject({ emailaddress: 'person4@harbordental.example', googleworkplace_id: googleId(4), site_id: 11, site_name: 'Harbor Dental - Eastside', client_id: 1 });
    expect(snapshot.users.find((u) => u.id === 2)!.googleworkplace_id ?? null).toBeNull();

    expect(snapshot.agents.map((a) => [a.id, a.isdisabled])).toEqual([[1, false], [2, true], [3, false]]);
    expect(snapshot.agents[0]!.roles!.map((r) => r.id).sort()).toEqual([ROLE_ADMIN, ROLE_FINANCE].sort());
    expect(snapshot.agents[0]!.third_party_guid).toBe(googleId(9001));
    expect(snapshot.agents[2]!.third_party_guid).toBeNull(); // '' is "not linked"

    expect(snapshot.sites.map((s) => [s.id, s.inactive])).toEqual([[10, false], [11, false], [12, true]]);
    expect(snapshot.clients.map((c) => c.id)).toEqual([1, 2]);
    expect(snapshot.roles.map((r) => r.name).sort()).toEqual(['Administrator', 'Finance Reviewer', 'Technician']);
    expect(snapshot.cabs.find((c) => c.name === 'Infrastructure CAB')!.members.map((m) => m.agent_id)).toEqual([1, 3]);
    expect(snapshot.fields).toEqual([{ id: 150, name: 'CFEmployeeNumber', label: 'Employee number' }]);
    expect(snapshot.control).toEqual({ enablegooglesso: false, halointegrator_googleworkplace: false, googlessotype: 0 });
  });

  it.each([
    [2345, 3],
    [1000, 1],
    [0, 1],
  ])('reads %i users with the minimum requests (%i user pages)', async (users, pages) => {
    harness = await startHalo({ halo: haloSeed(users) });
    const events: HaloProgressEvent[] = [];
    const client = harness.client({ onProgress: (e) => events.push(e) });
    const snapshot = await readHaloSnapshot(client, { agentIdField: 'third_party_guid' });
    expect(snapshot.users).toHaveLength(users);

    const stats = harness.sandbox.stats();
    // discovery + token + user pages + agents, sites, clients, roles, CABs, fields, control
    const minimum = 1 + 1 + pages + 7;
    console.log(`snapshot of ${users} users: ${stats.total} requests (${JSON.stringify(stats.byEndpoint)})`);
    expect(stats.byEndpoint['GET /api/Users']).toBe(pages);
    expect(stats.byEndpoint['POST /auth/token']).toBe(1);
    expect(stats.total).toBe(minimum);
    expect(client.stats().requests).toBe(minimum);
    const lastUsers = events.filter((e) => e.type === 'read' && e.resource === 'users').at(-1);
    expect(lastUsers).toMatchObject({ count: users, total: users });
  });

  it('sorts by id and the same tenant reads the same twice', async () => {
    harness = await startHalo({ halo: haloSeed(30) });
    const a = await readHaloSnapshot(harness.client(), { agentIdField: 'third_party_guid' });
    const b = await readHaloSnapshot(harness.client(), { agentIdField: 'third_party_guid' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.users.map((u) => u.id)).toEqual([...a.users.map((u) => u.id)].sort((x, y) => x - y));
  });
});
