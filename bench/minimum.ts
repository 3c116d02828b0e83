/**
 * The fewest requests a plan of a generated world can make, computed from the data alone (never
 * from what halo-sync did), and what a per-person tool would make:
 *
 *   Google  users.list    Σ over reads ⌈users returned / 500⌉ (at least 1 a read). The reads are
 *                          one per distinct pushed OU query, or ONE whole-directory read for a
 *                          customer when any of its mappings' filters cannot be pushed down.
 *           members.list  Σ over every group read (named by the config, and nested ones reached)
 *                          ⌈direct members / 200⌉ (at least 1).
 *           users.get     one per linked person no read returned (deleted or moved out of scope).
 *   Halo    1 token + 1 /api/authinfo (no HALO_AUTH_URL) + ⌈users / 1000⌉ (at least 1) + one each
 *           for agents, sites, clients, roles, CABs, field definitions and Control.
 *
 * Per person: the same list calls except Halo's user pages, plus one users.get and one Halo lookup
 * for every person the reads return.
 */
import type { SeedGroup } from '../src/sandbox/seed-types.js';
import type { World } from './generate/index.js';
import type { OrgCustomer, Person } from './generate/org.js';
import { under } from './generate/placement.js';

export const GOOGLE_USERS_PAGE = 500;
export const GOOGLE_MEMBERS_PAGE = 200;
export const HALO_USERS_PAGE = 1000;

export const ENDPOINTS = {
  usersList: 'GET /admin/directory/v1/users',
  usersGet: 'GET /admin/directory/v1/users/{userKey}',
  membersList: 'GET /admin/directory/v1/groups/{groupKey}/members',
  token: 'POST /auth/token',
  authinfo: 'GET /api/authinfo',
  haloUsers: 'GET /api/Users',
} as const;

/** Halo's small lists, one request each. */
export const HALO_LISTS = ['GET /api/Agent', 'GET /api/Site', 'GET /api/Client', 'GET /api/Roles', 'GET /api/CAB', 'GET /api/FieldInfo', 'GET /api/Control'];

export interface MinimumRequests {
  /** Endpoint key (as the sandbox stats name it) → minimum count. */
  google: Record<string, number>;
  halo: Record<string, number>;
  total: number;
  /** Distinct Google people the reads return. */
  people: number;
  reads: number;
  groups: number;
  perPerson: number;
}

const pages = (count: number, size: number) => Math.max(1, Math.ceil(count / size));

function customerReads(customer: OrgCustomer): Person[][] {
  if (customer.readWhole) return [customer.people];
  return ['/Offices/HQ', '/Offices/Branch'].map((path) => customer.people.filter((p) => under(p.ou, path)));
}

function memberOfGroups(filter: unknown, out: Set<string>): void {
  if (!filter || typeof filter !== 'object') return;
  const node = filter as { all?: unknown[]; any?: unknown[]; op?: string; value?: unknown };
  for (const child of [...(node.all ?? []), ...(node.any ?? [])]) memberOfGroups(child, out);
  if (node.op === 'memberOf' && typeof node.value === 'string') out.add(node.value.toLowerCase());
}

/** Every group a run reads: the config's groups and, transitively, the groups nested in them. */
function groupsRead(world: World): SeedGroup[] {
  const all = new Map<string, SeedGroup>();
  for (const customer of [world.org.own, ...world.org.customers]) for (const g of customer.groups) all.set(g.email.toLowerCase(), g);
  const config = world.config as { roles: Array<{ group: string }>; cabs: Array<{ group: string }>; mappings: Array<{ filter?: unknown }> };
  const named = new Set<string>([...config.roles, ...config.cabs].map((r) => r.group.toLowerCase()));
  for (const mapping of config.mappings) memberOfGroups(mapping.filter, named);
  const read = new Map<string, SeedGroup>();
  const visit = (email: string) => {
    const key = email.toLowerCase();
    const group = all.get(key);
    if (!group || read.has(key)) return;
    read.set(key, group);
    for (const m of group.members ?? []) if (m.type === 'GROUP' && m.email) visit(m.email);
  };
  for (const email of named) visit(email);
  return [...read.values()];
}

export function minimumRequests(world: World): MinimumRequests {
  const reads = [world.org.own, ...world.org.customers].flatMap(customerReads);
  const returned = new Set<string>();
  for (const read of reads) for (const p of read) returned.add(p.user.id);
  const groups = groupsRead(world);
  const halo = world.seed.halo ?? {};
  const linked = [
    ...(halo.users ?? []).map((u) => u.googleworkplace_id),
    ...(halo.agents ?? []).map((a) => a.third_party_guid),
  ].filter((id): id is string => typeof id === 'string' && id !== '');
  const lookups = new Set(linked.filter((id) => !returned.has(id))).size;

  const google: Record<string, number> = {
    [ENDPOINTS.usersList]: reads.reduce((sum, r) => sum + pages(r.length, GOOGLE_USERS_PAGE), 0),
    [ENDPOINTS.membersList]: groups.reduce((sum, g) => sum + pages(g.members?.length ?? 0, GOOGLE_MEMBERS_PAGE), 0),
  };
  if (lookups > 0) google[ENDPOINTS.usersGet] = lookups;
  const haloMin: Record<string, number> = {
    [ENDPOINTS.token]: 1,
    [ENDPOINTS.authinfo]: 1,
    [ENDPOINTS.haloUsers]: pages(halo.users?.length ?? 0, HALO_USERS_PAGE),
  };
  for (const list of HALO_LISTS) haloMin[list] = 1;
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const total = sum(google) + sum(haloMin);
  const listCalls = (google[ENDPOINTS.usersList] ?? 0) + (google[ENDPOINTS.membersList] ?? 0) + sum(haloMin) - (haloMin[ENDPOINTS.haloUsers] ?? 0);
  return { google, halo: haloMin, total, people: returned.size, reads: reads.length, groups: groups.length, perPerson: listCalls + 2 * returned.size };
}
