/**
 * GET handlers, in Halo's wire shapes: `/Users`, `/Site`, `/Client` are wrapped
 * (`{record_count, users}`) and paged with `pageinate`/`page_size`/`page_no`; `/Agent`, `/Roles`,
 * `/CAB` and `/FieldInfo` are bare arrays; `/Control` is one object.
 *
 * Paging: `page_size` defaults to 50 and is clamped to MAX_PAGE_SIZE (the response's `page_size`
 * says what was used). Rows are in id order. A filtered list is built once per state version and
 * query, so paging through 100k users costs one pass, not one pass per page.
 */
import type { Query } from './http.js';
import type { HaloState, Row } from './state.js';

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 50;

export interface ApiReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Remembers the last few filtered lists (for paging), dropped whenever the state changes. */
export class ListCache {
  private version = -1;
  private readonly lists = new Map<string, Row[]>();

  get(state: HaloState, key: string, build: () => Row[]): Row[] {
    if (state.version !== this.version) {
      this.lists.clear();
      this.version = state.version;
    }
    let rows = this.lists.get(key);
    if (!rows) {
      if (this.lists.size >= 8) this.lists.clear();
      rows = build();
      this.lists.set(key, rows);
    }
    return rows;
  }
}

export function listUsers(state: HaloState, q: Query, cache: ListCache): ApiReply {
  const includeInactive = q.bool('includeinactive', false);
  const includeActive = q.bool('includeactive', true);
  const siteId = q.int('site_id', 0);
  const clientId = q.int('client_id', 0);
  const search = q.string('search')?.toLowerCase();
  const key = JSON.stringify(['users', includeInactive, includeActive, siteId, clientId, search]);
  const rows = cache.get(state, key, () => {
    const out: Row[] = [];
    for (const user of state.users.values()) {
      const inactive = user.inactive === true;
      if (inactive ? !includeInactive : !includeActive) continue;
      if (siteId !== undefined && user.site_id !== siteId) continue;
      if (clientId !== undefined && siteClient(state, user.site_id) !== clientId) continue;
      if (search !== undefined && !matches(search, user.name, user.emailaddress)) continue;
      out.push(user);
    }
    return out;
  });
  return { status: 200, body: wrap('users', rows, q, (u) => state.renderUser(u)) };
}

export function listSites(state: HaloState, q: Query, cache: ListCache): ApiReply {
  const includeInactive = q.bool('includeinactive', false);
  const includeActive = q.bool('includeactive', true);
  const clientId = q.int('client_id', 0);
  const search = q.string('search')?.toLowerCase();
  const key = JSON.stringify(['sites', includeInactive, includeActive, clientId, search]);
  const rows = cache.get(state, key, () =>
    [...state.sites.values()].filter(
      (s) =>
        (s.inactive === true ? includeInactive : includeActive) &&
        (clientId === undefined || s.client_id === clientId) &&
        (search === undefined || matches(search, s.name)),
    ),
  );
  return { status: 200, body: wrap('sites', rows, q, (s) => state.renderSite(s)) };
}

export function listClients(state: HaloState, q: Query, cache: ListCache): ApiReply {
  const includeInactive = q.bool('includeinactive', false);
  const search = q.string('search')?.toLowerCase();
  const key = JSON.stringify(['clients', includeInactive, search]);
  const rows = cache.get(state, key, () =>
    [...state.clients.values()].filter((c) => (includeInactive || c.inactive !== true) && (search === undefined || matches(search, c.name))),
  );
  return { status: 200, body: wrap('clients', rows, q, (c) => state.renderClient(c)) };
}

/** `GET /api/Agent`: a bare array; disabled agents only with `includedisabled=true`, roles only with `includeroles=true`. */
export function listAgents(state: HaloState, q: Query): ApiReply {
  const includeDisabled = q.bool('includedisabled', false);
  const includeEnabled = q.bool('includeenabled', true);
  const includeRoles = q.bool('includeroles', false);
  const search = q.string('search')?.toLowerCase();
  const out: Row[] = [];
  for (const agent of state.agents.values()) {
    if (agent.isdisabled === true ? !includeDisabled : !includeEnabled) continue;
    if (search !== undefined && !matches(search, agent.name, agent.email, agent.phonenumber, agent.sms)) continue;
    out.push(state.renderAgent(agent, includeRoles));
  }
  return { status: 200, body: out };
}

export function listRoles(state: HaloState): ApiReply {
  return { status: 200, body: [...state.roles.values()].map((r) => ({ ...r })) };
}

export function listCabs(state: HaloState, q: Query): ApiReply {
  const withMembers = q.bool('includemembers', false);
  return { status: 200, body: [...state.cabs.values()].map((c) => state.renderCab(c, withMembers)) };
}

export function listFields(state: HaloState): ApiReply {
  return { status: 200, body: [...state.fields.values()].map((f) => state.renderField(f)) };
}

export function getControl(state: HaloState): ApiReply {
  return { status: 200, body: { ...state.control } };
}

/** `GET /api/<Resource>/{id}`: the full record, or 404 naming the id. */
export function getOne(state: HaloState, resource: string, id: string): ApiReply {
  const n = Number(id);
  const found = (() => {
    switch (resource) {
      case 'Users':
        return withRow(state.users.get(n), (u) => state.renderUser(u));
      case 'Agent':
        return withRow(state.agents.get(n), (a) => state.renderAgent(a, true));
      case 'Site':
        return withRow(state.sites.get(n), (s) => state.renderSite(s));
      case 'Client':
        return withRow(state.clients.get(n), (c) => state.renderClient(c));
      case 'CAB':
        return withRow(state.cabs.get(n), (c) => state.renderCab(c, true));
      case 'FieldInfo':
        return withRow(state.fields.get(n), (f) => state.renderField(f));
      case 'Roles':
        return withRow(state.roles.get(id.toLowerCase()), (r) => ({ ...r }));
      default:
        return undefined;
    }
  })();
  if (found) return { status: 200, body: found };
  return { status: 404, body: notFound(resource, id) };
}

export function notFound(resource: string, id: string | number): Record<string, unknown> {
  return { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.4', title: 'Not Found', status: 404, errors: { id: [`No ${resource} record with id ${id}.`] } };
}

function withRow<T>(row: T | undefined, render: (row: T) => unknown): unknown {
  return row === undefined ? undefined : render(row);
}

/** The wrapped list shape, paged when `pageinate=true`; only the requested page is rendered. */
function wrap(key: string, rows: Row[], q: Query, render: (row: Row) => Row): Record<string, unknown> {
  if (q.bool('pageinate', false)) {
    const pageSize = Math.min(q.int('page_size', 1) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const pageNo = q.int('page_no', 1) ?? 1;
    const start = (pageNo - 1) * pageSize;
    return { page_no: pageNo, page_size: pageSize, record_count: rows.length, [key]: rows.slice(start, start + pageSize).map(render) };
  }
  const count = q.int('count', 0);
  const selected = count === undefined ? rows : rows.slice(0, count);
  // Without paging, record_count is the number returned (with `count`, not the total).
  return { record_count: selected.length, [key]: selected.map(render) };
}

function siteClient(state: HaloState, siteId: unknown): number | undefined {
  const site = typeof siteId === 'number' ? state.sites.get(siteId) : undefined;
  return typeof site?.client_id === 'number' ? site.client_id : undefined;
}

function matches(search: string, ...values: unknown[]): boolean {
  return values.some((v) => typeof v === 'string' && v.toLowerCase().includes(search));
}
