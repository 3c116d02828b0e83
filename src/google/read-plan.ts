/**
 * Read planning (pure): which users.list reads and which group expansions a config needs, each
 * as cheap as the data allows.
 *  - Per customer (own mode: google.customer; customers mode: each mapping's customer), mappings
 *    whose pushed-down queries coincide (ignoring case, as Google's search does) share one read.
 *  - When any mapping of a customer cannot be narrowed (nothing pushable), that customer's
 *    directory is read ONCE, unfiltered, and serves all its mappings (filtered locally): one full
 *    read costs no more than the narrowed reads it replaces would.
 *  - projection=full only when a custom schema field is used (by a filter or a field map of the
 *    imports the read feeds); a partial `fields` mask keeps payloads to what is used.
 */
import type { Config, Mapping } from '../config/types.js';
import { parseSourcePath } from '../fields/google-paths.js';
import { groupsInFilter, isClause } from '../filter/evaluate.js';
import { pushdownFilter } from '../filter/pushdown.js';
import type { Filter } from '../config/types.js';

export interface PlannedUserRead {
  /** `customer|query` (`customer|*` when unfiltered): ScopeRead.key. */
  key: string;
  customer: string;
  query?: string;
  /** Mapping names served, in config order. */
  mappings: string[];
  projection: 'basic' | 'full';
  /** users.list partial-response mask. */
  fields: string;
}

export interface ReadPlan {
  reads: PlannedUserRead[];
  /** Groups to expand (roles, cabs, memberOf), lower-cased, sorted. */
  groups: string[];
  /** For direct users.get lookups: the union of every read's needs. */
  lookup: { projection: 'basic' | 'full'; fields: string };
}

/** Always read: identity, names, lifecycle state, placement, and what group membership needs. */
export const BASE_USER_FIELDS = ['id', 'primaryEmail', 'name', 'suspended', 'archived', 'orgUnitPath', 'customerId'];

/** The top-level User resource field each filter field reads. */
const FILTER_FIELD_SOURCES: Record<string, string> = {
  email: 'primaryEmail', domain: 'primaryEmail', orgUnitPath: 'orgUnitPath', givenName: 'name', familyName: 'name',
  title: 'organizations', department: 'organizations', costCenter: 'organizations', isAdmin: 'isAdmin',
  suspended: 'suspended', archived: 'archived',
};

/** The mapping's customer: google.customer in own mode, the mapping's own in customers mode. */
export function mappingCustomer(config: Config, mapping: Mapping): string {
  if (config.google.directory === 'customers') {
    if (!mapping.customer) throw new Error(`mapping "${mapping.name}" names no customer (google.directory is customers)`);
    return mapping.customer;
  }
  return config.google.customer;
}

function filterSources(filter: Filter | undefined, out: Set<string>): void {
  if (filter === undefined) return;
  if (!isClause(filter)) {
    for (const f of 'all' in filter ? filter.all : filter.any) filterSources(f, out);
    return;
  }
  if (filter.field.startsWith('customSchemas.')) out.add('customSchemas');
  const source = FILTER_FIELD_SOURCES[filter.field];
  if (source) out.add(source);
}

/** Top-level User fields the field maps of `mapping`'s import read, and whether they need `full`. */
function fieldMapSources(config: Config, mapping: Mapping, out: Set<string>): boolean {
  let full = false;
  for (const map of mapping.agent ? config.fields.agents : config.fields.users) {
    const path = parseSourcePath(map.from);
    if (!path) continue;
    if (path.kind === 'plain' || path.kind === 'boolean') out.add(path.field);
    else if (path.kind === 'name') out.add('name');
    else if (path.kind === 'organization') out.add('organizations');
    else if (path.kind === 'typed') out.add(path.list);
    else {
      out.add('customSchemas');
      full = true;
    }
  }
  return full;
}

function usersMask(sources: Set<string>): string {
  const inner = [...new Set([...BASE_USER_FIELDS, ...[...sources].sort()])];
  return `nextPageToken,users(${inner.join(',')})`;
}

/** `nextPageToken,users(a,b)` → `a,b`: the same mask for a single users.get. */
function singleUserMask(mask: string): string {
  return mask.replace(/^nextPageToken,users\((.*)\)$/, '$1');
}

interface Draft {
  customer: string;
  query?: string;
  mappings: string[];
  full: boolean;
  sources: Set<string>;
}

export function planReads(config: Config): ReadPlan {
  const byCustomer = new Map<string, Array<{ mapping: Mapping; query?: string; full: boolean; sources: Set<string> }>>();
  for (const mapping of config.mappings) {
    const customer = mappingCustomer(config, mapping);
    const pushed = pushdownFilter(mapping.filter);
    const sources = new Set<string>();
    filterSources(mapping.filter, sources);
    const full = fieldMapSources(config, mapping, sources) || pushed.needsFullProjection;
    const list = byCustomer.get(customer) ?? [];
    list.push({ mapping, query: pushed.query, full, sources });
    byCustomer.set(customer, list);
  }

  const drafts: Draft[] = [];
  for (const [customer, entries] of byCustomer) {
    const unfiltered = entries.some((e) => e.query === undefined);
    const byQuery = new Map<string, Draft>();
    for (const entry of entries) {
      const query = unfiltered ? undefined : entry.query;
      // Google's search ignores case, so `/Staff` and `/staff` are one read (the first spelling is kept).
      const key = query?.toLowerCase() ?? '*';
      let draft = byQuery.get(key);
      if (!draft) {
        draft = { customer, mappings: [], full: false, sources: new Set() };
        if (query !== undefined) draft.query = query;
        byQuery.set(key, draft);
        drafts.push(draft);
      }
      draft.mappings.push(entry.mapping.name);
      draft.full ||= entry.full;
      for (const s of entry.sources) draft.sources.add(s);
    }
  }

  const reads = drafts.map((d): PlannedUserRead => {
    const read: PlannedUserRead = {
      key: `${d.customer}|${d.query ?? '*'}`,
      customer: d.customer,
      mappings: d.mappings,
      projection: d.full ? 'full' : 'basic',
      fields: usersMask(d.sources),
    };
    if (d.query !== undefined) read.query = d.query;
    return read;
  });

  const groups = new Set<string>();
  for (const rule of [...config.roles, ...config.cabs]) groups.add(rule.group.toLowerCase());
  for (const mapping of config.mappings) groupsInFilter(mapping.filter, groups);

  const allSources = new Set(drafts.flatMap((d) => [...d.sources]));
  return {
    reads,
    groups: [...groups].sort(),
    lookup: { projection: drafts.some((d) => d.full) ? 'full' : 'basic', fields: singleUserMask(usersMask(allSources)) },
  };
}
