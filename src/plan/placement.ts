/**
 * Which mapping places a person in an import. First mapping wins, in config order. A mapping's
 * candidates are the people its reads returned; linked people and people found by a direct lookup
 * are evaluated against every mapping of their customer "as if read" (Google's search index lags,
 * the user record does not). The mapping's filter is always re-checked here, never trusted to the
 * server.
 */
import type { Config, Mapping } from '../config/types.js';
import type { ImportKind } from '../fields/halo-fields.js';
import { evaluateFilter, groupsInFilter, traceFilter, type FilterTrace, type GroupIndex } from '../filter/evaluate.js';
import { groupSource, type DirectoryView, type Person } from './directory-view.js';
import type { UncertainSource } from './holds.js';

export interface ScopeMapping {
  mapping: Mapping;
  /** Position in `config.mappings` (for config pointers). */
  index: number;
  /** Customer the mapping reads; null in `own` mode (one directory, always matches). */
  customer: string | null;
  readKeys: ReadonlySet<string>;
  /** Incomplete reads serving the mapping (or the mapping had no read at all). */
  readSources: UncertainSource[];
  /** Groups its filter names that were not read whole. */
  groupSources: UncertainSource[];
  /** Membership with the uncertain groups assumed: an upper bound of who could be in scope. */
  optimistic: GroupIndex | null;
}

export function importOf(mapping: Mapping): ImportKind {
  return mapping.agent === true ? 'agents' : 'users';
}

export function scopeMappings(config: Config, view: DirectoryView, reads: ReadonlyArray<{ key: string; mappings: string[] }>, kind: ImportKind): ScopeMapping[] {
  const out: ScopeMapping[] = [];
  config.mappings.forEach((mapping, index) => {
    if (importOf(mapping) !== kind) return;
    if (kind === 'users' && mapping.site === undefined) return;
    const readKeys = new Set(reads.filter((r) => r.mappings.includes(mapping.name)).map((r) => r.key));
    const readSources = [...readKeys, ...(readKeys.size === 0 ? [null] : [])]
      .map((key) => view.sources.get(key === null ? `mapping:${mapping.name}` : `read:${key}`))
      .filter((s): s is UncertainSource => s !== undefined);
    const groupSources = [...groupsInFilter(mapping.filter)]
      .map((email) => groupSource(view, email))
      .filter((s): s is UncertainSource => s !== undefined);
    for (const source of [...readSources, ...groupSources]) source.usedBy.add(`mapping ${mapping.name}`);
    const uncertainGroups = new Set(groupSources.map((s) => s.key.slice('group:'.length)));
    const optimistic: GroupIndex | null = groupSources.length === 0 ? null : {
      get: (email) => view.groups.get(email),
      isMember: (email, user) => uncertainGroups.has(email.toLowerCase()) || view.groups.isMember(email, user),
    };
    const customer = config.google.directory === 'customers' ? (mapping.customer ?? config.google.customer) : null;
    out.push({ mapping, index, customer, readKeys, readSources, groupSources, optimistic });
  });
  return out;
}

export function customerMatches(m: ScopeMapping, person: Person): boolean {
  if (m.customer === null) return true;
  return person.customers.has(m.customer);
}

/** Whether the mapping considers this person at all (before its filter). */
export function isCandidate(m: ScopeMapping, person: Person, linked: boolean): boolean {
  if (!customerMatches(m, person)) return false;
  if (linked || person.source === 'lookup') return true;
  for (const key of person.readKeys) if (m.readKeys.has(key)) return true;
  return false;
}

export function isUncertain(m: ScopeMapping): boolean {
  return m.readSources.length > 0 || m.groupSources.length > 0;
}

/** Could the person be in this uncertain mapping's scope although we did not see them there? */
function possiblyIn(m: ScopeMapping, person: Person, candidate: boolean): boolean {
  if (!customerMatches(m, person)) return false;
  if (m.readSources.length > 0) return true;
  return candidate && m.optimistic !== null && evaluateFilter(m.mapping.filter, person.user, m.optimistic);
}

export interface Placement {
  mapping: ScopeMapping | null;
  /** Uncertain mappings before the placing one (or any, when unplaced) that might hold the person. */
  heldBy: readonly ScopeMapping[];
}

const NOT_HELD: readonly ScopeMapping[] = Object.freeze([]);
/** Most people are placed by nothing in an import (the other import's people): one shared answer. */
const UNPLACED: Placement = Object.freeze({ mapping: null, heldBy: NOT_HELD });

interface CustomerIndex {
  /** Mappings by customer (`null`: own mode, every person), each list in config order. */
  byCustomer: Map<string | null, ScopeMapping[]>;
  /** mappingsFor's answer per customer set (people share their customer sets, see Person). */
  byCustomers: Map<ReadonlySet<string>, readonly ScopeMapping[]>;
}

const indexCache = new WeakMap<readonly ScopeMapping[], CustomerIndex>();

function customerIndex(mappings: readonly ScopeMapping[]): CustomerIndex {
  let index = indexCache.get(mappings);
  if (!index) {
    index = { byCustomer: new Map(), byCustomers: new Map() };
    for (const m of mappings) {
      const list = index.byCustomer.get(m.customer) ?? [];
      list.push(m);
      index.byCustomer.set(m.customer, list);
    }
    indexCache.set(mappings, index);
  }
  return index;
}

/**
 * The mappings of the person's customers (and own-mode ones), in config order: a mapping of
 * another customer can neither place nor hold them (see customerMatches), and checking every
 * mapping for every person cost people × mappings (an MSP with many customers has many mappings).
 * Computed once per customer set: people with the same reads and customer share one.
 */
function mappingsFor(person: Person, mappings: readonly ScopeMapping[]): readonly ScopeMapping[] {
  const index = customerIndex(mappings);
  let found = index.byCustomers.get(person.customers);
  if (!found) {
    const lists: ScopeMapping[][] = [];
    const own = index.byCustomer.get(null);
    if (own) lists.push(own);
    for (const customer of person.customers) {
      const list = index.byCustomer.get(customer);
      if (list) lists.push(list);
    }
    found = lists.length === 1 ? (lists[0] as ScopeMapping[]) : lists.flat().sort((a, b) => a.index - b.index);
    index.byCustomers.set(person.customers, found);
  }
  return found;
}

export function place(person: Person, mappings: readonly ScopeMapping[], linked: boolean, view: DirectoryView): Placement {
  let heldBy: ScopeMapping[] | null = null;
  for (const m of mappingsFor(person, mappings)) {
    const candidate = isCandidate(m, person, linked);
    if (candidate && evaluateFilter(m.mapping.filter, person.user, view.groups)) return { mapping: m, heldBy: heldBy ?? NOT_HELD };
    if (isUncertain(m) && possiblyIn(m, person, candidate)) (heldBy ??= []).push(m);
  }
  return heldBy === null ? UNPLACED : { mapping: null, heldBy };
}

export interface MappingTrace {
  mapping: string;
  customer: string | null;
  /** Whether the mapping considered the person (right customer, returned by its read, or linked). */
  candidate: boolean;
  trace: FilterTrace;
  matched: boolean;
  /** Why the mapping's scope is uncertain, if it is. */
  uncertain: string[];
}

export function traceMappings(person: Person, mappings: readonly ScopeMapping[], linked: boolean, view: DirectoryView): MappingTrace[] {
  return mappings.map((m) => {
    const candidate = isCandidate(m, person, linked);
    const trace = traceFilter(m.mapping.filter, person.user, view.groups);
    return {
      mapping: m.mapping.name,
      customer: m.customer,
      candidate,
      trace,
      matched: candidate && trace.result,
      uncertain: [...m.readSources, ...m.groupSources].map((s) => `${s.subject}: ${s.problem}`),
    };
  });
}
