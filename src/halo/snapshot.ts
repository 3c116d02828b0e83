/**
 * Reads everything the planner needs from Halo in the fewest requests: users paged at 1000 (with
 * inactive ones), then ONE request each for agents (with disabled ones and roles), sites, clients,
 * roles, CABs with members, custom field definitions and Control. Plus discovery and one token:
 * 2,345 users cost 1 + 1 + 3 + 7 = 12 requests. Never one request per person.
 */
import type { HaloSnapshot } from '../model/halo.js';
import { queryString, type HaloClient } from './client.js';
import { readAllPages } from './pager.js';
import { extractList, type Origin } from './parse.js';
import { normalizeAgent, normalizeCab, normalizeClient, normalizeControl, normalizeField, normalizeRole, normalizeSite, normalizeUser } from './normalize.js';
import type { ProgressListener } from './types.js';

/** Halo's (and the sandbox's) largest page size for /api/Users. */
export const USERS_PAGE_SIZE = 1000;

export interface ReadSnapshotOptions {
  /** `matching.agentIdField`: the agent field holding the Google id ('' is read as not set). */
  agentIdField: string;
  onProgress?: ProgressListener;
  /** Page size for users (tests use small pages); default 1000. */
  pageSize?: number;
}

const USERS_QUERY = { pageinate: true, includeactive: true, includeinactive: true } as const;
export const AGENTS_QUERY = { includeenabled: true, includedisabled: true, includeroles: true } as const;

function byNumericId<T extends { id: number }>(a: T, b: T): number {
  return a.id - b.id;
}

async function readList<T>(client: HaloClient, path: string, query: Record<string, string | number | boolean>, key: string, parse: (raw: unknown, index: number, origin: Origin) => T, progress?: ProgressListener): Promise<T[]> {
  const origin: Origin = { method: 'GET', path: `${path}${queryString(query)}` };
  const answer = extractList(await client.getJson(path, query), key, origin);
  const records = answer.records.map((raw, i) => parse(raw, i, origin));
  progress?.({ type: 'read', resource: key, count: records.length });
  return records;
}

export async function readHaloUsers(client: HaloClient, options: { pageSize?: number; onProgress?: ProgressListener; extraQuery?: Record<string, string> } = {}) {
  const pageSize = options.pageSize ?? USERS_PAGE_SIZE;
  const users = await readAllPages(
    async (page_no, page_size) => {
      const query = { ...USERS_QUERY, ...options.extraQuery, page_size, page_no };
      const origin: Origin = { method: 'GET', path: `/api/Users?page_no=${page_no}` };
      return extractList(await client.getJson('/api/Users', query), 'users', origin);
    },
    {
      pageSize,
      label: 'GET /api/Users',
      parse: (raw, index) => normalizeUser(raw, index, { method: 'GET', path: '/api/Users' }),
      idOf: (user) => user.id,
      onPage: (count, total) => options.onProgress?.({ type: 'read', resource: 'users', count, ...(total === undefined ? {} : { total }) }),
    },
  );
  return users.sort(byNumericId);
}

export async function readHaloAgents(client: HaloClient, agentIdField: string, extraQuery: Record<string, string> = {}, onProgress?: ProgressListener) {
  const agents = await readList(client, '/api/Agent', { ...AGENTS_QUERY, ...extraQuery }, 'agents', (raw, i, origin) => normalizeAgent(raw, i, origin, agentIdField), onProgress);
  return agents.sort(byNumericId);
}

/** Everything settled before returning, so no request is left running when one part fails. */
async function settle<T extends readonly unknown[]>(parts: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(parts);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

export async function readHaloSnapshot(client: HaloClient, options: ReadSnapshotOptions): Promise<HaloSnapshot> {
  const progress = options.onProgress ?? client.onProgress;
  // In parallel (hosted Halo is slow per request); the token provider makes them share one token.
  const [users, agents, sites, clients, roles, cabs, fields, control] = await settle([
    readHaloUsers(client, { pageSize: options.pageSize, onProgress: progress }),
    readHaloAgents(client, options.agentIdField, {}, progress),
    readList(client, '/api/Site', { includeinactive: true }, 'sites', normalizeSite, progress),
    readList(client, '/api/Client', { includeinactive: true }, 'clients', normalizeClient, progress),
    readList(client, '/api/Roles', {}, 'roles', normalizeRole, progress),
    readList(client, '/api/CAB', { includemembers: true }, 'cabs', normalizeCab, progress),
    readList(client, '/api/FieldInfo', {}, 'fields', normalizeField, progress),
    client.getJson('/api/Control').then((raw) => normalizeControl(raw, { method: 'GET', path: '/api/Control' })),
  ] as const);
  return {
    users,
    agents,
    sites: sites.sort(byNumericId),
    clients: clients.sort(byNumericId),
    roles: roles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    cabs: cabs.sort(byNumericId),
    fields: fields.sort(byNumericId),
    control,
  };
}
