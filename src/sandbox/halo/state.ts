/**
 * The Halo sandbox's in-memory tenant: records indexed by id, copied from the seed (the seed object
 * is never mutated), and rendered in Halo's wire shape with derived fields (site name, client,
 * role names, custom field names) always computed from the current records, so they stay
 * consistent however the records were changed.
 */
import type { SandboxSeed } from '../seed-types.js';

export type Row = Record<string, unknown> & { id: number };
export interface CustomValue {
  id: number;
  value: unknown;
}
export interface RoleRow {
  id: string;
  name: string;
  [field: string]: unknown;
}
export interface CabMemberRow {
  id: number;
  agent_id?: number | null;
  user_id?: number | null;
  [field: string]: unknown;
}
export interface CabRow extends Row {
  members: CabMemberRow[];
}
export interface FieldRow extends Row {
  name: string;
}

type Counter = 'users' | 'agents' | 'sites' | 'clients' | 'cabs' | 'cabMembers';

export class HaloState {
  /** Maps keep insertion order; records are inserted in id order and new ids only grow. */
  readonly users = new Map<number, Row>();
  readonly agents = new Map<number, Row>();
  /** Agent id → canonical role ids (the agent's role set). */
  readonly agentRoles = new Map<number, string[]>();
  readonly sites = new Map<number, Row>();
  readonly clients = new Map<number, Row>();
  /** Keyed by lower-cased GUID: Halo compares role ids case-insensitively. */
  readonly roles = new Map<string, RoleRow>();
  readonly cabs = new Map<number, CabRow>();
  readonly fields = new Map<number, FieldRow>();
  control: Record<string, unknown> = {};
  /** Bumped by every write, so list caches know when to rebuild. */
  version = 0;
  private readonly lastIds: Record<Counter, number> = { users: 0, agents: 0, sites: 0, clients: 0, cabs: 0, cabMembers: 0 };

  static fromSeed(seed: SandboxSeed['halo'] = {}): HaloState {
    const halo = structuredClone(seed);
    const state = new HaloState();
    for (const c of byId(halo.clients ?? [])) state.clients.set(c.id, { ...c });
    for (const s of byId(halo.sites ?? [])) state.sites.set(s.id, { ...s });
    for (const r of halo.roles ?? []) state.roles.set(r.id.toLowerCase(), { ...r });
    for (const f of byId(halo.fields ?? [])) state.fields.set(f.id, { ...f });
    for (const u of byId(halo.users ?? [])) {
      const { site_name: _n, client_id: _c, client_name: _cn, ...rest } = u;
      state.users.set(u.id, { ...rest, customfields: (u.customfields ?? []).map((cf) => ({ id: cf.id, value: cf.value ?? null })) });
    }
    for (const a of byId(halo.agents ?? [])) {
      const { roles, ...rest } = a;
      state.agents.set(a.id, { ...rest, customfields: (a.customfields ?? []).map((cf) => ({ id: cf.id, value: cf.value ?? null })) });
      state.agentRoles.set(a.id, unique((roles ?? []).map((r) => state.canonicalRoleId(r.id) ?? r.id)));
    }
    for (const cab of byId(halo.cabs ?? [])) {
      const members = (cab.members ?? []).map((m) => ({ ...m, id: m.id ?? 0 }));
      state.cabs.set(cab.id, { ...cab, members });
    }
    state.control = { ...(halo.control ?? {}) };
    for (const kind of ['users', 'agents', 'sites', 'clients', 'cabs'] as const) state.lastIds[kind] = maxOf(state[kind].keys());
    state.lastIds.cabMembers = maxOf([...state.cabs.values()].flatMap((c) => c.members.map((m) => m.id)));
    for (const cab of state.cabs.values()) for (const m of cab.members) if (!m.id) m.id = state.nextId('cabMembers');
    return state;
  }

  nextId(kind: Counter): number {
    this.lastIds[kind] += 1;
    return this.lastIds[kind];
  }

  canonicalRoleId(id: unknown): string | undefined {
    return typeof id === 'string' ? this.roles.get(id.toLowerCase())?.id : undefined;
  }

  renderCustomFields(values: unknown): Array<Record<string, unknown>> {
    const list = Array.isArray(values) ? (values as CustomValue[]) : [];
    return list.map((cf) => {
      const def = this.fields.get(cf.id);
      return { id: cf.id, name: def?.name ?? null, label: def?.label ?? null, value: cf.value, display: cf.value == null ? '' : String(cf.value) };
    });
  }

  renderUser(user: Row): Row {
    const site = typeof user.site_id === 'number' ? this.sites.get(user.site_id) : undefined;
    const clientId = typeof site?.client_id === 'number' ? site.client_id : null;
    const client = clientId === null ? undefined : this.clients.get(clientId);
    return {
      ...user,
      site_name: site?.name ?? null,
      client_id: clientId,
      client_name: client?.name ?? null,
      inactive: user.inactive === true,
      customfields: this.renderCustomFields(user.customfields),
    };
  }

  renderAgent(agent: Row, withRoles: boolean): Row {
    const out: Row = { ...agent, isdisabled: agent.isdisabled === true, customfields: this.renderCustomFields(agent.customfields) };
    if (withRoles) {
      out.roles = (this.agentRoles.get(agent.id) ?? []).map((id) => ({ id, name: this.roles.get(id.toLowerCase())?.name ?? null }));
    }
    return out;
  }

  renderCab(cab: CabRow, withMembers: boolean): Row {
    const { members, ...rest } = cab;
    if (!withMembers) return rest as Row;
    return { ...rest, members: members.map((m) => this.renderCabMember(cab, m)) };
  }

  renderSite(site: Row): Row {
    const client = typeof site.client_id === 'number' ? this.clients.get(site.client_id) : undefined;
    return { ...site, client_name: client?.name ?? null, inactive: site.inactive === true };
  }

  renderClient(client: Row): Row {
    return { ...client, inactive: client.inactive === true };
  }

  renderField(field: FieldRow): Row {
    return { ...field, label: field.label ?? field.name, type: field.type ?? 0 };
  }

  /** Everything, rendered: `GET /_sandbox/state`, for tests and the demo to inspect. */
  snapshot(): Record<string, unknown> {
    return {
      clients: [...this.clients.values()].map((c) => this.renderClient(c)),
      sites: [...this.sites.values()].map((s) => this.renderSite(s)),
      roles: [...this.roles.values()].map((r) => ({ ...r })),
      fields: [...this.fields.values()].map((f) => this.renderField(f)),
      users: [...this.users.values()].map((u) => this.renderUser(u)),
      agents: [...this.agents.values()].map((a) => this.renderAgent(a, true)),
      cabs: [...this.cabs.values()].map((c) => this.renderCab(c, true)),
      control: { ...this.control },
    };
  }

  private renderCabMember(cab: CabRow, member: CabMemberRow): Record<string, unknown> {
    const agent = typeof member.agent_id === 'number' ? this.agents.get(member.agent_id) : undefined;
    const user = typeof member.user_id === 'number' ? this.users.get(member.user_id) : undefined;
    return {
      ...member,
      cab_id: cab.id,
      member_name: (agent?.name ?? user?.name ?? null) as string | null,
      emailaddress: (agent?.email ?? user?.emailaddress ?? null) as string | null,
    };
  }
}

function byId<T extends { id: number }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.id - b.id);
}

/** Largest value, 0 for none (a loop: spreading 100k ids into Math.max overflows the stack). */
function maxOf(values: Iterable<number>): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
