/**
 * Halo records into the types of src/model/halo.ts: ids as numbers (role ids as strings), unknown
 * fields kept (field maps may target any Halo field), identity fields with '' read as "not set"
 * (Halo returns empty strings for unset text fields; an empty Google id is no link).
 */
import type { HaloAgent, HaloCab, HaloCabMember, HaloClient, HaloControl, HaloCustomFieldValue, HaloFieldDefinition, HaloRole, HaloSite, HaloUser } from '../model/halo.js';
import { checkOptionalBoolean, invalidAnswer, isRecord, requireRecord, toId, toOptionalNumber, toOptionalString, type Origin } from './parse.js';

function where(kind: string, index: number, raw: unknown): string {
  const id = isRecord(raw) && (typeof raw.id === 'number' || typeof raw.id === 'string') ? ` (id ${String(raw.id)})` : '';
  return `${kind} #${index + 1}${id}`;
}

function setIfPresent(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

function customFields(value: unknown, at: string, origin: Origin): HaloCustomFieldValue[] | null | undefined {
  if (value === undefined || value === null) return value;
  if (!Array.isArray(value)) throw invalidAnswer(origin, `${at} customfields as a non-list`);
  return value.map((raw, i) => {
    const field = requireRecord(raw, `${at} customfield #${i + 1}`, origin);
    return { ...field, id: toId(field.id, `${at} customfield #${i + 1}`, origin) };
  });
}

export function normalizeUser(raw: unknown, index: number, origin: Origin): HaloUser {
  const at = where('user', index, raw);
  const record = requireRecord(raw, at, origin);
  const user: HaloUser = { ...record, id: toId(record.id, at, origin) };
  setIfPresent(user, 'site_id', toOptionalNumber(record.site_id, `${at} site_id`, origin));
  setIfPresent(user, 'client_id', toOptionalNumber(record.client_id, `${at} client_id`, origin));
  setIfPresent(user, 'googleworkplace_id', toOptionalString(record.googleworkplace_id, `${at} googleworkplace_id`, origin));
  setIfPresent(user, 'emailaddress', toOptionalString(record.emailaddress, `${at} emailaddress`, origin));
  setIfPresent(user, 'customfields', customFields(record.customfields, at, origin));
  checkOptionalBoolean(record.inactive, `${at} inactive`, origin);
  return user;
}

export function normalizeAgent(raw: unknown, index: number, origin: Origin, agentIdField: string): HaloAgent {
  const at = where('agent', index, raw);
  const record = requireRecord(raw, at, origin);
  const agent: HaloAgent = { ...record, id: toId(record.id, at, origin) };
  setIfPresent(agent, agentIdField, toOptionalString(record[agentIdField], `${at} ${agentIdField}`, origin));
  setIfPresent(agent, 'email', toOptionalString(record.email, `${at} email`, origin));
  setIfPresent(agent, 'customfields', customFields(record.customfields, at, origin));
  checkOptionalBoolean(record.isdisabled, `${at} isdisabled`, origin);
  if (Array.isArray(record.roles)) {
    agent.roles = record.roles.map((r, i) => {
      const role = requireRecord(r, `${at} role #${i + 1}`, origin);
      const id = toOptionalString(role.id, `${at} role #${i + 1} id`, origin);
      if (!id) throw invalidAnswer(origin, `${at} role #${i + 1} without an id`);
      return { ...role, id, name: typeof role.name === 'string' ? role.name : null };
    });
  } else if (record.roles !== undefined && record.roles !== null) {
    throw invalidAnswer(origin, `${at} roles as a non-list`);
  }
  return agent;
}

function name(value: unknown, at: string, origin: Origin): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  throw invalidAnswer(origin, `${at} name that is not text`);
}

export function normalizeSite(raw: unknown, index: number, origin: Origin): HaloSite {
  const at = where('site', index, raw);
  const r = requireRecord(raw, at, origin);
  const site: HaloSite = { id: toId(r.id, at, origin), name: name(r.name, at, origin) };
  setIfPresent(site as unknown as Record<string, unknown>, 'client_id', toOptionalNumber(r.client_id, `${at} client_id`, origin));
  if (typeof r.client_name === 'string') site.client_name = r.client_name;
  if (typeof r.inactive === 'boolean') site.inactive = r.inactive;
  return site;
}

export function normalizeClient(raw: unknown, index: number, origin: Origin): HaloClient {
  const at = where('client', index, raw);
  const r = requireRecord(raw, at, origin);
  const client: HaloClient = { id: toId(r.id, at, origin), name: name(r.name, at, origin) };
  if (typeof r.inactive === 'boolean') client.inactive = r.inactive;
  return client;
}

export function normalizeRole(raw: unknown, index: number, origin: Origin): HaloRole {
  const at = where('role', index, raw);
  const r = requireRecord(raw, at, origin);
  const id = toOptionalString(r.id, `${at} id`, origin);
  if (!id) throw invalidAnswer(origin, `${at} without an id`);
  return { id, name: name(r.name, at, origin) };
}

function cabMember(raw: unknown, at: string, origin: Origin): HaloCabMember {
  const r = requireRecord(raw, at, origin);
  const member: HaloCabMember = { ...r };
  if (r.id !== undefined && r.id !== null) member.id = toId(r.id, at, origin);
  setIfPresent(member, 'agent_id', toOptionalNumber(r.agent_id, `${at} agent_id`, origin));
  setIfPresent(member, 'user_id', toOptionalNumber(r.user_id, `${at} user_id`, origin));
  return member;
}

export function normalizeCab(raw: unknown, index: number, origin: Origin): HaloCab {
  const at = where('CAB', index, raw);
  const r = requireRecord(raw, at, origin);
  if (r.members !== undefined && r.members !== null && !Array.isArray(r.members)) throw invalidAnswer(origin, `${at} members as a non-list`);
  const members = Array.isArray(r.members) ? r.members.map((m, i) => cabMember(m, `${at} member #${i + 1}`, origin)) : [];
  return { id: toId(r.id, at, origin), name: name(r.name, at, origin), members };
}

export function normalizeField(raw: unknown, index: number, origin: Origin): HaloFieldDefinition {
  const at = where('field', index, raw);
  const r = requireRecord(raw, at, origin);
  const field: HaloFieldDefinition = { id: toId(r.id, at, origin), name: name(r.name, at, origin) };
  if (typeof r.label === 'string' || r.label === null) field.label = r.label;
  if (typeof r.usage === 'number') field.usage = r.usage;
  return field;
}

/** Control is one settings object; tolerate it wrapped in a one-item list. */
export function normalizeControl(raw: unknown, origin: Origin): HaloControl {
  const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  return { ...requireRecord(value, 'the settings', origin) };
}
