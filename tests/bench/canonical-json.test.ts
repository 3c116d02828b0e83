/**
 * The digest's key-order cache (a performance fix found by the bench) must never change the
 * canonical form: canonicalJson and snapshotDigest agree with a plain reference implementation
 * (sort every object's keys, then JSON.stringify) on arbitrary JSON, including objects that share
 * key sequences, integer-like keys and keys already in order.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, snapshotDigest } from '../../src/plan/digest.js';
import type { DirectorySnapshot } from '../../src/model/directory.js';
import type { HaloSnapshot } from '../../src/model/halo.js';

function reference(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(reference);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = reference((value as Record<string, unknown>)[key]);
  return out;
}

const keys = fc.constantFrom('id', 'name', 'email', 'b', 'a', 'z', '10', '9', '0', 'Zed', 'émile', 'site_id');
const records = fc.array(fc.dictionary(keys, fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(keys, fc.string(), { maxKeys: 3 }))), { maxLength: 30 });

describe('canonical JSON with shared key orders', () => {
  it('equals sorting every object and stringifying, for arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => canonicalJson(value) === JSON.stringify(reference(value))));
  });

  it('equals the reference for many records of few shapes (the case the cache serves)', () => {
    fc.assert(fc.property(records, (list) => canonicalJson(list) === JSON.stringify(reference(list))));
  });

  it('gives the snapshot digest of the reference form, chunked or not', () => {
    const users = Array.from({ length: 4500 }, (_, i) => ({ primaryEmail: `p${i}@acme.test`, id: String(100000 + i), name: { givenName: 'P', familyName: String(i) }, ...(i % 7 === 0 ? { suspended: true } : {}) }));
    const directory = { users, reads: [], groups: [], lookups: [] } as unknown as DirectorySnapshot;
    const halo = { users: [], agents: [], sites: [], clients: [], roles: [], cabs: [], fields: [], control: { enablegooglesso: false } } as unknown as HaloSnapshot;
    const section = (name: string, items: unknown[]) => `${JSON.stringify(name)}:${JSON.stringify(reference(items))},`;
    const text = `{${section('directory.users', users)}${['directory.reads', 'directory.groups', 'directory.lookups', 'halo.users', 'halo.agents', 'halo.sites', 'halo.clients', 'halo.roles', 'halo.cabs', 'halo.fields'].map((n) => section(n, [])).join('')}${section('halo.control', [halo.control])}}`;
    expect(snapshotDigest(directory, halo)).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
  });
});
