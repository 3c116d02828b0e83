/**
 * Identity: which Halo record is a person's. First by the Google id halo-sync stored in the record
 * (its ownership mark), else by the configured matching keys in order. Only records without a
 * Google id are candidates; more than one candidate is an ambiguity and is never guessed.
 */
import type { MatchKey } from '../config/types.js';
import type { DirectoryUser } from '../model/directory.js';
import { foldEmail, nameKey, recordIdentity, type RecordIdentity } from './text.js';

/** A Halo user or agent as the planner sees it. */
export interface HaloRecord {
  id: number;
  [field: string]: unknown;
}

export interface RecordIndex {
  /** Records carrying a Google id, by that id (more than one is a duplicate link). */
  linked: Map<string, HaloRecord[]>;
  /** Records without a Google id (unlinked or foreign), by folded email and by name key. */
  byEmail: Map<string, HaloRecord[]>;
  byName: Map<string, HaloRecord[]>;
  identity: Map<number, RecordIdentity>;
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

export function indexRecords(records: readonly HaloRecord[], idField: string, emailField: string): RecordIndex {
  const index: RecordIndex = { linked: new Map(), byEmail: new Map(), byName: new Map(), identity: new Map() };
  for (const record of records) {
    const identity = recordIdentity(record, idField);
    index.identity.set(record.id, identity);
    if (identity.kind === 'google') {
      push(index.linked, identity.googleId, record);
      continue;
    }
    const email = foldEmail(record[emailField]);
    if (email !== '') push(index.byEmail, email, record);
    const name = recordNameKey(record);
    if (name !== '') push(index.byName, name, record);
  }
  return index;
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

export function matchPerson(user: DirectoryUser, index: RecordIndex, keys: readonly MatchKey[]): MatchOutcome {
  const linked = index.linked.get(user.id);
  if (linked) return linked.length === 1 ? { kind: 'id', record: linked[0] as HaloRecord } : { kind: 'duplicate-link', records: byId(linked) };
  for (const key of keys) {
    const wanted = key === 'email' ? foldEmail(user.primaryEmail) : personNameKey(user);
    if (wanted === '') continue;
    const found = (key === 'email' ? index.byEmail : index.byName).get(wanted);
    if (!found || found.length === 0) continue;
    if (found.length > 1) return { kind: 'ambiguous', key, candidates: byId(found) };
    const record = found[0] as HaloRecord;
    const identity = index.identity.get(record.id);
    if (identity?.kind === 'foreign') return { kind: 'foreign', key, record, value: identity.value };
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
