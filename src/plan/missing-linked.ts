/**
 * Linked people no read returned. Google's search index lags changes by up to 36 hours, so before
 * a managed record's person is treated as gone, the caller looks each of these up with users.get
 * and passes the answers in `DirectorySnapshot.lookups`.
 */
import type { Config } from '../config/types.js';
import type { DirectorySnapshot } from '../model/directory.js';
import type { HaloSnapshot } from '../model/halo.js';
import { recordIdentity } from './text.js';

export function missingLinkedIds(config: Config, directory: DirectorySnapshot, halo: HaloSnapshot): string[] {
  const returned = new Set<string>();
  for (const read of directory.reads) for (const id of read.userIds) returned.add(id);
  for (const lookup of directory.lookups) returned.add(lookup.googleId);
  const missing = new Set<string>();
  const collect = (records: ReadonlyArray<Record<string, unknown>>, idField: string) => {
    for (const record of records) {
      const identity = recordIdentity(record, idField);
      if (identity.kind === 'google' && !returned.has(identity.googleId)) missing.add(identity.googleId);
    }
  };
  collect(halo.users, 'googleworkplace_id');
  collect(halo.agents, config.matching.agentIdField);
  return [...missing].sort();
}
