/**
 * The local re-check (pure): the users a mapping's read returned that pass the mapping's WHOLE
 * filter. Whatever was pushed down to Google, this is what decides; with it, pushdown + re-check
 * selects exactly what a local evaluation over the whole directory would.
 */
import type { Mapping } from '../config/types.js';
import { evaluateFilter, groupIndex, type GroupIndex } from '../filter/evaluate.js';
import type { DirectorySnapshot, DirectoryUser } from '../model/directory.js';

export function selectMappingUsers(snapshot: DirectorySnapshot, mapping: Mapping, groups: GroupIndex = groupIndex(snapshot.groups)): DirectoryUser[] {
  const read = snapshot.reads.find((r) => r.mappings.includes(mapping.name));
  if (!read) return [];
  const wanted = new Set(read.userIds);
  return snapshot.users.filter((user) => wanted.has(user.id) && evaluateFilter(mapping.filter, user, groups));
}
