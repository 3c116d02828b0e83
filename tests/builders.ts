/**
 * Test builders for configs, Google users, Halo records and whole worlds (config + both snapshots).
 * Defaults describe a small, tidy tenant: one users mapping "staff" → site "Head Office", own
 * directory, default field maps, one read per mapping returning everyone, every record in sync.
 * Override only what a test is about.
 *
 *   const ann = person('ann@acme.test', { title: 'Engineer' });
 *   const w = world({ people: [ann], halo: { users: [linkedUser(10, ann, { title: 'Intern' })] } });
 *   const { plan } = planOf(w);            // throws when planning refused with diagnostics
 *   expect(lines(plan)).toEqual(['update user ann@acme.test title: Intern → Engineer']);
 */
import type { Config, LoadedConfig, Position } from '../src/config/types.js';
import { DEFAULT_AGENT_FIELDS, DEFAULT_USER_FIELDS } from '../src/config/defaults.js';
import type { DirectLookup, DirectorySnapshot, DirectoryUser, GroupMembers, ScopeRead } from '../src/model/directory.js';
import type { HaloAgent, HaloCab, HaloRole, HaloSite, HaloSnapshot, HaloUser } from '../src/model/halo.js';
import { buildPlan } from '../src/plan/index.js';
import type { Change, Plan, PlannedWrites } from '../src/plan/types.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';

// ---------------------------------------------------------------- config

export function makeConfig(over: Partial<Config> = {}): Config {
  return {
    version: 1,
    google: { directory: 'own', customer: 'my_customer' },
    halo: { url: 'https://halo.test' },
    mappings: [{ name: 'staff', site: 'Head Office' }],
    fields: { users: [...DEFAULT_USER_FIELDS], agents: [...DEFAULT_AGENT_FIELDS] },
    matching: { users: ['email'], agents: ['email'], agentIdField: 'third_party_guid' },
    roles: [],
    cabs: [],
    licence: { enabled: false, activeRoles: [] },
    lifecycle: { suspended: 'deactivate', outOfScope: 'keep' },
    safety: { maxDeactivations: 100, maxDeactivationPercent: 100, protectedAgents: [] },
    ...over,
  };
}

/** A position for every node of the config, one line each in document order (line 1 = root). */
export function positionsFor(config: unknown): Record<string, Position> {
  const positions: Record<string, Position> = {};
  let line = 0;
  const walk = (value: unknown, pointer: string, depth: number) => {
    positions[pointer] = { line: ++line, column: depth * 2 + 1 };
    if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, `${pointer}/${key}`, depth + 1);
    }
  };
  walk(config, '', 0);
  return positions;
}

export function loadedConfig(config: Config, file = 'halo-sync.yaml'): LoadedConfig {
  const positions = positionsFor(config);
  return { config, file, positions, keyPositions: positions, digest: 'sha256:test' };
}

// ---------------------------------------------------------------- Google

/** A stable numeric Google id from an email (FNV-1a), so tests need not invent ids. */
export function googleIdOf(email: string): string {
  let hash = 0x811c9dc5;
  for (const ch of email.toLowerCase()) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `1${String(hash).padStart(10, '0')}`;
}

export interface PersonOptions {
  id?: string;
  given?: string;
  family?: string;
  full?: string;
  ou?: string;
  title?: string;
  department?: string;
  workPhone?: string;
  mobile?: string;
  suspended?: boolean;
  archived?: boolean;
  customerId?: string;
  aliases?: string[];
  customSchemas?: DirectoryUser['customSchemas'];
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function person(email: string, o: PersonOptions = {}): DirectoryUser {
  const given = o.given ?? capital(email.split('@')[0]!.split('.')[0]!);
  const family = o.family ?? 'Tester';
  const user: DirectoryUser = {
    id: o.id ?? googleIdOf(email),
    primaryEmail: email,
    customerId: o.customerId ?? 'C0own',
    name: { givenName: given, familyName: family, fullName: o.full ?? `${given} ${family}` },
    orgUnitPath: o.ou ?? '/',
    suspended: o.suspended ?? false,
    archived: o.archived ?? false,
  };
  if (o.title !== undefined || o.department !== undefined) user.organizations = [{ primary: true, ...(o.title !== undefined ? { title: o.title } : {}), ...(o.department !== undefined ? { department: o.department } : {}) }];
  const phones = [...(o.workPhone ? [{ type: 'work', value: o.workPhone }] : []), ...(o.mobile ? [{ type: 'mobile', value: o.mobile }] : [])];
  if (phones.length) user.phones = phones;
  if (o.aliases) user.aliases = o.aliases;
  if (o.customSchemas) user.customSchemas = o.customSchemas;
  return user;
}

export function group(email: string, members: DirectoryUser[], o: { complete?: boolean; found?: boolean; error?: string } = {}): GroupMembers {
  return {
    email: email.toLowerCase(),
    found: o.found ?? true,
    complete: o.complete ?? true,
    ...(o.error ? { error: o.error } : {}),
    userIds: members.map((m) => m.id).sort(),
    userEmails: members.map((m) => m.primaryEmail.toLowerCase()).sort(),
    customers: [],
  };
}

/** Users each built read returned, so world() can put them in the snapshot without repeating them. */
const readUsers = new WeakMap<ScopeRead, DirectoryUser[]>();

export function read(key: string, mappings: string[], users: DirectoryUser[], o: { complete?: boolean; error?: string; customer?: string } = {}): ScopeRead {
  const built: ScopeRead = {
    key, mappings, customer: o.customer ?? 'my_customer', complete: o.complete ?? true,
    ...(o.error ? { error: o.error } : {}),
    userIds: users.map((u) => u.id).sort(),
  };
  readUsers.set(built, users);
  return built;
}

export function found(user: DirectoryUser): DirectLookup {
  return { googleId: user.id, status: 'found', user };
}
export function notFound(googleId: string): DirectLookup {
  return { googleId, status: 'notFound' };
}
export function lookupError(googleId: string, error = 'Google GET /admin/directory/v1/users: 503'): DirectLookup {
  return { googleId, status: 'error', error };
}

// ---------------------------------------------------------------- Halo

export const ROLES = {
  technician: { id: '6c8f0a52-0000-4000-8000-000000000001', name: 'Technician' },
  administrator: { id: '6c8f0a52-0000-4000-8000-000000000002', name: 'Administrator' },
  senior: { id: '6c8f0a52-0000-4000-8000-000000000003', name: 'Senior Technician' },
  manager: { id: '6c8f0a52-0000-4000-8000-000000000004', name: 'Service Desk Manager' },
  readOnly: { id: '6c8f0a52-0000-4000-8000-000000000005', name: 'Read Only' },
} satisfies Record<string, HaloRole>;

export const SITES: HaloSite[] = [
  { id: 1, name: 'Head Office', client_id: 1, client_name: 'Acme' },
  { id: 2, name: 'Branch Office', client_id: 1, client_name: 'Acme' },
];

export function cab(id: number, name: string, agentIds: number[] = [], extra: HaloCab['members'] = []): HaloCab {
  return { id, name, members: [...agentIds.map((agentId, i) => ({ id: id * 1000 + i, agent_id: agentId })), ...extra] };
}

function orgValue(p: DirectoryUser, key: 'title' | 'department'): string | null {
  return p.organizations?.[0]?.[key] ?? null;
}
function phone(p: DirectoryUser, type: string): string | null {
  return p.phones?.find((x) => x.type === type)?.value ?? null;
}

export function haloUser(id: number, over: Partial<HaloUser> = {}): HaloUser {
  return { id, name: `User ${id}`, site_id: 1, site_name: 'Head Office', inactive: false, ...over };
}

/** A Halo user linked to the person and in sync with the default user field maps. */
export function linkedUser(id: number, p: DirectoryUser, over: Partial<HaloUser> = {}): HaloUser {
  return haloUser(id, {
    name: p.name?.fullName ?? null, firstname: p.name?.givenName ?? null, surname: p.name?.familyName ?? null,
    emailaddress: p.primaryEmail, title: orgValue(p, 'title'), department: orgValue(p, 'department'),
    phonenumber: phone(p, 'work'), mobilenumber: phone(p, 'mobile'), googleworkplace_id: p.id, ...over,
  });
}

export function haloAgent(id: number, over: Partial<HaloAgent> = {}): HaloAgent {
  return { id, name: `Agent ${id}`, isdisabled: false, roles: [], ...over };
}

/** A Halo agent linked to the person (third_party_guid) and in sync with the default agent field maps. */
export function linkedAgent(id: number, p: DirectoryUser, roles: HaloRole[] = [], over: Partial<HaloAgent> = {}): HaloAgent {
  return haloAgent(id, {
    name: p.name?.fullName ?? null, firstname: p.name?.givenName ?? null, surname: p.name?.familyName ?? null,
    email: p.primaryEmail, jobtitle: orgValue(p, 'title'), sms: phone(p, 'mobile'), third_party_guid: p.id,
    roles: roles.map((r) => ({ id: r.id, name: r.name })), ...over,
  });
}

// ---------------------------------------------------------------- worlds

export interface World {
  loaded: LoadedConfig;
  directory: DirectorySnapshot;
  halo: HaloSnapshot;
}

export interface WorldOptions {
  config?: Partial<Config>;
  /** People every default read returns (one complete read per mapping). With `reads`, extra people in the snapshot. */
  people?: DirectoryUser[];
  /** Replaces the default reads. */
  reads?: ScopeRead[];
  groups?: GroupMembers[];
  lookups?: DirectLookup[];
  halo?: Partial<HaloSnapshot>;
}

export function world(o: WorldOptions = {}): World {
  const config = makeConfig(o.config);
  const people = o.people ?? [];
  const customersMode = config.google.directory === 'customers';
  const reads = o.reads ?? config.mappings.map((m) => {
    const customer = customersMode ? (m.customer ?? config.google.customer) : config.google.customer;
    const own = customer === 'my_customer';
    const users = customersMode ? people.filter((p) => (own ? p.customerId === 'C0own' : p.customerId === customer)) : people;
    return read(`${customer}|${m.name}`, [m.name], users, { customer });
  });
  const lookupUsers = (o.lookups ?? []).flatMap((l) => (l.user ? [l.user] : []));
  const fromReads = reads.flatMap((r) => readUsers.get(r) ?? []);
  const users = [...new Map([...people, ...fromReads, ...lookupUsers].map((u) => [u.id, u])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const directory: DirectorySnapshot = { users, reads, groups: o.groups ?? [], lookups: o.lookups ?? [] };
  const halo: HaloSnapshot = {
    users: [], agents: [], sites: SITES, clients: [{ id: 1, name: 'Acme' }], roles: Object.values(ROLES),
    cabs: [cab(1, 'Infrastructure CAB')], fields: [{ id: 501, name: 'CFEmployeeNumber', label: 'Employee number' }],
    control: {}, ...o.halo,
  };
  return { loaded: loadedConfig(config), directory, halo };
}

export interface Planned {
  plan: Plan;
  writes: PlannedWrites;
  diagnostics: Diagnostic[];
}

/** Plans a world; throws with the diagnostics when planning was refused. */
export function planOf(w: World): Planned {
  const outcome = buildPlan(w.loaded, w.directory, w.halo);
  if (!outcome.ok) throw new Error(`planning refused:\n${outcome.diagnostics.map((d) => d.message).join('\n')}`);
  return outcome;
}

/** One readable line per change: `update user ann@x title: A → B`, `roles agent bob@x +Administrator -Read Only`. */
export function line(c: Change): string {
  const who = c.subject === 'settings' ? 'settings' : `${c.subject} ${c.email ?? c.googleId}`;
  const parts = [`${c.action} ${who}`];
  const show = (v: unknown) => (v === null ? '∅' : String(v));
  if (c.action === 'update' || c.action === 'settings') parts.push(c.fields.map((f) => `${f.field}: ${show(f.before)} → ${show(f.after)}`).join(', '));
  for (const [label, delta] of [['', c.roles], ['cab:', c.cabs]] as const) {
    parts.push(...delta.add.map((n) => `+${label}${n}`), ...delta.remove.map((n) => `-${label}${n}`));
  }
  return parts.join(' ');
}

export function lines(plan: Plan): string[] {
  return plan.changes.map(line);
}

export function warningCodes(plan: Plan): string[] {
  return plan.warnings.map((w) => (w.email ? `${w.code} ${w.email}` : w.code));
}

/** Deterministic shuffle (for order-independence tests). */
export function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
