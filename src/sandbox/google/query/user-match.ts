/**
 * Evaluates parsed users.list clauses against a Directory user. Pure. All clauses must hold
 * (implicit AND); comparisons ignore case (see text.ts). `customer` is the directory the user lives
 * in: `manager=` walks the manager chain through it.
 */
import type { DirectoryUser } from '../../../model/directory.js';
import type { SeedCustomer } from '../../seed-types.js';
import { containsWordsInOrder, equalsFolded, fold, isUnderOrgUnit, phoneKey, startsWithAtWord } from './text.js';
import { USER_BOOLEAN_FIELDS } from './user-query.js';
import type { UserQueryClause, UserTextField } from './user-query.js';

type Loose = Record<string, unknown>;

export function userMatchesQuery(user: DirectoryUser, clauses: readonly UserQueryClause[], customer: SeedCustomer): boolean {
  for (const clause of clauses) {
    if (!clauseMatches(user, clause, customer)) return false;
  }
  return true;
}

function clauseMatches(user: DirectoryUser, clause: UserQueryClause, customer: SeedCustomer): boolean {
  switch (clause.kind) {
    case 'any':
      return [user.name?.givenName, user.name?.familyName, ...emailsOf(user)].some(
        (v) => typeof v === 'string' && containsWordsInOrder(v, clause.value),
      );
    case 'text': {
      const values = textValues(user, clause.field);
      if (clause.op === '=') {
        return clause.field === 'phone'
          ? values.some((v) => phoneKey(v) === phoneKey(clause.value))
          : values.some((v) => equalsFolded(v, clause.value));
      }
      if (clause.op === ':') return values.some((v) => containsWordsInOrder(v, clause.value));
      return values.some((v) => startsWithAtWord(v, clause.value));
    }
    case 'boolean':
      return ((user as unknown as Loose)[USER_BOOLEAN_FIELDS[clause.field]] === true) === clause.value;
    case 'orgUnit':
      return isUnderOrgUnit(user.orgUnitPath ?? '/', clause.path);
    case 'manager':
      return managerMatches(user, clause.field, clause.value, customer);
    case 'custom':
      return customValues(user, clause.schema, clause.field).some((v) => customMatches(v, clause));
  }
}

function emailsOf(user: DirectoryUser): string[] {
  return [user.primaryEmail, ...(user.aliases ?? []), ...(user.nonEditableAliases ?? [])];
}

function strings(list: unknown, key: string): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const v = item && typeof item === 'object' ? (item as Loose)[key] : undefined;
    return typeof v === 'string' ? [v] : [];
  });
}

const ADDRESS_PARTS: Partial<Record<UserTextField, string>> = {
  addressPoBox: 'poBox',
  addressExtended: 'extendedAddress',
  addressStreet: 'streetAddress',
  addressLocality: 'locality',
  addressRegion: 'region',
  addressPostalCode: 'postalCode',
  addressCountry: 'country',
};
const ORG_PARTS: Partial<Record<UserTextField, string>> = {
  orgName: 'name',
  orgTitle: 'title',
  orgDepartment: 'department',
  orgDescription: 'description',
  orgCostCenter: 'costCenter',
};

function textValues(user: DirectoryUser, field: UserTextField): string[] {
  const loose = user as unknown as Loose;
  switch (field) {
    case 'email':
      return emailsOf(user);
    case 'givenName':
      return user.name?.givenName ? [user.name.givenName] : [];
    case 'familyName':
      return user.name?.familyName ? [user.name.familyName] : [];
    case 'name':
      return [[user.name?.givenName, user.name?.familyName].filter(Boolean).join(' ')].filter((v) => v !== '');
    case 'im':
      return strings(loose.ims, 'im');
    case 'externalId':
      return strings(user.externalIds, 'value');
    case 'phone':
      return strings(user.phones, 'value');
    case 'address':
      return (user.addresses ?? []).map((a) =>
        Object.values(a).filter((v): v is string => typeof v === 'string').join(' '),
      );
  }
  const addressPart = ADDRESS_PARTS[field];
  if (addressPart) {
    return [...strings(user.addresses, addressPart), ...(field === 'addressCountry' ? strings(user.addresses, 'countryCode') : [])];
  }
  return strings(user.organizations, ORG_PARTS[field] ?? '');
}

/** Lookups of a customer's users by folded email (primary and aliases) and id, built once per customer. */
const indexes = new WeakMap<SeedCustomer, { byEmail: Map<string, DirectoryUser>; byId: Map<string, DirectoryUser> }>();
function indexOf(customer: SeedCustomer) {
  let index = indexes.get(customer);
  if (!index) {
    index = { byEmail: new Map(), byId: new Map() };
    for (const u of customer.users ?? []) {
      index.byId.set(u.id, u);
      for (const e of emailsOf(u)) index.byEmail.set(fold(e), u);
    }
    indexes.set(customer, index);
  }
  return index;
}

/** The manager relations' values: the managers' emails (an id is accepted too). */
function directManagers(user: DirectoryUser, customer: SeedCustomer): Array<{ key: string; user?: DirectoryUser }> {
  const index = indexOf(customer);
  return (user.relations ?? [])
    .filter((r) => r.type === 'manager' && typeof r.value === 'string' && r.value !== '')
    .map((r) => {
      const key = r.value as string;
      return { key, user: index.byEmail.get(fold(key)) ?? index.byId.get(key) };
    });
}

function managerMatches(user: DirectoryUser, field: string, value: string, customer: SeedCustomer): boolean {
  const byId = field.endsWith('Id');
  const hit = (m: { key: string; user?: DirectoryUser }): boolean =>
    byId ? (m.user?.id ?? m.key) === value : m.user ? emailsOf(m.user).some((e) => equalsFolded(e, value)) : equalsFolded(m.key, value);
  if (field.startsWith('direct')) return directManagers(user, customer).some(hit);
  // `manager`: anywhere up the chain. A visited set stops at cycles in bad data.
  const seen = new Set<DirectoryUser>([user]);
  let frontier = [user];
  while (frontier.length > 0) {
    const next: DirectoryUser[] = [];
    for (const person of frontier) {
      for (const m of directManagers(person, customer)) {
        if (hit(m)) return true;
        if (m.user && !seen.has(m.user)) {
          seen.add(m.user);
          next.push(m.user);
        }
      }
    }
    frontier = next;
  }
  return false;
}

/** A custom attribute's values: a scalar, a list of scalars, or a list of `{value, type}`. */
function customValues(user: DirectoryUser, schema: string, field: string): string[] {
  const raw = user.customSchemas?.[schema]?.[field];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.flatMap((item) => {
    const v = item && typeof item === 'object' ? (item as Loose).value : item;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? [String(v)] : [];
  });
}

function compareOrdered(a: string, b: string): number | undefined {
  const number = /^-?\d+(\.\d+)?$/;
  if (number.test(b)) return number.test(a.trim()) ? Number(a) - Number(b) : undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(a)) return a.slice(0, 10) < b ? -1 : a.slice(0, 10) > b ? 1 : 0;
  return undefined;
}

function customMatches(v: string, clause: Extract<UserQueryClause, { kind: 'custom' }>): boolean {
  switch (clause.op) {
    case '=':
      return equalsFolded(v, clause.value);
    case ':':
      return containsWordsInOrder(v, clause.value);
    case 'range': {
      const lo = compareOrdered(v, clause.min ?? '');
      const hi = compareOrdered(v, clause.max ?? '');
      return lo !== undefined && hi !== undefined && lo >= 0 && hi < 0;
    }
  }
  const c = compareOrdered(v, clause.value);
  if (c === undefined) return false;
  return clause.op === '>' ? c > 0 : clause.op === '>=' ? c >= 0 : clause.op === '<' ? c < 0 : c <= 0;
}
