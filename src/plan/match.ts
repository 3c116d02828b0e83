/**
 * Identity: which Halo record is a person's. First by the Google id halo-sync stored in the record
 * (its ownership mark), else by the configured matching keys in order. Only records without a
 * Google id are candidates; more than one candidate is an ambiguity and is never guessed.
 */
import type { MatchKey } from '../config/types.js';
import type { DirectoryUser } from '../model/directory.js';
import { foldEmail, identityValue, isGoogleId, nameKey, recordIdentity, type RecordIdentity } from './text.js';

/** A Halo user or agent as the planner sees it. */
export interface HaloRecord {
  id: number;
  [field: string]: unknown;
}

/**
 * The records carrying one Google id. One almost always (`more` is null); several are a duplicate
 * link. `seen` is set by planImport when a person with this id is in the directory view, so the
 * linked records nobody was seen for are found without a second lookup per person.
 */
export interface LinkedRecords {
  first: HaloRecord;
  more: HaloRecord[] | null;
  seen: boolean;
}

/** Every record carrying the Google id, in snapshot order. */
export function linkedList(linked: LinkedRecords): HaloRecord[] {
  return linked.more === null ? [linked.first] : [linked.first, ...linked.more];
}

export interface RecordIndex {
  /** Records carrying a Google id, by that id (more than one is a duplicate link). */
  linked: Map<string, LinkedRecords>;
  /** Records without a Google id (unlinked or foreign), by folded email and by name key. */
  byEmail: Map<string, HaloRecord[]>;
  byName: Map<string, HaloRecord[]>;
  /** Halo id → the value in the id field that belongs to another integration (its last record per id). */
  foreign: Map<number, string>;
  /** Distinct Halo ids whose (last) record carries a Google id: the records halo-sync manages. */
  managed: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function recordNameKey(record: HaloRecord): string {
  return nameKey(record.firstname, record.surname) || nameKey(record.name);
}

export function personNameKey(user: DirectoryUser): string {
  return nameKey(user.name?.givenName, user.name?.familyName) || nameKey(user.name?.fullName);
}

/**
 * One pass over the records, allocating only for what matching needs: no identity object per
 * record (a record's identity is only asked for matched unlinked records and for the managed
 * count). Records come sorted by id from the readers; an id seen twice (never from the readers)
 * takes the slow path, where the last record of an id decides its identity, as a map by id would.
 */
export function indexRecords(records: readonly HaloRecord[], idField: string, emailField: string): RecordIndex {
  const index: RecordIndex = { linked: new Map(), byEmail: new Map(), byName: new Map(), foreign: new Map(), managed: 0 };
  let ascending = true;
  let previousId = -Infinity;
  for (const record of records) {
    if (!(record.id > previousId)) ascending = false;
    previousId = record.id;
    const value = identityValue(record, idField);
    if (value !== '' && isGoogleId(value)) {
      index.managed += 1;
      const known = index.linked.get(value);
      if (!known) index.linked.set(value, { first: record, more: null, seen: false });
      else (known.more ??= []).push(record);
      continue;
    }
    if (value !== '') index.foreign.set(record.id, value);
    const email = foldEmail(record[emailField]);
    if (email !== '') push(index.byEmail, email, record);
    const name = recordNameKey(record);
    if (name !== '') push(index.byName, name, record);
  }
  if (!ascending) lastIdentityPerId(records, idField, index);
  return index;
}

/** Ids not unique or not sorted: identity by the last record of each id (a map by Halo id). */
function lastIdentityPerId(records: readonly HaloRecord[], idField: string, index: RecordIndex): void {
  const identity = new Map<number, RecordIdentity>();
  for (const record of records) identity.set(record.id, recordIdentity(record, idField));
  index.foreign.clear();
  index.managed = 0;
  for (const [id, it] of identity) {
    if (it.kind === 'google') index.managed += 1;
    else if (it.kind === 'foreign') index.foreign.set(id, it.value);
  }
}

/** Snapshot order must not leak into messages: candidates are listed by Halo id. */
export function byId(records: readonly HaloRecord[]): HaloRecord[] {
  return [...records].sort((a, b) => a.id - b.id);
}

export type MatchOutcome =
  | { kind: 'id'; record: HaloRecord }
  | { kind: 'duplicate-link'; records: HaloRecord[] }
  | { kind: 'matched'; key: MatchKey; record: HaloRecord }
  | { kind: 'foreign'; key: MatchKey; record: HaloRecord; value: string }
  | { kind: 'ambiguous'; key: MatchKey; candidates: HaloRecord[]; claimedWith?: string[] }
  | { kind: 'none'; tried: readonly MatchKey[] };

/** `linked`: the index's entry for the person's id, when the caller looked it up already. */
export function matchPerson(user: DirectoryUser, index: RecordIndex, keys: readonly MatchKey[], linked: LinkedRecords | undefined = index.linked.get(user.id)): MatchOutcome {
  if (linked) return linked.more === null ? { kind: 'id', record: linked.first } : { kind: 'duplicate-link', records: byId(linkedList(linked)) };
  for (const key of keys) {
    const wanted = key === 'email' ? foldEmail(user.primaryEmail) : personNameKey(user);
    if (wanted === '') continue;
    const found = (key === 'email' ? index.byEmail : index.byName).get(wanted);
    if (!found || found.length === 0) continue;
    if (found.length > 1) return { kind: 'ambiguous', key, candidates: byId(found) };
    const record = found[0] as HaloRecord;
    const foreign = index.foreign.get(record.id);
    if (foreign !== undefined) return { kind: 'foreign', key, record, value: foreign };
    return { kind: 'matched', key, record };
  }
  return { kind: 'none', tried: keys };
}

/**
 * The same unlinked record as the single candidate of two people is an ambiguity too: linking it
 * to either would be a guess. Rewrites those outcomes in place.
 */
export function resolveClaims(entries: ReadonlyArray<{ email: string; outcome: MatchOutcome }>): void {
  const claims = new Map<number, Array<{ email: string; outcome: MatchOutcome }>>();
  for (const entry of entries) {
    if (entry.outcome.kind === 'matched') push(claims, entry.outcome.record.id, entry);
  }
  for (const claimants of claims.values()) {
    if (claimants.length < 2) continue;
    for (const entry of claimants) {
      if (entry.outcome.kind !== 'matched') continue;
      const others = claimants.filter((c) => c !== entry).map((c) => c.email).sort();
      entry.outcome = { kind: 'ambiguous', key: entry.outcome.key, candidates: [entry.outcome.record], claimedWith: others };
    }
  }
}
