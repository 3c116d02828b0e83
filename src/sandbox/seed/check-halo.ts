/**
 * Checks the seed's `halo` section: record shapes against Halo's OpenAPI schemas (the same extract
 * the sandbox server checks POST bodies with), unique ids, and every reference (site → client,
 * user → site, agent → role, CAB member → agent/user, custom field values → field definitions).
 * Duplicate Halo emails are allowed on purpose: a seed may stage an ambiguity.
 */
import { checkAgainstSchema, type FieldErrors } from '../halo/schema.js';
import { checkKeys, isRecord, pathText, type Path, type SeedReport } from './report.js';

const HALO_KEYS = ['clients', 'sites', 'roles', 'cabs', 'users', 'agents', 'fields', 'control', 'clientId', 'clientSecret', 'tokenLifetimeSeconds'];
const FIELD_KEYS = ['id', 'name', 'label', 'usage', 'type'];

type Entry = { record: Record<string, unknown>; path: Path; label: string };

export function checkHalo(halo: unknown, report: SeedReport): void {
  if (halo === undefined || halo === null) return;
  if (!isRecord(halo)) return report.error(['halo'], 'halo', 'must be a mapping');
  checkKeys(report, halo, ['halo'], 'halo', HALO_KEYS);

  const clients = entries(halo, 'clients', report);
  const clientIds = uniqueIntIds(clients, report);
  checkNamed(clients, report, 'Area');

  const sites = entries(halo, 'sites', report);
  const siteIds = uniqueIntIds(sites, report);
  checkNamed(sites, report, 'Site');
  for (const s of sites) refersTo(s, 'client_id', clientIds, 'a client in halo.clients', report, false);

  const roles = entries(halo, 'roles', report);
  const roleIds = new Set<string>();
  const roleNames = new Set<string>();
  for (const r of roles) {
    const id = r.record.id;
    if (typeof id !== 'string' || id.trim() === '') report.error([...r.path, 'id'], r.label, 'id is required and must be a string (role ids are GUIDs)');
    else if (roleIds.has(id.toLowerCase())) report.error([...r.path, 'id'], r.label, `duplicate role id ${id}`);
    else roleIds.add(id.toLowerCase());
    const name = r.record.name;
    if (typeof name === 'string' && roleNames.has(name.toLowerCase())) report.error([...r.path, 'name'], r.label, `duplicate role name '${name}'`);
    if (typeof name === 'string') roleNames.add(name.toLowerCase());
  }
  checkNamed(roles, report, 'NHD_Roles');

  const fields = entries(halo, 'fields', report);
  const fieldIds = uniqueIntIds(fields, report);
  for (const f of fields) {
    checkKeys(report, f.record, f.path, f.label, FIELD_KEYS);
    if (typeof f.record.name !== 'string' || f.record.name === '') report.error([...f.path, 'name'], f.label, 'name is required (config field maps name it as custom:<name>)');
  }

  const users = entries(halo, 'users', report);
  const userIds = uniqueIntIds(users, report);
  for (const u of users) {
    schema(u, 'Users', report);
    if (u.record.site_id === undefined || u.record.site_id === null) report.error([...u.path, 'site_id'], u.label, 'site_id is required: every Halo user belongs to a site');
    else refersTo(u, 'site_id', siteIds, 'a site in halo.sites', report, true);
    customFields(u, fieldIds, report);
  }

  const agents = entries(halo, 'agents', report);
  const agentIds = uniqueIntIds(agents, report);
  for (const a of agents) {
    schema(a, 'Uname', report);
    if (typeof a.record.name !== 'string' || a.record.name.trim() === '') report.error([...a.path, 'name'], a.label, 'name is required (Halo refuses agents without one)');
    listOf(a.record.roles).forEach((role, j) => {
      const id = isRecord(role) ? role.id : undefined;
      if (typeof id === 'string' && !roleIds.has(id.toLowerCase())) report.error([...a.path, 'roles', j, 'id'], a.label, `role ${id} is not a role in halo.roles`);
    });
    customFields(a, fieldIds, report);
  }

  const cabs = entries(halo, 'cabs', report);
  uniqueIntIds(cabs, report);
  checkNamed(cabs, report, 'CabHeader');
  for (const c of cabs) {
    listOf(c.record.members).forEach((m, j) => {
      if (!isRecord(m)) return;
      const at = [...c.path, 'members', j];
      if (typeof m.agent_id === 'number') {
        if (!agentIds.has(m.agent_id)) report.error([...at, 'agent_id'], c.label, `members[${j}]: agent_id ${m.agent_id} is not an agent in halo.agents`);
      } else if (typeof m.user_id === 'number') {
        if (!userIds.has(m.user_id)) report.error([...at, 'user_id'], c.label, `members[${j}]: user_id ${m.user_id} is not a user in halo.users`);
      } else report.error(at, c.label, `members[${j}]: a member needs an agent_id (or a user_id)`);
    });
  }

  if (halo.control !== undefined) {
    if (!isRecord(halo.control)) report.error(['halo', 'control'], 'halo.control', 'must be a mapping of Halo Control settings');
    else schema({ record: halo.control, path: ['halo', 'control'], label: 'halo.control' }, 'Control', report);
  }
  for (const key of ['clientId', 'clientSecret'] as const) {
    if (halo[key] !== undefined && (typeof halo[key] !== 'string' || halo[key] === '')) report.error(['halo', key], `halo.${key}`, 'must be a non-empty string');
  }
  const lifetime = halo.tokenLifetimeSeconds;
  if (lifetime !== undefined && !(typeof lifetime === 'number' && Number.isInteger(lifetime) && lifetime > 0)) {
    report.error(['halo', 'tokenLifetimeSeconds'], 'halo.tokenLifetimeSeconds', `must be a whole number of seconds above 0, got ${JSON.stringify(lifetime)}`);
  }
}

/** The mappings in `halo.<key>`, each with its path and a label naming it by index and id. */
function entries(halo: Record<string, unknown>, key: string, report: SeedReport): Entry[] {
  const value = halo[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    report.error(['halo', key], `halo.${key}`, 'must be a list');
    return [];
  }
  const out: Entry[] = [];
  value.forEach((record, i) => {
    const path = ['halo', key, i];
    if (!isRecord(record)) return report.error(path, pathText(path), 'must be a mapping');
    const id = record.id;
    const label = `${pathText(path)}${typeof id === 'number' || typeof id === 'string' ? ` (id ${id})` : ''}`;
    out.push({ record, path, label });
  });
  return out;
}

function uniqueIntIds(list: Entry[], report: SeedReport): Set<number> {
  const ids = new Set<number>();
  for (const e of list) {
    const id = e.record.id;
    if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) report.error([...e.path, 'id'], e.label, `id is required and must be a whole number above 0, got ${JSON.stringify(id)}`);
    else if (ids.has(id)) report.error([...e.path, 'id'], e.label, `duplicate id ${id} in ${pathText(e.path.slice(0, 2))}`);
    else ids.add(id);
  }
  return ids;
}

function checkNamed(list: Entry[], report: SeedReport, schemaName: string): void {
  for (const e of list) {
    if (typeof e.record.name !== 'string' || e.record.name.trim() === '') report.error([...e.path, 'name'], e.label, 'name is required');
    schema(e, schemaName, report);
  }
}

function refersTo(e: Entry, key: string, ids: Set<number>, what: string, report: SeedReport, required: boolean): void {
  const value = e.record[key];
  if (value === undefined || value === null) {
    if (required) report.error([...e.path, key], e.label, `${key} is required`);
    return;
  }
  if (typeof value !== 'number' || !ids.has(value)) report.error([...e.path, key], e.label, `${key} ${JSON.stringify(value)} is not ${what}`);
}

function customFields(e: Entry, fieldIds: Set<number>, report: SeedReport): void {
  listOf(e.record.customfields).forEach((cf, j) => {
    const id = isRecord(cf) ? cf.id : undefined;
    if (typeof id === 'number' && !fieldIds.has(id)) report.error([...e.path, 'customfields', j, 'id'], e.label, `customfields[${j}]: field ${id} is not a custom field in halo.fields`);
  });
}

/** Reports schema errors at the field they concern. */
function schema(e: Entry, schemaName: string, report: SeedReport): void {
  const errors: FieldErrors = {};
  checkAgainstSchema(e.record, schemaName, '', errors);
  for (const [key, messages] of Object.entries(errors)) {
    const sub = parseErrorKey(key);
    for (const message of messages) {
      report.error([...e.path, ...sub], e.label, `${pathText(sub) || 'record'}: ${message}`, { atKey: message.startsWith('Unknown field') });
    }
  }
}

/** `.customfields[0].id` → ['customfields', 0, 'id']. */
function parseErrorKey(key: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of key.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
