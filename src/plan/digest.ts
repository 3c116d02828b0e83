/**
 * Digests that tie a plan to its inputs: `sha256:` over canonical JSON (object keys sorted, record
 * lists sorted by id) so the same inputs give the same digest whatever order an API returned them
 * in. Informational for staleness: `apply --plan` compares changes, not digests.
 */
import { createHash, type Hash } from 'node:crypto';
import type { DirectorySnapshot } from '../model/directory.js';
import type { HaloSnapshot } from '../model/halo.js';

function collectKeys(value: unknown, keys: Set<string>): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectKeys(item, keys);
    return;
  }
  for (const key of Object.keys(value)) {
    keys.add(key);
    collectKeys((value as Record<string, unknown>)[key], keys);
  }
}

/**
 * JSON with every object's keys in sorted order. JSON.stringify with a replacer ARRAY emits, at
 * every depth, exactly the listed keys in list order: given every key that occurs, sorted, that is
 * canonical JSON at native speed (a hand-written serializer is several times slower at 100k).
 */
export function canonicalJson(value: unknown): string {
  const keys = new Set<string>();
  collectKeys(value, keys);
  return JSON.stringify(value, [...keys].sort()) ?? 'null';
}

function byKey<T>(items: readonly T[], key: (t: T) => string | number): T[] {
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

function section(hash: Hash, name: string, value: unknown): void {
  hash.update(`${JSON.stringify(name)}:`);
  hash.update(canonicalJson(value));
  hash.update(',');
}

export function configDigest(config: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(config)).digest('hex')}`;
}

export function snapshotDigest(directory: DirectorySnapshot, halo: HaloSnapshot): string {
  const hash = createHash('sha256');
  hash.update('{');
  section(hash, 'directory.users', byKey(directory.users, (u) => u.id));
  section(hash, 'directory.reads', byKey(directory.reads, (r) => r.key));
  section(hash, 'directory.groups', byKey(directory.groups, (g) => g.email));
  section(hash, 'directory.lookups', byKey(directory.lookups, (l) => l.googleId));
  section(hash, 'halo.users', byKey(halo.users, (u) => u.id));
  section(hash, 'halo.agents', byKey(halo.agents, (a) => a.id));
  section(hash, 'halo.sites', byKey(halo.sites, (s) => s.id));
  section(hash, 'halo.clients', byKey(halo.clients, (c) => c.id));
  section(hash, 'halo.roles', byKey(halo.roles, (r) => r.id));
  section(hash, 'halo.cabs', byKey(halo.cabs, (c) => c.id));
  section(hash, 'halo.fields', byKey(halo.fields, (f) => f.id));
  section(hash, 'halo.control', halo.control);
  hash.update('}');
  return `sha256:${hash.digest('hex')}`;
}
