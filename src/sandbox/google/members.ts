/**
 * Group membership as members.list shows it. Seed members are resolved to directory users and
 * groups (by email, alias or id) to get their ids and status; members unknown to the seed are
 * external (their id is derived from their email, stable across runs). With
 * includeDerivedMembership, nested GROUP members and CUSTOMER members are expanded while the
 * originals stay listed; everyone is listed once (by type and id) and cycles stop at groups seen.
 */
import { createHash } from 'node:crypto';
import type { DirectoryUser } from '../../model/directory.js';
import type { SeedGroup, SeedGroupMember } from '../seed-types.js';
import type { DirectoryStore } from './directory.js';
import { fold } from './query/text.js';
import type { MemberEntry } from './resources.js';

/** A stable numeric-looking id for a member the seed does not know, like Google's 21-digit ids. */
export function externalId(email: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(fold(email)).digest('hex').slice(0, 16)}`).toString();
  return `1${digits.padStart(20, '0')}`.slice(0, 21);
}

export function userStatus(user: DirectoryUser): string {
  return user.suspended ? 'SUSPENDED' : user.archived ? 'ARCHIVED' : 'ACTIVE';
}

function resolve(store: DirectoryStore, member: SeedGroupMember): { entry: MemberEntry; group?: SeedGroup } {
  const role = member.role ?? 'MEMBER';
  const key = member.email ?? member.id ?? '';
  if (member.type === 'CUSTOMER') {
    const customer = store.findCustomer(member.id ?? member.email ?? '');
    return { entry: { id: customer?.id ?? key, role, type: 'CUSTOMER', status: member.status ?? 'ACTIVE' } };
  }
  if (member.type === 'GROUP') {
    const found = store.findGroup(key) ?? (member.id ? store.findGroup(member.id) : undefined);
    const entry: MemberEntry = {
      id: found?.group.id ?? member.id ?? externalId(key),
      email: found?.group.email ?? member.email,
      role,
      type: 'GROUP',
      status: member.status ?? 'ACTIVE',
    };
    return found ? { entry, group: found.group } : { entry };
  }
  const found = store.findUser(key) ?? (member.id ? store.findUser(member.id) : undefined);
  return {
    entry: {
      id: found?.user.id ?? member.id ?? externalId(key),
      email: found?.user.primaryEmail ?? member.email,
      role,
      type: 'USER',
      status: member.status ?? (found ? userStatus(found.user) : 'ACTIVE'),
    },
  };
}

/** Members in alphabetical order of email (case-insensitive); CUSTOMER members, which have none, last. */
export function listGroupMembers(store: DirectoryStore, root: SeedGroup, derived: boolean): MemberEntry[] {
  const byKey = new Map<string, MemberEntry>();
  const add = (entry: MemberEntry): void => {
    const key = `${entry.type}:${entry.id}`;
    if (!byKey.has(key)) byKey.set(key, entry);
  };
  const seenGroups = new Set<string>([root.id]);
  const seenCustomers = new Set<string>();
  const queue: SeedGroup[] = [root];
  while (queue.length > 0) {
    const group = queue.shift() as SeedGroup;
    for (const member of group.members ?? []) {
      const { entry, group: nested } = resolve(store, member);
      add(entry);
      if (!derived) continue;
      if (nested && !seenGroups.has(nested.id)) {
        seenGroups.add(nested.id);
        queue.push(nested);
      }
      if (entry.type === 'CUSTOMER' && !seenCustomers.has(entry.id)) {
        seenCustomers.add(entry.id);
        for (const user of store.findCustomer(entry.id)?.live ?? []) {
          add({ id: user.id, email: user.primaryEmail, role: 'MEMBER', type: 'USER', status: userStatus(user) });
        }
      }
    }
  }
  const sortKey = (m: MemberEntry): string => (m.email === undefined ? '\uffff' : fold(m.email));
  return [...byKey.values()].sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** The folded keys (id, emails, aliases) that name a user or group, for memberKey / userKey lookups. */
export function keysNaming(store: DirectoryStore, key: string): Set<string> {
  const keys = new Set([fold(key)]);
  const user = store.findUser(key)?.user;
  if (user) for (const k of [user.id, user.primaryEmail, ...(user.aliases ?? []), ...(user.nonEditableAliases ?? [])]) keys.add(fold(k));
  const group = store.findGroup(key)?.group;
  if (group) for (const k of [group.id, group.email, ...(group.aliases ?? [])]) keys.add(fold(k));
  return keys;
}

export function isDirectMember(group: SeedGroup, keys: ReadonlySet<string>): boolean {
  return (group.members ?? []).some(
    (m) => (m.email !== undefined && keys.has(fold(m.email))) || (m.id !== undefined && keys.has(fold(m.id))),
  );
}
