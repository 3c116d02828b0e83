/**
 * HaloSnapshot.readDigest: hashed by the reader as each list (and each users page) is parsed.
 * The same tenant gives the same digest (the eight lists are read concurrently and combined in a
 * fixed order); a change in any list changes it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readHaloSnapshot } from '../../src/halo/index.js';
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';
import { haloSeed, startHalo, type Harness } from './halo-fixtures.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function digestOf(seed: NonNullable<SandboxSeed['halo']>, latencyMs = 0): Promise<string | undefined> {
  await harness?.close();
  harness = await startHalo({ halo: seed, ...(latencyMs > 0 ? { faults: { latencyMs } } : {}) });
  return (await readHaloSnapshot(harness.client(), { agentIdField: 'third_party_guid' })).readDigest;
}

describe('the Halo read digest', () => {
  it('is the same for the same tenant, read twice or slowly', async () => {
    const base = await digestOf(haloSeed(2345));
    expect(base).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await digestOf(haloSeed(2345))).toBe(base);
    expect(await digestOf(haloSeed(2345), 5)).toBe(base);
  });

  it('changes with a user on any page, an agent, a CAB seat or a setting', async () => {
    const seed = haloSeed(2345);
    const base = await digestOf(seed);
    const variants: Array<NonNullable<SandboxSeed['halo']>> = [
      { ...seed, users: seed.users!.map((u, i) => (i === 2100 ? { ...u, jobtitle: 'Changed' } : u)) },
      { ...seed, agents: seed.agents!.map((a, i) => (i === 0 ? { ...a, name: 'Renamed Agent' } : a)) },
      { ...seed, cabs: seed.cabs!.map((c, i) => (i === 0 ? { ...c, members: [] } : c)) },
      { ...seed, control: { ...seed.control, enablegooglesso: true } },
    ];
    const digests = new Set([base]);
    for (const variant of variants) digests.add(await digestOf(variant));
    expect(digests.size).toBe(variants.length + 1);
  });
});
