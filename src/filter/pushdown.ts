/**
 * Filter pushdown: the part of a mapping's filter that Google's users.list `query` can express
 * EXACTLY or as a SUPERSET. Pure.
 *
 * The one invariant: the pushed query may return more people than the filter selects (the whole
 * filter is always re-checked locally with `evaluateFilter`), never fewer. So only conjuncts are
 * pushed (dropping an AND clause widens the result), and only clauses whose Google meaning
 * contains the local meaning:
 *   under / equals orgUnitPath  → orgUnitPath='…'   (Google includes sub-OUs: superset for equals)
 *   equals email                → email='…'          (Google also matches aliases: superset)
 *   equals givenName/familyName → givenName='…'
 *   startsWith email/givenName/familyName → email:prefix*
 *   equals title/department/costCenter → orgTitle='…' (Google matches any organization: superset)
 *   equals isAdmin/suspended/archived  → isAdmin=true / isSuspended= / isArchived=
 * Everything else stays local: `any` (OR), notEquals, matches, endsWith, contains, in, memberOf,
 * domain, custom schema fields (they may not be indexed, so Google could return fewer people) and
 * startsWith on OU paths (a plain string prefix, not a path segment). When in doubt: local.
 *
 * Both sides compare strings without regard to case (evaluate.ts folds case; Google's search is
 * case-insensitive), and the local side trims values, so pushed values are trimmed too.
 */
import type { Filter, FilterClause } from '../config/types.js';
import { isClause } from './evaluate.js';

export interface Pushdown {
  /** Google users.list `query`; absent when nothing can be pushed (read everyone, filter locally). */
  query?: string;
  /** True when the filter reads custom schema fields, which only `projection=full` returns. */
  needsFullProjection: boolean;
}

/** One pushed query clause; `key` is the Google field (at most one clause per field is pushed). */
interface QueryClause {
  key: string;
  text: string;
  /** Higher wins when two clauses target the same Google field (more selective). */
  weight: number;
}

/** Canonical order of query fields, so mappings with the same pushable clauses get the same query. */
const FIELD_ORDER = ['orgUnitPath', 'email', 'givenName', 'familyName', 'orgTitle', 'orgDepartment', 'orgCostCenter', 'isAdmin', 'isSuspended', 'isArchived'];

const NAME_FIELDS: Record<string, string> = { email: 'email', givenName: 'givenName', familyName: 'familyName' };
const ORGANIZATION_FIELDS: Record<string, string> = { title: 'orgTitle', department: 'orgDepartment', costCenter: 'orgCostCenter' };
const BOOLEAN_FIELDS: Record<string, string> = { isAdmin: 'isAdmin', suspended: 'isSuspended', archived: 'isArchived' };

/** A value in Google's query syntax: single-quoted, with `\` and `'` escaped by a backslash. */
export function quoteQueryValue(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/**
 * A prefix is pushed unquoted (`email:jo*`), so it may only hold characters that need no quoting.
 * Whitespace is excluded on purpose too: Google's `:` matches words, and a multi-word prefix has no
 * documented meaning.
 */
const SAFE_PREFIX = /^[A-Za-z0-9._@+-]+$/;

function stringValue(clause: FilterClause): string | undefined {
  if (typeof clause.value !== 'string' && typeof clause.value !== 'number') return undefined;
  const text = String(clause.value).trim();
  // An empty value matches users with the field absent locally; Google cannot say "absent".
  return text === '' ? undefined : text;
}

/** `/Staff/` → `/Staff`; undefined for the root (no narrowing) or anything not an absolute path. */
function ouPath(value: string): string | undefined {
  const path = value.replace(/\/+$/, '');
  if (!path.startsWith('/') || path.includes('//')) return undefined;
  return path;
}

function compileClause(clause: FilterClause): QueryClause | undefined {
  const { field, op } = clause;
  if (field in BOOLEAN_FIELDS && op === 'equals') {
    // Mirrors evaluate.ts exactly: a non-boolean value means true only when it reads "true".
    const want = typeof clause.value === 'boolean' ? clause.value : String(clause.value).toLowerCase() === 'true';
    const key = BOOLEAN_FIELDS[field] as string;
    return { key, text: `${key}=${want}`, weight: 0 };
  }
  const value = stringValue(clause);
  if (value === undefined) return undefined;
  if (field === 'orgUnitPath' && (op === 'under' || op === 'equals')) {
    const path = ouPath(value);
    if (path === undefined) return undefined;
    return { key: 'orgUnitPath', text: `orgUnitPath=${quoteQueryValue(path)}`, weight: path.length };
  }
  if (field in NAME_FIELDS) {
    const key = NAME_FIELDS[field] as string;
    if (op === 'equals') {
      if (field === 'email' && !/^[^@\s]+@[^@\s]+$/.test(value)) return undefined;
      return { key, text: `${key}=${quoteQueryValue(value)}`, weight: 2 };
    }
    if (op === 'startsWith' && SAFE_PREFIX.test(value)) {
      return { key, text: `${key}:${value}*`, weight: 1 };
    }
    return undefined;
  }
  if (field in ORGANIZATION_FIELDS && op === 'equals') {
    const key = ORGANIZATION_FIELDS[field] as string;
    return { key, text: `${key}=${quoteQueryValue(value)}`, weight: 0 };
  }
  return undefined;
}

/** The clauses that must all hold for the filter to hold (AND-ed at any depth). */
function conjuncts(filter: Filter, out: FilterClause[]): FilterClause[] {
  if (isClause(filter)) out.push(filter);
  else if ('all' in filter) for (const f of filter.all) conjuncts(f, out);
  // An OR of one branch is that branch; a wider OR cannot be expressed in Google's query.
  else if (filter.any.length === 1) conjuncts(filter.any[0] as Filter, out);
  return out;
}

function usesCustomSchema(filter: Filter): boolean {
  if (isClause(filter)) return filter.field.startsWith('customSchemas.');
  return ('all' in filter ? filter.all : filter.any).some(usesCustomSchema);
}

export function pushdownFilter(filter: Filter | undefined): Pushdown {
  if (filter === undefined) return { needsFullProjection: false };
  const chosen = new Map<string, QueryClause>();
  for (const clause of conjuncts(filter, [])) {
    const compiled = compileClause(clause);
    if (!compiled) continue;
    const current = chosen.get(compiled.key);
    if (!current || compiled.weight > current.weight) chosen.set(compiled.key, compiled);
  }
  const parts = FIELD_ORDER.flatMap((key) => {
    const clause = chosen.get(key);
    return clause ? [clause.text] : [];
  });
  const result: Pushdown = { needsFullProjection: usesCustomSchema(filter) };
  if (parts.length > 0) result.query = parts.join(' ');
  return result;
}
