import { afterEach, describe, expect, it } from 'vitest';
import { findAgentsByGoogleIdOrEmail, findUsersByGoogleIdOrEmail } from '../../src/halo/index.js';
import { googleId, haloSeed, startHalo, type Harness } from './halo-fixtures.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('direct lookups for apply’s recovery', () => {
  it('searches for a few people and filters the fuzzy answer on the exact email or Google id', async () => {
    harness = await startHalo({ halo: haloSeed(40) });
    const client = harness.client();
    // "person1@" is contained in person10@…person19@: the search returns them all, only one matches.
    const found = await findUsersByGoogleIdOrEmail(client, [{ email: 'PERSON1@harbordental.example' }, { googleId: googleId(4), email: 'person4@harbordental.example' }]);
    expect(found.map((list) => list.map((u) => u.id))).toEqual([[1], [4]]);
    expect(harness.sandbox.stats().byEndpoint['GET /api/Users']).toBe(2);
  });

  it('includes inactive users and confirms a miss with a bulk read before saying "not there"', async () => {
    harness = await startHalo({ halo: haloSeed(40) });
    const client = harness.client();
    const found = await findUsersByGoogleIdOrEmail(client, [{ email: 'person10@harbordental.example' }, { email: 'nobody@harbordental.example' }]);
    expect(found[0]!.map((u) => [u.id, u.inactive])).toEqual([[10, true]]);
    expect(found[1]).toEqual([]);
    // Two searches, then one bulk page to confirm the miss.
    expect(harness.sandbox.stats().byEndpoint['GET /api/Users']).toBe(3);
  });

  it('many people, or people known only by Google id, cost one bulk read', async () => {
    harness = await startHalo({ halo: haloSeed(40) });
    const keys = [1, 4, 7, 10, 13, 16].map((n) => ({ googleId: googleId(n) }));
    const found = await findUsersByGoogleIdOrEmail(harness.client(), keys);
    expect(found.map((list) => list.map((u) => u.id))).toEqual([[1], [4], [7], [10], [13], [16]]);
    expect(harness.sandbox.stats().byEndpoint['GET /api/Users']).toBe(1);
  });

  it('agents: disabled ones included, matched on the agent id field or email', async () => {
    harness = await startHalo({ halo: haloSeed(1) });
    const client = harness.client();
    const found = await findAgentsByGoogleIdOrEmail(client, [{ googleId: googleId(9002) }, { email: 'BreakGlass@brightwater.example' }, { email: 'none@x.example' }], {
      agentIdField: 'third_party_guid',
    });
    expect(found.map((list) => list.map((a) => a.id))).toEqual([[2], [3], []]);
    expect(harness.sandbox.stats().byEndpoint['GET /api/Agent']).toBe(1);
    const one = await findAgentsByGoogleIdOrEmail(client, [{ email: 'ben@brightwater.example' }], { agentIdField: 'third_party_guid' });
    expect(one[0]!.map((a) => [a.id, a.isdisabled])).toEqual([[2, true]]);
  });
});
