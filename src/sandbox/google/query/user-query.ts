/**
 * Parses a users.list `query` into typed clauses (Google's search-users syntax). Field names are
 * case-sensitive as Google documents them; an unknown field, an operator a field does not support,
 * or broken syntax makes the whole query invalid (Google answers 400 "Invalid query").
 */
import { scanQuery } from './scan.js';
import type { RawClause } from './scan.js';

/** Text fields and the operators Google documents for each (`prefix` = `:value*`). */
export const USER_TEXT_FIELDS = {
  email: ['=', ':', 'prefix'],
  givenName: ['=', ':', 'prefix'],
  familyName: ['=', ':', 'prefix'],
  name: ['=', ':'],
  im: ['=', ':'],
  externalId: ['=', ':'],
  phone: ['='],
  address: [':'],
  addressPoBox: ['=', ':'],
  addressExtended: ['=', ':'],
  addressStreet: ['=', ':'],
  addressLocality: ['=', ':'],
  addressRegion: ['=', ':'],
  addressPostalCode: ['=', ':'],
  addressCountry: ['=', ':'],
  orgName: ['=', ':'],
  orgTitle: ['=', ':'],
  orgDepartment: ['=', ':'],
  orgDescription: ['=', ':'],
  orgCostCenter: ['=', ':'],
} as const satisfies Record<string, ReadonlyArray<'=' | ':' | 'prefix'>>;
export type UserTextField = keyof typeof USER_TEXT_FIELDS;

/** Boolean fields (`=true` / `=false` only) and the User property each reads. */
export const USER_BOOLEAN_FIELDS = {
  isAdmin: 'isAdmin',
  isDelegatedAdmin: 'isDelegatedAdmin',
  isSuspended: 'suspended',
  isArchived: 'archived',
  isEnrolledIn2Sv: 'isEnrolledIn2Sv',
  isEnforcedIn2Sv: 'isEnforcedIn2Sv',
  isGuest: 'isGuestUser',
} as const;
export type UserBooleanField = keyof typeof USER_BOOLEAN_FIELDS;

export const USER_MANAGER_FIELDS = ['manager', 'managerId', 'directManager', 'directManagerId'] as const;
export type UserManagerField = (typeof USER_MANAGER_FIELDS)[number];

export type CustomOperator = '=' | ':' | '>' | '>=' | '<' | '<=' | 'range';

export type UserQueryClause =
  /** A bare value: matches givenName, familyName or email (`:` semantics). */
  | { kind: 'any'; value: string }
  | { kind: 'text'; field: UserTextField; op: '=' | ':' | 'prefix'; value: string }
  | { kind: 'boolean'; field: UserBooleanField; value: boolean }
  /** `orgUnitPath=`: the OU and every OU under it. Only allowed with viewType=admin_view. */
  | { kind: 'orgUnit'; path: string }
  | { kind: 'manager'; field: UserManagerField; value: string }
  | {
      kind: 'custom';
      schema: string;
      field: string;
      op: CustomOperator;
      value: string;
      /** For `range`: MIN inclusive, MAX exclusive. */
      min?: string;
      max?: string;
    };

export type UserQueryParse = { ok: true; clauses: UserQueryClause[] } | { ok: false; message: string };

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isOrderable = (v: string): boolean => NUMBER.test(v) || DATE.test(v);

export function parseUserQuery(query: string): UserQueryParse {
  const scanned = scanQuery(query);
  if (!scanned.ok) return scanned;
  const clauses: UserQueryClause[] = [];
  for (const raw of scanned.clauses) {
    const typed = typeClause(raw);
    if (typeof typed === 'string') return { ok: false, message: typed };
    clauses.push(typed);
  }
  return { ok: true, clauses };
}

/** Returns the typed clause, or a message saying why it is invalid. */
function typeClause(raw: RawClause): UserQueryClause | string {
  const { field, op, value } = raw;
  if (field === null || op === null) return { kind: 'any', value };
  const written = raw.range ? `${field}:[…]` : `${field}${op}${raw.prefix ? `${value}*` : value}`;
  if (field.includes('.')) return typeCustom(raw, field);
  if (raw.range) return `${field} does not support ranges`;
  if (field in USER_TEXT_FIELDS) {
    const allowed: readonly string[] = USER_TEXT_FIELDS[field as UserTextField];
    const wanted = raw.prefix ? 'prefix' : op;
    if (!allowed.includes(wanted)) return `${field} does not support ${raw.prefix ? 'prefix search' : `the ${op} operator`} (${written})`;
    return { kind: 'text', field: field as UserTextField, op: wanted as '=' | ':' | 'prefix', value };
  }
  if (field in USER_BOOLEAN_FIELDS) {
    const v = value.toLowerCase();
    if (op !== '=' || raw.prefix || (v !== 'true' && v !== 'false')) return `${field} takes =true or =false (${written})`;
    return { kind: 'boolean', field: field as UserBooleanField, value: v === 'true' };
  }
  if (field === 'orgUnitPath') {
    if (op !== '=' || raw.prefix) return `orgUnitPath supports only = (${written})`;
    return { kind: 'orgUnit', path: value };
  }
  if ((USER_MANAGER_FIELDS as readonly string[]).includes(field)) {
    if (op !== '=' || raw.prefix) return `${field} supports only = (${written})`;
    return { kind: 'manager', field: field as UserManagerField, value };
  }
  return `unknown search field ${field}`;
}

function typeCustom(raw: RawClause, field: string): UserQueryClause | string {
  const [schema = '', name = ''] = field.split('.');
  if (raw.prefix) return `custom fields do not support prefix search (${field})`;
  if (raw.range) {
    const { min, max } = raw.range;
    if (!isOrderable(min) || !isOrderable(max)) return `a range takes numbers or YYYY-MM-DD dates (${field})`;
    return { kind: 'custom', schema, field: name, op: 'range', value: '', min, max };
  }
  const op = raw.op as CustomOperator;
  if (op !== '=' && op !== ':' && !isOrderable(raw.value)) return `${op} takes a number or a YYYY-MM-DD date (${field})`;
  return { kind: 'custom', schema, field: name, op, value: raw.value };
}
