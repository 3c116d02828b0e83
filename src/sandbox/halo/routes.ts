/**
 * Which Halo endpoint a request is for. Halo's paths are case-insensitive (`/api/users` =
 * `/api/Users`); requests are named by the canonical spelling with ids collapsed to `{id}`
 * (`GET /api/Users/{id}`), which is also how the request log counts them.
 */
import { problem, type Query } from './http.js';
import { getControl, getOne, listAgents, listCabs, listClients, listFields, listRoles, listSites, listUsers, type ApiReply, type ListCache } from './reads.js';
import type { HaloState } from './state.js';
import { upsertBatch, type Upserter, type WriteOutcome } from './writes.js';
import { cabUpserter, clientUpserter, controlUpserter, siteUpserter } from './writes-config.js';
import { agentUpserter, deleteAgent, deleteUser, userUpserter } from './writes-people.js';

const RESOURCES: Record<string, string> = {
  users: 'Users',
  agent: 'Agent',
  site: 'Site',
  client: 'Client',
  roles: 'Roles',
  cab: 'CAB',
  fieldinfo: 'FieldInfo',
  control: 'Control',
  authinfo: 'authinfo',
};

const UPSERTERS: Record<string, Upserter> = {
  Users: userUpserter,
  Agent: agentUpserter,
  CAB: cabUpserter,
  Control: controlUpserter,
  Site: siteUpserter,
  Client: clientUpserter,
};

const WITH_ID = new Set(['Users', 'Agent', 'Site', 'Client', 'Roles', 'CAB', 'FieldInfo']);
const DELETABLE = new Set(['Users', 'Agent']);

export interface Route {
  kind: 'api' | 'token' | 'authinfo' | 'unknown';
  /** Canonical resource name for `api` routes, e.g. `Users`. */
  resource?: string;
  id?: string;
  /** `METHOD /path` with canonical case and `{id}`: the request log's key. */
  endpoint: string;
}

export function resolveRoute(method: string, pathname: string): Route {
  const segments = pathname.split('/').filter((s) => s !== '');
  const [first, second, third, ...rest] = segments.map((s) => decodeURIComponent(s));
  if (first?.toLowerCase() === 'auth' && second?.toLowerCase() === 'token' && third === undefined) {
    return { kind: 'token', endpoint: `${method} /auth/token` };
  }
  const resource = first?.toLowerCase() === 'api' && second ? RESOURCES[second.toLowerCase()] : undefined;
  if (!resource || rest.length > 0) {
    const collapsed = segments.map((s) => (/^\d+$/.test(s) ? '{id}' : s.toLowerCase())).join('/');
    return { kind: 'unknown', endpoint: `${method} /${collapsed}` };
  }
  const endpoint = `${method} /api/${resource}${third === undefined ? '' : '/{id}'}`;
  if (resource === 'authinfo') return { kind: third === undefined ? 'authinfo' : 'unknown', endpoint };
  return { kind: 'api', resource, ...(third === undefined ? {} : { id: third }), endpoint };
}

/** Answers an authenticated API request. Writes report whether they committed. */
export function handleApi(route: Route, method: string, query: Query, body: string, state: HaloState, cache: ListCache): WriteOutcome {
  const resource = route.resource as string;
  const id = route.id;
  const read = (reply: ApiReply): WriteOutcome => ({ reply, committed: false });
  if (method === 'GET' && id === undefined) {
    switch (resource) {
      case 'Users':
        return read(listUsers(state, query, cache));
      case 'Agent':
        return read(listAgents(state, query));
      case 'Site':
        return read(listSites(state, query, cache));
      case 'Client':
        return read(listClients(state, query, cache));
      case 'Roles':
        return read(listRoles(state));
      case 'CAB':
        return read(listCabs(state, query));
      case 'FieldInfo':
        return read(listFields(state));
      case 'Control':
        return read(getControl(state));
    }
  }
  if (method === 'GET' && id !== undefined && WITH_ID.has(resource)) return read(getOne(state, resource, id));
  const upserter = UPSERTERS[resource];
  if (method === 'POST' && id === undefined && upserter) return upsertBatch(state, upserter, body);
  if (method === 'DELETE' && id !== undefined && DELETABLE.has(resource)) {
    const reply = resource === 'Users' ? deleteUser(state, id) : deleteAgent(state, id);
    return { reply, committed: reply.status === 200 };
  }
  return read({
    status: 405,
    body: problem(405, 'Method Not Allowed', { $: [`${method} is not supported on /api/${resource}${id === undefined ? '' : '/{id}'}.`] }),
    headers: { Allow: allowed(resource, id !== undefined).join(', ') },
  });
}

function allowed(resource: string, withId: boolean): string[] {
  if (withId) return [...(WITH_ID.has(resource) ? ['GET'] : []), ...(DELETABLE.has(resource) ? ['DELETE'] : [])];
  return ['GET', ...(UPSERTERS[resource] ? ['POST'] : [])];
}
