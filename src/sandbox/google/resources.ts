/**
 * Directory resources as Google sends them: `kind`, `etag`, the defaults Google always fills in,
 * custom schemas by projection, and the public subset for viewType=domain_public.
 */
import { createHash } from 'node:crypto';
import type { DirectoryUser } from '../../model/directory.js';
import type { SeedGroup } from '../seed-types.js';
import type { CustomerView } from './directory.js';

export type Projection = 'basic' | 'custom' | 'full';
export type ViewType = 'admin_view' | 'domain_public';

export interface UserView {
  projection: Projection;
  /** Schema names for projection=custom. */
  customFieldMask: readonly string[];
  viewType: ViewType;
}

export function etagOf(value: unknown): string {
  return `"${createHash('sha1').update(JSON.stringify(value)).digest('base64url')}"`;
}

const userEtags = new WeakMap<DirectoryUser, string>();
function userEtag(user: DirectoryUser): string {
  let etag = userEtags.get(user);
  if (etag === undefined) {
    etag = etagOf(user);
    userEtags.set(user, etag);
  }
  return etag;
}

/** Fields any user of the domain may see (viewType=domain_public). Custom schemas are not among them. */
const PUBLIC_USER_FIELDS = new Set([
  'kind', 'id', 'etag', 'primaryEmail', 'name', 'emails', 'phones', 'addresses', 'organizations', 'relations',
  'locations', 'ims', 'websites', 'thumbnailPhotoUrl', 'thumbnailPhotoEtag', 'customerId',
]);

/** Booleans and the OU that Google always includes on a user. */
const USER_DEFAULTS = {
  isAdmin: false,
  isDelegatedAdmin: false,
  suspended: false,
  archived: false,
  changePasswordAtNextLogin: false,
  ipWhitelisted: false,
  isMailboxSetup: true,
  isEnrolledIn2Sv: false,
  isEnforcedIn2Sv: false,
  includeInGlobalAddressList: true,
  orgUnitPath: '/',
};

export function renderUser(user: DirectoryUser, customer: CustomerView, view: UserView): Record<string, unknown> {
  const { customSchemas, ...rest } = user;
  const name = { ...(user.name ?? {}) };
  if (name.fullName === undefined) {
    const full = [name.givenName, name.familyName].filter(Boolean).join(' ');
    if (full) name.fullName = full;
  }
  const { id, primaryEmail, ...others } = rest;
  const out: Record<string, unknown> = {
    kind: 'admin#directory#user',
    id,
    etag: userEtag(user),
    primaryEmail,
    ...USER_DEFAULTS,
    ...others,
    name,
    customerId: customer.id,
  };
  delete (out as { password?: unknown }).password;
  delete (out as { hashFunction?: unknown }).hashFunction;
  if (customSchemas && view.viewType === 'admin_view') {
    if (view.projection === 'full') out.customSchemas = customSchemas;
    if (view.projection === 'custom') {
      const picked = Object.fromEntries(Object.entries(customSchemas).filter(([schema]) => view.customFieldMask.includes(schema)));
      if (Object.keys(picked).length > 0) out.customSchemas = picked;
    }
  }
  if (view.viewType === 'domain_public') {
    for (const key of Object.keys(out)) if (!PUBLIC_USER_FIELDS.has(key)) delete out[key];
  }
  return out;
}

export function renderGroup(group: SeedGroup): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: 'admin#directory#group',
    id: group.id,
    etag: etagOf(group),
    email: group.email,
    name: group.name ?? group.email.slice(0, group.email.indexOf('@')),
    directMembersCount: String(group.members?.length ?? 0),
    description: group.description ?? '',
    adminCreated: true,
  };
  if (group.aliases && group.aliases.length > 0) out.aliases = group.aliases;
  return out;
}

export interface MemberEntry {
  id: string;
  email?: string;
  role: 'OWNER' | 'MANAGER' | 'MEMBER';
  type: 'USER' | 'GROUP' | 'CUSTOMER';
  status?: string;
}

export function renderMember(member: MemberEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: 'admin#directory#member', etag: etagOf(member), id: member.id };
  if (member.email !== undefined) out.email = member.email;
  out.role = member.role;
  out.type = member.type;
  if (member.status !== undefined) out.status = member.status;
  return out;
}

export function renderCustomer(customer: CustomerView): Record<string, unknown> {
  const extra = customer.seed as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {
    kind: 'admin#directory#customer',
    id: customer.id,
    etag: etagOf({ id: customer.id, domain: customer.domain }),
    customerDomain: customer.domain,
    language: typeof extra.language === 'string' ? extra.language : 'en',
  };
  for (const key of ['alternateEmail', 'customerCreationTime', 'phoneNumber', 'postalAddress']) {
    if (extra[key] !== undefined) out[key] = extra[key];
  }
  return out;
}

/** A list's etag: derived from its items' etags, so it changes when any listed item does. */
export function listEtag(items: ReadonlyArray<Record<string, unknown>>): string {
  return etagOf(items.map((i) => i.etag ?? i.id));
}
