/**
 * Upsert rules for end users (`POST /api/Users`, schema `Users`) and agents (`POST /api/Agent`,
 * schema `Uname`), and their deletes.
 *
 * Sandbox assumptions (Halo does not document them; halo-api.md §4):
 * - Agent `roles` REPLACES the agent's role set; `add_roles` appends to it. Role ids are GUID
 *   strings compared case-insensitively and must exist in /api/Roles.
 * - User and agent `customfields: [{id, value}]` merge by field id.
 * - Derived user fields (`site_name`, `client_id`, `client_name`) are recomputed from `site_id`;
 *   values sent for them are ignored.
 */
import { notFound, type ApiReply } from './reads.js';
import type { HaloState, Row } from './state.js';
import { unique } from './state.js';
import { checkCustomFields, checkTarget, isCreate, mergeCustomFields, nonEmpty, type Item, type Upserter, type WriteIssue } from './writes.js';

export const userUpserter: Upserter = {
  schema: 'Users',
  check(item, at, state) {
    const issues = checkTarget(item, at, (id) => state.users.has(id), 'Users');
    if (isCreate(item)) {
      if (!nonEmpty(item.name) && !nonEmpty(item.firstname) && !nonEmpty(item.surname)) {
        issues.push({ key: `${at}.name`, message: 'A new user needs a name (or a firstname and surname).' });
      }
    }
    const siteMissing = item.site_id === undefined || item.site_id === null || item.site_id === 0;
    if (isCreate(item) && siteMissing) {
      issues.push({ key: `${at}.site_id`, message: 'A new user needs a site_id: every Halo user belongs to a site.' });
    } else if (item.site_id !== undefined && !(typeof item.site_id === 'number' && state.sites.has(item.site_id))) {
      issues.push({ key: `${at}.site_id`, message: `site_id ${String(item.site_id)} is not a site (see /api/Site).` });
    }
    issues.push(...checkCustomFields(item.customfields, at, state));
    return issues;
  },
  commit(item, state) {
    const { id: _id, customfields, site_name: _s, client_id: _c, client_name: _cn, ...fields } = item;
    let row: Row;
    if (isCreate(item)) {
      row = { id: state.nextId('users'), ...fields, inactive: fields.inactive ?? false, customfields: [] };
      if (!nonEmpty(row.name)) row.name = [fields.firstname, fields.surname].filter(nonEmpty).join(' ');
      state.users.set(row.id, row);
    } else {
      row = state.users.get(item.id as number) as Row;
      Object.assign(row, fields);
    }
    if (customfields !== undefined) row.customfields = mergeCustomFields(row.customfields, customfields, state);
    return state.renderUser(row);
  },
};

export const agentUpserter: Upserter = {
  schema: 'Uname',
  check(item, at, state) {
    const issues = checkTarget(item, at, (id) => state.agents.has(id), 'Agent');
    if (isCreate(item) && !nonEmpty(item.name)) issues.push({ key: `${at}.name`, message: 'A new agent needs a name.' });
    issues.push(...checkRoles(item.roles, `${at}.roles`, state), ...checkRoles(item.add_roles, `${at}.add_roles`, state));
    issues.push(...checkCustomFields(item.customfields, at, state));
    return issues;
  },
  commit(item, state) {
    const { id: _id, roles, add_roles: addRoles, customfields, ...fields } = item;
    let row: Row;
    if (isCreate(item)) {
      row = { id: state.nextId('agents'), ...fields, isdisabled: fields.isdisabled ?? false, customfields: [] };
      state.agents.set(row.id, row);
      state.agentRoles.set(row.id, []);
    } else {
      row = state.agents.get(item.id as number) as Row;
      Object.assign(row, fields);
    }
    const current = state.agentRoles.get(row.id) ?? [];
    const replaced = roles === undefined ? current : roleIds(roles, state);
    state.agentRoles.set(row.id, unique([...replaced, ...roleIds(addRoles, state)]));
    if (customfields !== undefined) row.customfields = mergeCustomFields(row.customfields, customfields, state);
    return state.renderAgent(row, true);
  },
};

function checkRoles(value: unknown, at: string, state: HaloState): WriteIssue[] {
  if (!Array.isArray(value)) return [];
  const issues: WriteIssue[] = [];
  (value as Array<Item | null>).forEach((role, j) => {
    if (role === null) return;
    if (typeof role.id !== 'string' || role.id === '') {
      issues.push({ key: `${at}[${j}].id`, message: 'A role is named by its id (a GUID string from /api/Roles).' });
    } else if (state.canonicalRoleId(role.id) === undefined) {
      issues.push({ key: `${at}[${j}].id`, message: `No role with id ${role.id} (see /api/Roles).` });
    }
  });
  return issues;
}

function roleIds(value: unknown, state: HaloState): string[] {
  if (!Array.isArray(value)) return [];
  return (value as Array<Item | null>).flatMap((role) => {
    const id = role ? state.canonicalRoleId(role.id) : undefined;
    return id === undefined ? [] : [id];
  });
}

/** `DELETE /api/Users/{id}`: returns the deleted user; CAB seats held by the user go with it. */
export function deleteUser(state: HaloState, id: string): ApiReply {
  const user = state.users.get(Number(id));
  if (!user) return { status: 404, body: notFound('Users', id) };
  const rendered = state.renderUser(user);
  state.users.delete(user.id);
  for (const cab of state.cabs.values()) cab.members = cab.members.filter((m) => m.user_id !== user.id);
  state.version += 1;
  return { status: 200, body: rendered };
}

/** `DELETE /api/Agent/{id}`: returns the deleted agent; its CAB seats go with it. */
export function deleteAgent(state: HaloState, id: string): ApiReply {
  const agent = state.agents.get(Number(id));
  if (!agent) return { status: 404, body: notFound('Agent', id) };
  const rendered = state.renderAgent(agent, true);
  state.agents.delete(agent.id);
  state.agentRoles.delete(agent.id);
  for (const cab of state.cabs.values()) cab.members = cab.members.filter((m) => m.agent_id !== agent.id);
  state.version += 1;
  return { status: 200, body: rendered };
}
