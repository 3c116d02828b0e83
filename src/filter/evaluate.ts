/**
 * Local evaluation of mapping filters against a Directory user. Pure. This is the arbiter: whatever
 * part of a filter is pushed down to Google's `query`, the whole filter is re-checked here.
 *
 * String comparisons ignore case (as Google's search does); `matches` is a JavaScript regular
 * expression tested as written. `under` works by path segment: `/Staff` covers `/Staff` and
 * `/Staff/Sales`, not `/Staffing`.
 */
import type { Filter, FilterClause } from '../config/types.js';
import type { DirectoryUser, GroupMembers } from '../model/directory.js';
import { primaryOrganization } from '../fields/google-paths.js';

/** Filter fields (DESIGN.md "Filter fields"); `customSchemas.<S>.<F>` is also accepted. */
export const FILTER_FIELDS = [
  'email', 'domain', 'orgUnitPath', 'givenName', 'familyName', 'title', 'department', 'costCenter',
  'isAdmin', 'suspended', 'archived', 'group',
] as const;
export const BOOLEAN_FILTER_FIELDS = ['isAdmin', 'suspended', 'archived'] as const;

/** Membership lookups for `memberOf` and group rules, keyed by lower-cased group email. */
export interface GroupIndex {
  get(groupEmail: string): GroupMembers | undefined;
  isMember(groupEmail: string, user: DirectoryUser): boolean;
}

export function groupIndex(groups: readonly GroupMembers[]): GroupIndex {
  const byEmail = new Map<string, { group: GroupMembers; ids: Set<string>; emails: Set<string> }>();
  for (const group of groups) {
    byEmail.set(group.email.toLowerCase(), { group, ids: new Set(group.userIds), emails: new Set(group.userEmails) });
  }
  return {
    get: (email) => byEmail.get(email.toLowerCase())?.group,
    isMember(email, user) {
      const entry = byEmail.get(email.toLowerCase());
      if (!entry) return false;
      if (entry.ids.has(user.id) || entry.emails.has(user.primaryEmail.toLowerCase())) return true;
      return user.customerId !== undefined && entry.group.customers.includes(user.customerId);
    },
  };
}

/** The value of a filter field on a user: a string, a boolean, or null when absent. */
export function filterFieldValue(user: DirectoryUser, field: string): string | boolean | null | Array<string> {
  switch (field) {
    case 'email':
      return user.primaryEmail;
    case 'domain':
      return user.primaryEmail.slice(user.primaryEmail.lastIndexOf('@') + 1);
    case 'orgUnitPath':
      return user.orgUnitPath ?? '/';
    case 'givenName':
      return user.name?.givenName ?? null;
    case 'familyName':
      return user.name?.familyName ?? null;
    case 'title':
      return primaryOrganization(user)?.title ?? null;
    case 'department':
      return primaryOrganization(user)?.department ?? null;
    case 'costCenter':
      return primaryOrganization(user)?.costCenter ?? null;
    case 'isAdmin':
      return user.isAdmin ?? false;
    case 'suspended':
      return user.suspended ?? false;
    case 'archived':
      return user.archived ?? false;
  }
  if (field.startsWith('customSchemas.')) {
    const [, schema, name] = field.split('.');
    const raw = schema && name ? user.customSchemas?.[schema]?.[name] : undefined;
    if (raw === undefined || raw === null) return null;
    if (Array.isArray(raw)) {
      return raw.map((v) => (v && typeof v === 'object' && 'value' in v ? String((v as { value: unknown }).value) : String(v)));
    }
    return typeof raw === 'boolean' ? raw : String(raw);
  }
  return null;
}

function fold(s: string): string {
  return s.trim().toLowerCase();
}

function normalisePath(path: string): string {
  const trimmed = fold(path).replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function computeUnder(path: string, root: string): boolean {
  const p = normalisePath(path);
  const r = normalisePath(root);
  return r === '/' || p === r || p.startsWith(`${r}/`);
}

/**
 * Answers by root, then by path. A directory has few distinct OU paths and ~100k people: without
 * this every placement folded and regex-trimmed both paths again. Bounded so that a long-lived
 * process fed endless distinct paths cannot grow it without limit.
 */
const underAnswers = new Map<string, Map<string, boolean>>();
const UNDER_CACHE_LIMIT = 10_000;

/** `/Staff` covers `/Staff` and `/Staff/…`; `/` covers everything. */
export function isUnder(path: string, root: string): boolean {
  let byPath = underAnswers.get(root);
  if (byPath === undefined) {
    if (underAnswers.size >= UNDER_CACHE_LIMIT) underAnswers.clear();
    underAnswers.set(root, (byPath = new Map()));
  }
  let answer = byPath.get(path);
  if (answer === undefined) {
    answer = computeUnder(path, root);
    if (byPath.size >= UNDER_CACHE_LIMIT) byPath.clear();
    byPath.set(path, answer);
  }
  return answer;
}

const regexCache = new Map<string, RegExp | null>();
function regex(source: string): RegExp | null {
  if (!regexCache.has(source)) {
    try {
      regexCache.set(source, new RegExp(source, 'u'));
    } catch {
      regexCache.set(source, null);
    }
  }
  return regexCache.get(source) ?? null;
}

function testOne(actual: string | boolean | null, clause: FilterClause): boolean {
  const { op, value } = clause;
  if (typeof actual === 'boolean' || typeof value === 'boolean') {
    const want = typeof value === 'boolean' ? value : String(value).toLowerCase() === 'true';
    const got = typeof actual === 'boolean' ? actual : actual !== null && actual.toLowerCase() === 'true';
    if (op === 'equals') return got === want;
    if (op === 'notEquals') return got !== want;
    if (op === 'in' && Array.isArray(value)) return value.some((v) => String(v).toLowerCase() === String(got));
    return false;
  }
  // Operators that do not compare folded text first: folding the value allocates a string.
  switch (op) {
    case 'matches': {
      const re = regex(String(value));
      return re !== null && actual !== null && re.test(actual);
    }
    case 'under':
      return actual !== null && isUnder(actual, String(value));
    case 'memberOf':
      return false;
  }
  const a = actual === null ? '' : fold(actual);
  switch (op) {
    case 'equals':
      return a === fold(String(value));
    case 'notEquals':
      return a !== fold(String(value));
    case 'startsWith':
      return a.startsWith(fold(String(value)));
    case 'endsWith':
      return a.endsWith(fold(String(value)));
    case 'contains':
      return a.includes(fold(String(value)));
    case 'in':
      return Array.isArray(value) && value.some((v) => fold(String(v)) === a);
  }
}

/** Evaluates one clause. Multi-valued custom attributes match when any value does (except notEquals: none may). */
export function evaluateClause(clause: FilterClause, user: DirectoryUser, groups: GroupIndex): boolean {
  if (clause.op === 'memberOf') return groups.isMember(String(clause.value), user);
  const actual = filterFieldValue(user, clause.field);
  if (Array.isArray(actual)) {
    if (clause.op === 'notEquals') return actual.every((v) => testOne(v, clause));
    return actual.length === 0 ? testOne(null, clause) : actual.some((v) => testOne(v, clause));
  }
  return testOne(actual, clause);
}

export function isClause(filter: Filter): filter is FilterClause {
  return 'field' in filter;
}

export function evaluateFilter(filter: Filter | undefined, user: DirectoryUser, groups: GroupIndex): boolean {
  if (filter === undefined) return true;
  if (isClause(filter)) return evaluateClause(filter, user, groups);
  // Loops, not every/some with a closure: this runs several times per person (hot path).
  if ('all' in filter) {
    for (const f of filter.all) if (!evaluateFilter(f, user, groups)) return false;
    return true;
  }
  for (const f of filter.any) if (evaluateFilter(f, user, groups)) return true;
  return false;
}

/** Evaluation tree for `explain`: which clause passed and which failed. */
export interface FilterTrace {
  kind: 'clause' | 'all' | 'any';
  clause?: FilterClause;
  /** The user's value for the clause's field, as compared. */
  actual?: unknown;
  result: boolean;
  children?: FilterTrace[];
}

export function traceFilter(filter: Filter | undefined, user: DirectoryUser, groups: GroupIndex): FilterTrace {
  if (filter === undefined) return { kind: 'all', result: true, children: [] };
  if (isClause(filter)) {
    const actual = filter.op === 'memberOf' ? groups.isMember(String(filter.value), user) : filterFieldValue(user, filter.field);
    return { kind: 'clause', clause: filter, actual, result: evaluateClause(filter, user, groups) };
  }
  if ('all' in filter) {
    const children = filter.all.map((f) => traceFilter(f, user, groups));
    return { kind: 'all', result: children.every((c) => c.result), children };
  }
  const children = filter.any.map((f) => traceFilter(f, user, groups));
  return { kind: 'any', result: children.some((c) => c.result), children };
}

/** Group emails a filter names in `memberOf` clauses (lower-cased). */
export function groupsInFilter(filter: Filter | undefined, out: Set<string> = new Set()): Set<string> {
  if (filter === undefined) return out;
  if (isClause(filter)) {
    if (filter.op === 'memberOf') out.add(String(filter.value).toLowerCase());
  } else {
    for (const f of 'all' in filter ? filter.all : filter.any) groupsInFilter(f, out);
  }
  return out;
}
