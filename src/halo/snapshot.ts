/**
 * Reads everything the planner needs from Halo in the fewest requests: users paged at 1000 (with
 * inactive ones), then ONE request each for agents (with disabled ones and roles), sites, clients,
 * roles, CABs with members, custom field definitions and Control. Plus discovery and one token:
 * 2,345 users cost 1 + 1 + 3 + 7 = 12 requests. Never one request per person.
 */
import { createHash, type Hash } from 'node:crypto';
import type { HaloAgent, HaloCab, HaloClient as HaloClientRecord, HaloControl, HaloFieldDefinition, HaloRole, HaloSite, HaloSnapshot, HaloUser } from '../model/halo.js';
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

/**
 * HaloSnapshot.readDigest: hashed while reading (overlapping network waits), not by the planner
 * afterwards. Each list gets a running sha256 over the JSON text of its normalized records, a page
 * at a time in read order (users: every page as parsed, repeats included; the other lists are one
 * request each), each followed by "\n"; Control is one JSON text. The lists are read concurrently,
 * so the digest combines them in this fixed order: `sha256:` + sha256 of the lines `[list, hex]` + "\n".
 */
const DIGEST_PARTS = ['users', 'agents', 'sites', 'clients', 'roles', 'cabs', 'fields', 'control'] as const;

function hashPart(hash: Hash, data: unknown): void {
  hash.update(JSON.stringify(data) ?? 'null');
  hash.update('\n');
}

function readDigest(parts: Record<(typeof DIGEST_PARTS)[number], Hash>): string {
  const combined = createHash('sha256');
  for (const name of DIGEST_PARTS) combined.update(`${JSON.stringify([name, parts[name].digest('hex')])}\n`);
  return `sha256:${combined.digest('hex')}`;
}

/** How plan reads each list (doctor makes the same reads, to check each one is allowed). */
export const USERS_QUERY = { pageinate: true, includeactive: true, includeinactive: true } as const;
export const AGENTS_QUERY = { includeenabled: true, includedisabled: true, includeroles: true } as const;

/** A list Halo answers in one request: where, with which query, the key it may be wrapped in, each record's parser. */
export interface ListRead<T> {
  path: string;
  query: Readonly<Record<string, string | number | boolean>>;
  key: string;
  parse: (raw: unknown, index: number, origin: Origin) => T;
}

export const SITES_READ: ListRead<HaloSite> = { path: '/api/Site', query: { includeinactive: true }, key: 'sites', parse: normalizeSite };
export const CLIENTS_READ: ListRead<HaloClientRecord> = { path: '/api/Client', query: { includeinactive: true }, key: 'clients', parse: normalizeClient };
export const ROLES_READ: ListRead<HaloRole> = { path: '/api/Roles', query: {}, key: 'roles', parse: normalizeRole };
export const CABS_READ: ListRead<HaloCab> = { path: '/api/CAB', query: { includemembers: true }, key: 'cabs', parse: normalizeCab };
export const FIELDS_READ: ListRead<HaloFieldDefinition> = { path: '/api/FieldInfo', query: {}, key: 'fields', parse: normalizeField };

function byNumericId<T extends { id: number }>(a: T, b: T): number {
  return a.id - b.id;
}

/** One list in one request, parsed record by record; in Halo's order. */
export async function readList<T>(client: HaloClient, read: ListRead<T>, progress?: ProgressListener, hash?: Hash): Promise<T[]> {
  const { path, query, key } = read;
  const origin: Origin = { method: 'GET', path: `${path}${queryString(query)}` };
  const answer = extractList(await client.getJson(path, query), key, origin);
  const records = answer.records.map((raw, i) => read.parse(raw, i, origin));
  if (hash) hashPart(hash, records);
  progress?.({ type: 'read', resource: key, count: records.length });
  return records;
}

export async function readControl(client: HaloClient, hash?: Hash): Promise<HaloControl> {
  const control = normalizeControl(await client.getJson('/api/Control'), { method: 'GET', path: '/api/Control' });
  if (hash) hashPart(hash, control);
  return control;
}

/** `hash`: updated with each page's normalized records as the page is parsed (readDigest). */
export async function readHaloUsers(client: HaloClient, options: { pageSize?: number; onProgress?: ProgressListener; extraQuery?: Record<string, string>; hash?: Hash } = {}) {
  const pageSize = options.pageSize ?? USERS_PAGE_SIZE;
  const { hash } = options;
  let page: HaloUser[] = [];
  const users = await readAllPages(
    async (page_no, page_size) => {
      const query = { ...USERS_QUERY, ...options.extraQuery, page_size, page_no };
      const origin: Origin = { method: 'GET', path: `/api/Users?page_no=${page_no}` };
      return extractList(await client.getJson('/api/Users', query), 'users', origin);
    },
    {
      pageSize,
      label: 'GET /api/Users',
      parse: (raw, index) => {
        const user = normalizeUser(raw, index, { method: 'GET', path: '/api/Users' });
        if (hash) page.push(user);
        return user;
      },
      idOf: (user) => user.id,
      onPage: (count, total) => {
        if (hash) {
          hashPart(hash, page);
          page = [];
        }
        options.onProgress?.({ type: 'read', resource: 'users', count, ...(total === undefined ? {} : { total }) });
      },
    },
  );
  return users.sort(byNumericId);
}

export async function readHaloAgents(client: HaloClient, agentIdField: string, extraQuery: Record<string, string> = {}, onProgress?: ProgressListener, hash?: Hash) {
  const read: ListRead<HaloAgent> = { path: '/api/Agent', query: { ...AGENTS_QUERY, ...extraQuery }, key: 'agents', parse: (raw, i, origin) => normalizeAgent(raw, i, origin, agentIdField) };
  const agents = await readList(client, read, onProgress, hash);
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
  const hashes = Object.fromEntries(DIGEST_PARTS.map((name) => [name, createHash('sha256')])) as Record<(typeof DIGEST_PARTS)[number], Hash>;
  // In parallel (hosted Halo is slow per request); the token provider makes them share one token.
  const [users, agents, sites, clients, roles, cabs, fields, control] = await settle([
    readHaloUsers(client, { pageSize: options.pageSize, onProgress: progress, hash: hashes.users }),
    readHaloAgents(client, options.agentIdField, {}, progress, hashes.agents),
    readList(client, SITES_READ, progress, hashes.sites),
    readList(client, CLIENTS_READ, progress, hashes.clients),
    readList(client, ROLES_READ, progress, hashes.roles),
    readList(client, CABS_READ, progress, hashes.cabs),
    readList(client, FIELDS_READ, progress, hashes.fields),
    readControl(client, hashes.control),
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
    readDigest: readDigest(hashes),
  };
}
