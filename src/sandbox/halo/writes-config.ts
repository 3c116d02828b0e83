/**
 * Upsert rules for CABs (`POST /api/CAB`, schema `CabHeader`), the global settings
 * (`POST /api/Control`, schema `Control`), sites (`Site`) and clients (`Area`).
 *
 * Sandbox assumption: a CAB's `members` list REPLACES its membership (send the full desired list);
 * a member is an agent (`agent_id`) or an end user (`user_id`) that exists. Members who stay keep
 * their member id. `Control` is one settings object: each posted item is merged into it.
 */
import type { CabMemberRow, CabRow, HaloState, Row } from './state.js';
import { checkTarget, isCreate, nonEmpty, type Item, type Upserter, type WriteIssue } from './writes.js';

export const cabUpserter: Upserter = {
  schema: 'CabHeader',
  check(item, at, state) {
    const issues = checkTarget(item, at, (id) => state.cabs.has(id), 'CAB');
    if (isCreate(item) && !nonEmpty(item.name)) issues.push({ key: `${at}.name`, message: 'A new CAB needs a name.' });
    if (Array.isArray(item.members)) {
      (item.members as Array<Item | null>).forEach((member, j) => {
        if (member !== null) issues.push(...checkMember(member, `${at}.members[${j}]`, state));
      });
    }
    return issues;
  },
  commit(item, state) {
    const { id: _id, members, ...fields } = item;
    let cab: CabRow;
    if (isCreate(item)) {
      cab = { id: state.nextId('cabs'), ...fields, members: [] };
      state.cabs.set(cab.id, cab);
    } else {
      cab = state.cabs.get(item.id as number) as CabRow;
      Object.assign(cab, fields);
    }
    if (members !== undefined) cab.members = replaceMembers(cab, (members ?? []) as Array<Item | null>, state);
    return state.renderCab(cab, true);
  },
};

function checkMember(member: Item, at: string, state: HaloState): WriteIssue[] {
  const agentId = member.agent_id;
  const userId = member.user_id;
  if (typeof agentId === 'number' && agentId !== 0) {
    return state.agents.has(agentId) ? [] : [{ key: `${at}.agent_id`, message: `agent_id ${agentId} is not an agent (see /api/Agent).` }];
  }
  if (typeof userId === 'number' && userId !== 0) {
    return state.users.has(userId) ? [] : [{ key: `${at}.user_id`, message: `user_id ${userId} is not a user (see /api/Users).` }];
  }
  return [{ key: `${at}.agent_id`, message: 'A CAB member needs an agent_id (or a user_id).' }];
}

function replaceMembers(cab: CabRow, incoming: Array<Item | null>, state: HaloState): CabMemberRow[] {
  const existing = new Map(cab.members.map((m) => [memberKey(m), m]));
  const out = new Map<string, CabMemberRow>();
  for (const member of incoming) {
    if (member === null) continue;
    const { id: _id, cab_id: _c, member_name: _n, emailaddress: _e, ...fields } = member;
    const key = memberKey(fields);
    const kept = existing.get(key);
    out.set(key, { ...(kept ?? {}), ...fields, id: kept?.id ?? state.nextId('cabMembers') });
  }
  return [...out.values()];
}

function memberKey(member: Item): string {
  return typeof member.agent_id === 'number' && member.agent_id !== 0 ? `agent:${member.agent_id}` : `user:${String(member.user_id)}`;
}

export const controlUpserter: Upserter = {
  schema: 'Control',
  check: () => [],
  commit(item, state) {
    const { id: _id, ...fields } = item;
    Object.assign(state.control, fields);
    return { ...state.control };
  },
};

export const siteUpserter: Upserter = {
  schema: 'Site',
  check(item, at, state) {
    const issues = checkTarget(item, at, (id) => state.sites.has(id), 'Site');
    if (isCreate(item) && !nonEmpty(item.name)) issues.push({ key: `${at}.name`, message: 'A new site needs a name.' });
    if (isCreate(item) && (item.client_id === undefined || item.client_id === null)) {
      issues.push({ key: `${at}.client_id`, message: 'A new site needs a client_id: every site belongs to a client.' });
    } else if (item.client_id !== undefined && !(typeof item.client_id === 'number' && state.clients.has(item.client_id))) {
      issues.push({ key: `${at}.client_id`, message: `client_id ${String(item.client_id)} is not a client (see /api/Client).` });
    }
    return issues;
  },
  commit(item, state) {
    const { id: _id, client_name: _cn, ...fields } = item;
    return state.renderSite(save(state.sites, item, fields, () => state.nextId('sites')));
  },
};

export const clientUpserter: Upserter = {
  schema: 'Area',
  check(item, at, state) {
    const issues = checkTarget(item, at, (id) => state.clients.has(id), 'Client');
    if (isCreate(item) && !nonEmpty(item.name)) issues.push({ key: `${at}.name`, message: 'A new client needs a name.' });
    return issues;
  },
  commit(item, state) {
    const { id: _id, ...fields } = item;
    return state.renderClient(save(state.clients, item, fields, () => state.nextId('clients')));
  },
};

function save(rows: Map<number, Row>, item: Item, fields: Item, nextId: () => number): Row {
  if (isCreate(item)) {
    const row: Row = { id: nextId(), ...fields, inactive: fields.inactive ?? false };
    rows.set(row.id, row);
    return row;
  }
  const row = rows.get(item.id as number) as Row;
  Object.assign(row, fields);
  return row;
}
