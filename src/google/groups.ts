/**
 * Transitive group membership, expanded by halo-sync itself: members.list (200 a page) for each
 * named group, then recursively for every GROUP member. includeDerivedMembership is not used (GAM
 * calls its results inconsistent). Each group's direct members are read once per run, however
 * many times it is reached, and a cycle is cut at the first repeat.
 *
 * Anything short of a full answer marks the group incomplete (a failed page, a nested group that
 * cannot be read, the group itself not found): downstream, nobody loses a role or a seat because
 * of an incomplete group.
 */
import { ApiError } from '../diagnostics/errors.js';
import type { GroupMembers } from '../model/directory.js';
import { isInvalidAnswer } from './answers.js';
import type { DirectoryClient, GroupMember } from './client.js';
import { mapPool } from './pool.js';
import type { ReadDigest } from './read-digest.js';

const MEMBERS_FIELDS = 'nextPageToken,members(id,email,type,status)';

interface DirectMembers {
  found: boolean;
  complete: boolean;
  error?: string;
  members: GroupMember[];
}

export interface GroupReadHooks {
  /** Called after every members.list page. */
  onPage?: () => void;
  /** Called after each named group is fully expanded. */
  onGroup?: () => void;
  /** Hashes every members.list read as it arrives (DirectorySnapshot.readDigest). */
  digest?: ReadDigest;
}

async function readDirectMembers(client: DirectoryClient, key: string, hooks: GroupReadHooks): Promise<DirectMembers> {
  const running = hooks.digest?.start('members', key);
  const result = await readPages(client, key, hooks, running?.page);
  running?.done({ found: result.found, complete: result.complete, error: result.error });
  return result;
}

async function readPages(client: DirectoryClient, key: string, hooks: GroupReadHooks, onData: ((members: unknown) => void) | undefined): Promise<DirectMembers> {
  const members: GroupMember[] = [];
  const seenTokens = new Set<string>();
  let pageToken: string | undefined;
  do {
    try {
      const page = await client.listMembers(key, { pageToken, fields: MEMBERS_FIELDS });
      hooks.onPage?.();
      onData?.(page.members);
      members.push(...page.members);
      pageToken = page.nextPageToken;
    } catch (error) {
      if (isInvalidAnswer(error)) throw error; // malformed, not partial: the run stops (answers.ts)
      const message = error instanceof Error ? error.message : String(error);
      const notFound = error instanceof ApiError && error.status === 404 && members.length === 0;
      return { found: !notFound, complete: false, error: notFound ? `group ${key} not found: ${message}` : message, members };
    }
    if (pageToken !== undefined) {
      if (seenTokens.has(pageToken)) {
        return { found: true, complete: false, error: `group ${key}: Google returned the same page token twice; members read so far are kept`, members };
      }
      seenTokens.add(pageToken);
    }
  } while (pageToken !== undefined);
  return { found: true, complete: true, members };
}

function memberGroupKey(member: GroupMember): string | undefined {
  return (member.email ?? member.id)?.toLowerCase();
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Expands each group (lower-cased email) into its transitive members. Results sorted by email. */
export async function expandGroups(
  client: DirectoryClient,
  emails: readonly string[],
  options: GroupReadHooks & { concurrency?: number } = {},
): Promise<GroupMembers[]> {
  // One read per group per run, shared by every expansion that reaches it (even concurrently).
  const cache = new Map<string, Promise<DirectMembers>>();
  const direct = (key: string): Promise<DirectMembers> => {
    let entry = cache.get(key);
    if (!entry) {
      entry = readDirectMembers(client, key, options);
      cache.set(key, entry);
    }
    return entry;
  };

  async function expand(email: string): Promise<GroupMembers> {
    const top = email.toLowerCase();
    const ids = new Set<string>();
    const userEmails = new Set<string>();
    const customers = new Set<string>();
    const errors: string[] = [];
    const visited = new Set<string>();
    const pending = [top];
    let found = true;
    while (pending.length > 0) {
      const key = pending.pop() as string;
      if (visited.has(key)) continue; // a cycle or a diamond: already counted
      visited.add(key);
      const result = await direct(key);
      if (key === top) found = result.found;
      if (!result.complete && result.error) errors.push(key === top ? result.error : `nested group ${key}: ${result.error}`);
      for (const member of result.members) {
        if (member.type === 'GROUP') {
          const nested = memberGroupKey(member);
          if (nested) pending.push(nested);
        } else if (member.type === 'CUSTOMER') {
          // "Everyone in the domain": no email; the id is the customer id.
          if (member.id) customers.add(member.id);
        } else {
          // USER (and EXTERNAL, which Google documents as unused but shows external people as USER).
          if (member.id && member.type === 'USER') ids.add(member.id);
          if (member.email) userEmails.add(member.email.toLowerCase());
        }
      }
    }
    const group: GroupMembers = {
      email: top,
      found,
      complete: errors.length === 0,
      userIds: sorted(ids),
      userEmails: sorted(userEmails),
      customers: sorted(customers),
    };
    if (errors.length > 0) group.error = errors.join('; ');
    options.onGroup?.();
    return group;
  }

  const unique = sorted(new Set(emails.map((e) => e.toLowerCase())));
  return mapPool(unique, options.concurrency ?? 4, expand);
}
