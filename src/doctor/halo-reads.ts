/**
 * Halo: every read `plan` makes, one check each, so a 403 names the one permission the API
 * application (or the agent it logs in as) lacks. The records read feed the reference checks.
 * Which Halo permission covers which area is inferred from Halo's scope names (read:customers
 * for end users, sites and customers; admin for agents and configuration): doctor says so.
 */
import { ApiError } from '../diagnostics/errors.js';
import { readHaloAgents, type HaloClient } from '../halo/index.js';
import { normalizeCab, normalizeClient, normalizeControl, normalizeField, normalizeRole, normalizeSite } from '../halo/normalize.js';
import { extractList, type Origin } from '../halo/parse.js';
import type { HaloAgent, HaloCab, HaloClient as HaloCustomer, HaloControl, HaloFieldDefinition, HaloRole, HaloSite } from '../model/halo.js';
import { check, skipped, type DoctorCheck } from './types.js';

/** What the reads returned; a missing part is a read that failed. */
export interface HaloReads {
  /** Halo's record_count, when it says. */
  users?: { count: number | undefined };
  agents?: HaloAgent[];
  sites?: HaloSite[];
  clients?: HaloCustomer[];
  roles?: HaloRole[];
  cabs?: HaloCab[];
  fields?: HaloFieldDefinition[];
  control?: HaloControl;
}

type Key = keyof HaloReads;

interface ReadSpec {
  key: Key;
  /** Plural noun for messages. */
  noun: string;
  path: string;
  /** The API application permission that allows the read. */
  grant: string;
  read(client: HaloClient, agentIdField: string): Promise<{ value: HaloReads[Key]; count?: number }>;
}

function list<T>(key: string, path: string, query: Record<string, boolean>, parse: (raw: unknown, i: number, origin: Origin) => T) {
  return async (client: HaloClient) => {
    const origin: Origin = { method: 'GET', path };
    const records = extractList(await client.getJson(path, query), key, origin).records.map((raw, i) => parse(raw, i, origin));
    return { value: records as HaloReads[Key], count: records.length };
  };
}

export const HALO_READS: readonly ReadSpec[] = [
  {
    key: 'users', noun: 'end users', path: '/api/Users', grant: 'read:customers',
    read: async (client) => {
      // One record is enough to prove access; record_count says how many there are.
      const body = await client.getJson('/api/Users', { pageinate: true, page_size: 1, page_no: 1, includeactive: true, includeinactive: true });
      const answer = extractList(body, 'users', { method: 'GET', path: '/api/Users' });
      return { value: { count: answer.recordCount }, ...(answer.recordCount === undefined ? {} : { count: answer.recordCount }) };
    },
  },
  {
    key: 'agents', noun: 'agents', path: '/api/Agent', grant: 'admin',
    read: async (client, agentIdField) => {
      const agents = await readHaloAgents(client, agentIdField);
      return { value: agents, count: agents.length };
    },
  },
  { key: 'sites', noun: 'sites', path: '/api/Site', grant: 'read:customers', read: list('sites', '/api/Site', { includeinactive: true }, normalizeSite) },
  { key: 'clients', noun: 'customers', path: '/api/Client', grant: 'read:customers', read: list('clients', '/api/Client', { includeinactive: true }, normalizeClient) },
  { key: 'roles', noun: 'agent roles', path: '/api/Roles', grant: 'admin', read: list('roles', '/api/Roles', {}, normalizeRole) },
  { key: 'cabs', noun: 'CABs', path: '/api/CAB', grant: 'admin', read: list('cabs', '/api/CAB', { includemembers: true }, normalizeCab) },
  { key: 'fields', noun: 'custom fields', path: '/api/FieldInfo', grant: 'admin', read: list('fields', '/api/FieldInfo', {}, normalizeField) },
  {
    key: 'control', noun: 'settings', path: '/api/Control', grant: 'admin',
    read: async (client) => ({ value: normalizeControl(await client.getJson('/api/Control'), { method: 'GET', path: '/api/Control' }) }),
  },
];

const readId = (spec: ReadSpec) => `halo.read.${spec.key}`;
const readTitle = (spec: ReadSpec) => `Halo reads ${spec.noun} (GET ${spec.path})`;

function readFailure(spec: ReadSpec, error: unknown): DoctorCheck {
  const status = error instanceof ApiError ? error.status : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 403) {
    return check(readId(spec), readTitle(spec), 'fail', `403: the API application may not read ${spec.noun}`, {
      fix:
        `in Configuration › Integrations › Halo API › View Applications › (halo-sync's application) › Permissions, grant "${spec.grant}" (or "all"); ` +
        `the agent the application logs in as also needs a role that can see ${spec.noun} (Administrator is simplest). apply will also need edit:customers and admin.`,
    });
  }
  if (status === 401) {
    return check(readId(spec), readTitle(spec), 'fail', `401: Halo refused the token for this read`, {
      fix: 'check that HALO_TENANT and HALO_AUTH_URL point at this Halo instance, and that the API application is active',
    });
  }
  if (status === 404) {
    return check(readId(spec), readTitle(spec), 'fail', `404: this Halo has no ${spec.path}`, { fix: 'halo-sync needs a Halo version with this API endpoint; check HALO_URL points at Halo itself' });
  }
  return check(readId(spec), readTitle(spec), 'fail', message, { fix: 'try again; if it persists, check Halo\'s status and the network between this machine and Halo' });
}

export async function checkHaloReads(client: HaloClient, agentIdField: string): Promise<{ checks: DoctorCheck[]; reads: HaloReads }> {
  const reads: HaloReads = {};
  const checks = await Promise.all(
    HALO_READS.map(async (spec) => {
      try {
        const { value, count } = await spec.read(client, agentIdField);
        (reads as Record<Key, unknown>)[spec.key] = value;
        return check(readId(spec), readTitle(spec), 'ok', count === undefined ? 'allowed' : `allowed (${count} ${spec.noun})`);
      } catch (error) {
        return readFailure(spec, error);
      }
    }),
  );
  return { checks, reads };
}

export function skippedReads(because: string): DoctorCheck[] {
  return HALO_READS.map((spec) => skipped(readId(spec), readTitle(spec), because));
}
