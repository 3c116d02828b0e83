/**
 * The people the planner reasons about, indexed once: everyone a read returned, plus linked people
 * found by a direct lookup (Google's search index lags, so a filtered read can miss them). Also the
 * sources of uncertainty: reads that did not complete and groups that were not read whole.
 */
import type { Config } from '../config/types.js';
import type { DirectLookup, DirectorySnapshot, DirectoryUser } from '../model/directory.js';
import { groupIndex, groupsInFilter, type GroupIndex } from '../filter/evaluate.js';
import type { UncertainSource } from './holds.js';

export const OWN_CUSTOMER = 'my_customer';

export interface Person {
  id: string;
  user: DirectoryUser;
  email: string;
  source: 'read' | 'lookup';
  /** Keys of the reads that returned this person (one array shared by everyone the same reads returned). */
  readKeys: readonly string[];
  /** Incomplete reads among them (`read:<key>` sources), in readKeys order; shared like readKeys. */
  readSources: readonly UncertainSource[];
  /**
   * Customer ids this person belongs to, including `my_customer` when it is the own directory
   * (empty in `own` mode). One set shared by everyone with the same reads and customer id: never
   * to be changed.
   */
  customers: ReadonlySet<string>;
}

export interface DirectoryView {
  persons: Map<string, Person>;
  /** Direct lookups by Google id (only `notFound` and `error` matter once persons are built). */
  lookups: Map<string, DirectLookup>;
  groups: GroupIndex;
  /** Uncertain sources by key (`read:…`, `group:…`, `mapping:…`). */
  sources: Map<string, UncertainSource>;
}

const NO_CUSTOMERS: ReadonlySet<string> = new Set();
const NO_KEYS: readonly string[] = [];
const NO_SOURCES: readonly UncertainSource[] = [];

/**
 * Per-person values that depend only on (reads that returned them, their customer id), computed
 * once per combination: a directory has a handful of combinations and ~100k people.
 */
class Combinations {
  private readonly sourcesByKeys = new Map<readonly string[], readonly UncertainSource[]>();
  private readonly customersByKeys = new Map<readonly string[], Map<string | undefined, ReadonlySet<string>>>();

  constructor(
    private readonly sources: Map<string, UncertainSource>,
    private readonly customersOf: (customerId: string | undefined, readKeys: readonly string[]) => ReadonlySet<string>,
  ) {}

  readSources(readKeys: readonly string[]): readonly UncertainSource[] {
    let list = this.sourcesByKeys.get(readKeys);
    if (!list) {
      const found = readKeys.map((key) => this.sources.get(`read:${key}`)).filter((s): s is UncertainSource => s !== undefined);
      list = found.length === 0 ? NO_SOURCES : found;
      this.sourcesByKeys.set(readKeys, list);
    }
    return list;
  }

  customers(customerId: string | undefined, readKeys: readonly string[]): ReadonlySet<string> {
    let byCustomer = this.customersByKeys.get(readKeys);
    if (!byCustomer) this.customersByKeys.set(readKeys, (byCustomer = new Map()));
    let set = byCustomer.get(customerId);
    if (!set) byCustomer.set(customerId, (set = this.customersOf(customerId, readKeys)));
    return set;
  }
}

export function buildDirectoryView(config: Config, directory: DirectorySnapshot): DirectoryView {
  // Everyone in the snapshot by id (the last record of an id, as a map by id keeps it); the reads
  // then add their keys, and whoever no read returned is dropped. One map, one lookup per read
  // person (building people from the reads needed a second map from id to user).
  const persons = new Map<string, Person>();
  for (const user of directory.users) {
    persons.set(user.id, { id: user.id, user, email: user.primaryEmail, source: 'read', readKeys: NO_KEYS, readSources: NO_SOURCES, customers: NO_CUSTOMERS });
  }
  const reads = [...directory.reads].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const sources = uncertainSources(config, directory, reads);

  // Most people come back from the same reads: they share one keys array per combination.
  const extended = new Map<readonly string[], string[]>();
  for (const read of reads) {
    const single = [read.key];
    extended.clear();
    for (const id of read.userIds) {
      const person = persons.get(id);
      if (!person) continue;
      const before = person.readKeys;
      if (before === NO_KEYS) {
        person.readKeys = single;
        continue;
      }
      let combo = extended.get(before);
      if (!combo) extended.set(before, (combo = [...before, read.key]));
      person.readKeys = combo;
    }
  }

  // Customer matching only matters when reading customers' directories.
  const customersMode = config.google.directory === 'customers';
  const customerOfRead = new Map(reads.map((r) => [r.key, r.customer]));
  const ownCustomerIds = new Set<string>();
  if (customersMode) {
    for (const read of reads) {
      if (read.customer !== OWN_CUSTOMER) continue;
      for (const id of read.userIds) {
        const customerId = persons.get(id)?.user.customerId;
        if (customerId) ownCustomerIds.add(customerId);
      }
    }
  }
  const explicitCustomers = new Set(config.mappings.map((m) => m.customer).filter((c): c is string => !!c && c !== OWN_CUSTOMER));
  const customersOf = (customerId: string | undefined, readKeys: readonly string[]): ReadonlySet<string> => {
    if (!customersMode) return NO_CUSTOMERS;
    const set = new Set(readKeys.map((k) => customerOfRead.get(k) ?? ''));
    if (customerId) set.add(customerId);
    // `my_customer` is an alias: a user is in it when their customer id is the one the own reads
    // returned, or (nothing known about it) when no mapping names their customer explicitly.
    const own = customerId === undefined || ownCustomerIds.has(customerId) ||
      (ownCustomerIds.size === 0 && !explicitCustomers.has(customerId));
    if (own) set.add(OWN_CUSTOMER);
    return set;
  };
  const combinations = new Combinations(sources, customersOf);
  // One pass: drop whoever no read returned, give the rest their combination's values. People
  // come in runs of the same reads and customer: the last answer is reused without a lookup.
  let lastKeys: readonly string[] | null = null;
  let lastCustomerId: string | undefined;
  let lastSources = NO_SOURCES;
  let lastCustomers = NO_CUSTOMERS;
  for (const person of persons.values()) {
    const keys = person.readKeys;
    if (keys === NO_KEYS) {
      persons.delete(person.id);
      continue;
    }
    const customerId = person.user.customerId;
    if (keys !== lastKeys || customerId !== lastCustomerId) {
      lastKeys = keys;
      lastCustomerId = customerId;
      lastSources = combinations.readSources(keys);
      lastCustomers = combinations.customers(customerId, keys);
    }
    person.readSources = lastSources;
    person.customers = lastCustomers;
  }

  const lookups = new Map<string, DirectLookup>();
  for (const lookup of directory.lookups) {
    lookups.set(lookup.googleId, lookup);
    if (lookup.status !== 'found' || !lookup.user || persons.has(lookup.googleId)) continue;
    const user = lookup.user;
    persons.set(lookup.googleId, { id: lookup.googleId, user, email: user.primaryEmail, source: 'lookup', readKeys: NO_KEYS, readSources: NO_SOURCES, customers: combinations.customers(user.customerId, NO_KEYS) });
  }

  return { persons, lookups, groups: groupIndex(directory.groups), sources };
}

function uncertainSources(config: Config, directory: DirectorySnapshot, reads: DirectorySnapshot['reads']): Map<string, UncertainSource> {
  const sources = new Map<string, UncertainSource>();
  const add = (source: Omit<UncertainSource, 'usedBy'>) => sources.set(source.key, { ...source, usedBy: new Set() });
  for (const read of reads) {
    if (read.complete) continue;
    add({ key: `read:${read.key}`, code: 'incomplete-read', subject: `directory read "${read.key}" (customer ${read.customer})`, problem: read.error ?? 'the read did not complete' });
  }
  const served = new Set(reads.flatMap((r) => r.mappings));
  for (const mapping of config.mappings) {
    if (served.has(mapping.name)) continue;
    add({ key: `mapping:${mapping.name}`, code: 'incomplete-read', subject: `mapping "${mapping.name}"`, problem: 'no directory read served it' });
  }
  const named = new Set<string>();
  for (const mapping of config.mappings) groupsInFilter(mapping.filter, named);
  for (const rule of [...config.roles, ...config.cabs]) named.add(rule.group.toLowerCase());
  const byEmail = new Map(directory.groups.map((g) => [g.email.toLowerCase(), g]));
  for (const email of named) {
    const group = byEmail.get(email);
    const key = `group:${email}`;
    if (!group) add({ key, code: 'incomplete-read', subject: `group ${email}`, problem: 'its members were not read' });
    else if (!group.found) add({ key, code: 'group-not-found', subject: `group ${email}`, problem: 'Google has no such group' });
    else if (!group.complete) add({ key, code: 'incomplete-read', subject: `group ${email}`, problem: group.error ?? 'its member list did not complete' });
  }
  return sources;
}

/** The uncertain source for a group email, if its membership cannot be trusted for removals. */
export function groupSource(view: DirectoryView, email: string): UncertainSource | undefined {
  return view.sources.get(`group:${email.toLowerCase()}`);
}
