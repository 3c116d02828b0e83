/**
 * Halo: every read `plan` makes, one check each, so a 403 names the one permission the API
 * application (or the agent it logs in as) lacks. The records read feed the reference checks.
 * Which Halo permission covers which area is inferred from Halo's scope names (read:customers
 * for end users, sites and customers; admin for agents and configuration): doctor says so.
 */
import { ApiError } from '../diagnostics/errors.js';
import { readHaloAgents, type HaloClient } from '../halo/index.js';
import { extractList } from '../halo/parse.js';
import { CABS_READ, CLIENTS_READ, FIELDS_READ, readControl, readList, ROLES_READ, SITES_READ, USERS_QUERY, type ListRead } from '../halo/snapshot.js';
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

/** A one-request list read exactly as plan makes it (snapshot.ts), counted. */
function listSpec<T>(key: Key, noun: string, grant: string, read: ListRead<T>): ReadSpec {
  return {
    key, noun, grant, path: read.path,
    read: async (client) => {
      const records = await readList(client, read);
      return { value: records as HaloReads[Key], count: records.length };
    },
  };
}

const HALO_READS: readonly ReadSpec[] = [
  {
    key: 'users', noun: 'end users', path: '/api/Users', grant: 'read:customers',
    read: async (client) => {
      // Plan's query, but one record is enough to prove access; record_count says how many there are.
      const body = await client.getJson('/api/Users', { ...USERS_QUERY, page_size: 1, page_no: 1 });
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
  listSpec('sites', 'sites', 'read:customers', SITES_READ),
  listSpec('clients', 'customers', 'read:customers', CLIENTS_READ),
  listSpec('roles', 'agent roles', 'admin', ROLES_READ),
  listSpec('cabs', 'CABs', 'admin', CABS_READ),
  listSpec('fields', 'custom fields', 'admin', FIELDS_READ),
  { key: 'control', noun: 'settings', path: '/api/Control', grant: 'admin', read: async (client) => ({ value: await readControl(client) }) },
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
