/**
 * Direct reads for apply's recovery: after an ambiguous create, find out whether the record exists
 * before creating it again. Halo's `search` is only a hint (it is fuzzy, and HaloAPI#58 shows it
 * missing records), so every answer is filtered here on the exact Google id or email, and a search
 * that finds nobody is confirmed by a bulk read; for more than a few people, one bulk read is
 * cheaper and surer than a search each.
 */
import type { HaloAgent, HaloUser } from '../model/halo.js';
import type { HaloClient } from './client.js';
import { readAllPages } from './pager.js';
import { extractList } from './parse.js';
import { normalizeUser } from './normalize.js';
import { readHaloAgents, readHaloUsers } from './snapshot.js';

export interface PersonKey {
  googleId?: string | null;
  email?: string | null;
}

export interface LookupOptions {
  /** Up to this many people are looked up with one search each; more means one bulk read. */
  searchLimit?: number;
}

/**
 * A search that finds nobody is not proof (the search may miss a record, and creating again on a
 * miss makes the duplicate this lookup exists to prevent): misses are confirmed with a bulk read.
 */
async function confirmMisses<T>(found: T[][], bulk: () => Promise<T[][]>): Promise<T[][]> {
  if (found.every((list) => list.length > 0)) return found;
  const all = await bulk();
  return found.map((list, i) => (list.length > 0 ? list : (all[i] ?? [])));
}

const SEARCH_PAGE_SIZE = 100;

function same(a: unknown, b: string | null | undefined): boolean {
  return typeof a === 'string' && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function matches(record: Record<string, unknown>, key: PersonKey, idField: string, emailField: string): boolean {
  const id = record[idField];
  return (!!key.googleId && typeof id === 'string' && id.trim() === key.googleId.trim()) || same(record[emailField], key.email);
}

function pick<T extends { id: number }>(records: readonly T[], keys: readonly PersonKey[], idField: string, emailField: string): T[][] {
  return keys.map((key) => records.filter((r) => matches(r, key, idField, emailField)));
}

function searchable(keys: readonly PersonKey[], limit: number): keys is ReadonlyArray<PersonKey & { email: string }> {
  return keys.length <= limit && keys.every((k) => typeof k.email === 'string' && k.email.trim() !== '');
}

/** For each key, the Halo end users (inactive included) with that `googleworkplace_id` or `emailaddress`. */
export async function findUsersByGoogleIdOrEmail(client: HaloClient, keys: readonly PersonKey[], options: LookupOptions = {}): Promise<HaloUser[][]> {
  if (keys.length === 0) return [];
  if (!searchable(keys, options.searchLimit ?? 5)) return pick(await readHaloUsers(client), keys, 'googleworkplace_id', 'emailaddress');
  const found: HaloUser[][] = [];
  for (const key of keys) {
    const origin = { method: 'GET', path: '/api/Users?search=…' };
    const candidates = await readAllPages(
      async (page_no, page_size) =>
        extractList(
          await client.getJson('/api/Users', { search: key.email.trim(), pageinate: true, page_size, page_no, includeactive: true, includeinactive: true }),
          'users',
          origin,
        ),
      { pageSize: SEARCH_PAGE_SIZE, label: 'GET /api/Users?search', parse: (raw, i) => normalizeUser(raw, i, origin), idOf: (u) => u.id },
    );
    found.push(...pick(candidates, [key], 'googleworkplace_id', 'emailaddress'));
  }
  return confirmMisses(found, async () => pick(await readHaloUsers(client), keys, 'googleworkplace_id', 'emailaddress'));
}

/** For each key, the Halo agents (disabled included) with that Google id (in `agentIdField`) or `email`. */
export async function findAgentsByGoogleIdOrEmail(
  client: HaloClient,
  keys: readonly PersonKey[],
  options: LookupOptions & { agentIdField: string },
): Promise<HaloAgent[][]> {
  if (keys.length === 0) return [];
  // /api/Agent is not paged: the whole list is one request, so searching only pays for one person.
  if (!searchable(keys, Math.min(1, options.searchLimit ?? 1))) {
    return pick(await readHaloAgents(client, options.agentIdField), keys, options.agentIdField, 'email');
  }
  const found: HaloAgent[][] = [];
  for (const key of keys) {
    const candidates = await readHaloAgents(client, options.agentIdField, { search: key.email.trim() });
    found.push(...pick(candidates, [key], options.agentIdField, 'email'));
  }
  return confirmMisses(found, async () => pick(await readHaloAgents(client, options.agentIdField), keys, options.agentIdField, 'email'));
}
