/**
 * What halo-sync read from Google's Directory API. Produced by src/google, consumed by the pure
 * planner. Field names follow Google's User resource (admin#directory#user), trimmed to what
 * halo-sync uses; unknown fields may be present and are ignored.
 */

export interface DirectoryUser {
  /** Google's immutable user id (numeric string). */
  id: string;
  primaryEmail: string;
  customerId?: string;
  name?: { givenName?: string; familyName?: string; fullName?: string; displayName?: string };
  orgUnitPath?: string;
  suspended?: boolean;
  archived?: boolean;
  isAdmin?: boolean;
  aliases?: string[];
  nonEditableAliases?: string[];
  emails?: Array<{ address?: string; type?: string; customType?: string; primary?: boolean }>;
  phones?: Array<{ value?: string; type?: string; customType?: string; primary?: boolean }>;
  organizations?: Array<{
    name?: string;
    title?: string;
    department?: string;
    costCenter?: string;
    description?: string;
    location?: string;
    primary?: boolean;
    type?: string;
    customType?: string;
  }>;
  externalIds?: Array<{ value?: string; type?: string; customType?: string }>;
  relations?: Array<{ value?: string; type?: string; customType?: string }>;
  addresses?: Array<{ type?: string; formatted?: string; primary?: boolean; [k: string]: unknown }>;
  locations?: Array<{ type?: string; buildingId?: string; floorName?: string; area?: string; [k: string]: unknown }>;
  recoveryEmail?: string;
  recoveryPhone?: string;
  /** Only present when read with projection=full (or custom): `{ Schema: { field: value } }`. */
  customSchemas?: Record<string, Record<string, unknown>>;
}

/**
 * One users.list read that served one or more mappings (mappings whose scopes coincide share it).
 * `complete: false` means some page failed after retries or the customer refused: nothing
 * downstream may treat people missing from this read as gone.
 */
export interface ScopeRead {
  /** Stable key of the read, e.g. `my_customer|orgUnitPath='/Staff'`. */
  key: string;
  /** Names of the mappings this read serves, in config order. */
  mappings: string[];
  customer: string;
  /** The Google `query` pushed down, if any. */
  query?: string;
  complete: boolean;
  /** Why the read is incomplete (ApiError message, includes the customer id). */
  error?: string;
  /** Ids of the users returned (before the local filter re-check), sorted. */
  userIds: string[];
}

/**
 * Transitive membership of one group (nested groups expanded, cycles cut).
 * `customers` lists customer ids added as a CUSTOMER member: everyone in those customers belongs.
 */
export interface GroupMembers {
  /** Group email, lower-cased: the key config rules use. */
  email: string;
  id?: string;
  /** false when the group does not exist (Google answered 404). */
  found: boolean;
  complete: boolean;
  error?: string;
  /** Transitive USER members' ids, sorted. */
  userIds: string[];
  /** Transitive USER members' emails, lower-cased and sorted (members may live outside the reads). */
  userEmails: string[];
  customers: string[];
}

/**
 * A direct users.get of a linked person who was missing from the filtered reads (Google's search
 * index can lag up to 36 hours). `notFound`: deleted in Google. `error`: unknown, so never treat
 * them as gone.
 */
export interface DirectLookup {
  googleId: string;
  status: 'found' | 'notFound' | 'error';
  user?: DirectoryUser;
  error?: string;
}

export interface DirectorySnapshot {
  /** Every user any read returned, deduplicated by id, sorted by id. */
  users: DirectoryUser[];
  reads: ScopeRead[];
  /** Keyed by lower-cased group email. */
  groups: GroupMembers[];
  lookups: DirectLookup[];
  /**
   * `sha256:…` of what the reader read, computed as it read (src/google/read-digest.ts): one
   * running hash per users.list read (its pages' users in page order, then its outcome) and per
   * members.list read of a group (its pages' members, then its outcome), combined in key order, so
   * concurrent reads finishing in any order give the same digest. Covers `users`, `reads` and
   * `groups`, not `lookups` (the app adds those after reading; the plan's snapshot digest hashes
   * them itself). Optional: a snapshot built by hand has none and the plan digests its content
   * instead (src/plan/digest.ts). Code that changes `users`, `reads` or `groups` after reading
   * must delete it.
   */
  readDigest?: string;
}
