/**
 * groups.list `query` (Google's search-groups syntax): `email` and `name` with `=` or `:prefix*`,
 * and `memberKey=` (groups where that user or group is a direct member), which cannot be combined
 * with `email` or `name`. Same quoting and implicit AND as the users search; case-insensitive.
 */
import type { SeedGroup } from '../../seed-types.js';
import { scanQuery } from './scan.js';
import { equalsFolded, startsWithAtWord } from './text.js';

export type GroupQueryClause =
  | { kind: 'text'; field: 'email' | 'name'; op: '=' | 'prefix'; value: string }
  | { kind: 'member'; memberKey: string };

export type GroupQueryParse = { ok: true; clauses: GroupQueryClause[] } | { ok: false; message: string };

export function parseGroupQuery(query: string): GroupQueryParse {
  const scanned = scanQuery(query);
  if (!scanned.ok) return scanned;
  const clauses: GroupQueryClause[] = [];
  for (const raw of scanned.clauses) {
    if (raw.field === null) return { ok: false, message: 'group search needs a field (email, name or memberKey)' };
    if (raw.range) return { ok: false, message: `${raw.field} does not support ranges` };
    if (raw.field === 'memberKey') {
      if (raw.op !== '=' || raw.prefix) return { ok: false, message: 'memberKey supports only =' };
      clauses.push({ kind: 'member', memberKey: raw.value });
    } else if (raw.field === 'email' || raw.field === 'name') {
      if (raw.op === '=' && !raw.prefix) clauses.push({ kind: 'text', field: raw.field, op: '=', value: raw.value });
      else if (raw.op === ':' && raw.prefix) clauses.push({ kind: 'text', field: raw.field, op: 'prefix', value: raw.value });
      else return { ok: false, message: `${raw.field} supports = and :prefix* only` };
    } else {
      return { ok: false, message: `unknown group search field ${raw.field}` };
    }
  }
  const hasMember = clauses.some((c) => c.kind === 'member');
  if (hasMember && clauses.some((c) => c.kind === 'text')) {
    return { ok: false, message: 'memberKey cannot be combined with email or name' };
  }
  return { ok: true, clauses };
}

/** `isDirectMember(group, key)` answers memberKey clauses; the caller owns the membership data. */
export function groupMatchesQuery(
  group: SeedGroup,
  clauses: readonly GroupQueryClause[],
  isDirectMember: (group: SeedGroup, memberKey: string) => boolean,
): boolean {
  return clauses.every((clause) => {
    if (clause.kind === 'member') return isDirectMember(group, clause.memberKey);
    const values = clause.field === 'email' ? [group.email, ...(group.aliases ?? [])] : [group.name ?? group.email];
    return clause.op === '='
      ? values.some((v) => equalsFolded(v, clause.value))
      : values.some((v) => startsWithAtWord(v, clause.value));
  });
}
