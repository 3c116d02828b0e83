/**
 * The plan's snapshot digest over the readers' digests (src/plan/digest.ts): deterministic for the
 * same world read twice through the real readers, different when anything read or looked up
 * differs, and the canonical content digest for snapshots built by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Snapshots } from '../../src/app/read-snapshots.js';
import { parseConfigText } from '../../src/config/parse.js';
import type { LoadedConfig } from '../../src/config/types.js';
import { buildPlan, snapshotDigest } from '../../src/plan/index.js';
import type { SandboxSeed } from '../../src/sandbox/seed-types.js';
import { generateWorld } from '../../bench/generate/index.js';
import { readGeneratedWorld } from '../../bench/generate/read-world.js';
import { linkedUser, person, world } from '../builders.js';

const generated = generateWorld(1000, 1);
const loaded = parseConfigText(generated.configYaml, 'bench.yaml').loaded as LoadedConfig;

/** The generated world with `seed` (an edited copy, or the generated one), read through the real readers. */
async function read(seed: SandboxSeed): Promise<Snapshots> {
  return (await readGeneratedWorld({ ...generated, seed })).snapshots;
}

function planDigest({ directory, halo }: Snapshots): string {
  const outcome = buildPlan(loaded, directory, halo);
  if (!outcome.ok) throw new Error('planning refused');
  return outcome.plan.snapshotDigest;
}

describe('snapshot digest from the read digests', () => {
  it('is the same for the same world read twice, and differs when Google or Halo data differ', async () => {
    const first = await read(generated.seed);
    expect(first.directory.readDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.halo.readDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.directory.lookups.length).toBeGreaterThan(0);
    const base = planDigest(first);
    expect(planDigest(await read(generated.seed))).toBe(base);

    const halo = generated.seed.halo!;
    const retitled = { ...generated.seed, halo: { ...halo, users: halo.users!.map((u, i) => (i === 5 ? { ...u, jobtitle: 'Changed' } : u)) } };
    expect(planDigest(await read(retitled))).not.toBe(base);
    const customers = generated.seed.google!.customers!;
    const [key, own] = Object.entries(customers)[0]!;
    const renamed = { ...generated.seed, google: { ...generated.seed.google, customers: { ...customers, [key]: { ...own, users: own.users!.map((u, i) => (i === 3 ? { ...u, name: { ...u.name, familyName: 'Changed' } } : u)) } } } };
    expect(planDigest(await read(renamed))).not.toBe(base);
  });

  it('hashes the lookups itself (the app adds them after reading), and trusts each read digest for its side', async () => {
    const { directory, halo } = await read(generated.seed);
    const base = snapshotDigest(directory, halo);
    const lookups = directory.lookups.map((l, i) => (i === 0 ? { googleId: l.googleId, status: 'error' as const, error: 'timeout' } : l));
    expect(snapshotDigest({ ...directory, lookups }, halo)).not.toBe(base);
    expect(snapshotDigest({ ...directory, readDigest: `sha256:${'0'.repeat(64)}` }, halo)).not.toBe(base);
    expect(snapshotDigest(directory, { ...halo, readDigest: `sha256:${'0'.repeat(64)}` })).not.toBe(base);
    // A side without a read digest is digested from its content (canonical JSON), the other side not.
    const { readDigest: _h, ...haloContent } = halo;
    const mixed = snapshotDigest(directory, haloContent);
    expect(mixed).not.toBe(base);
    expect(snapshotDigest(directory, { ...haloContent, users: haloContent.users.slice(1) })).not.toBe(mixed);
    expect(snapshotDigest({ ...directory, users: directory.users.slice(1) }, haloContent)).toBe(mixed);
  });

  it('hand-built snapshots (no read digests) are digested from their content, whatever their order', () => {
    const ann = person('ann@acme.test');
    const bob = person('bob@acme.test');
    const w = world({ people: [ann, bob], halo: { users: [linkedUser(10, ann), linkedUser(11, bob)] } });
    expect(w.directory.readDigest).toBeUndefined();
    const base = snapshotDigest(w.directory, w.halo);
    expect(snapshotDigest({ ...w.directory, users: [...w.directory.users].reverse() }, { ...w.halo, users: [...w.halo.users].reverse() })).toBe(base);
    expect(snapshotDigest(w.directory, { ...w.halo, users: [w.halo.users[0]!] })).not.toBe(base);
  });
});
