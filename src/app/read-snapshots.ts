/**
 * Reads both sides for a plan: Google (the planned users.list reads and the named groups) and Halo
 * (users, agents, sites, roles, CABs, fields, settings) at once, then looks up directly the linked
 * people no read returned — Google's search index can lag changes by up to 36 hours, so "missing
 * from the filtered reads" is not yet "gone".
 */
import type { LoadedConfig } from '../config/types.js';
import { lookupUsers, planReads, readDirectory } from '../google/index.js';
import { readHaloSnapshot } from '../halo/index.js';
import type { DirectorySnapshot } from '../model/directory.js';
import type { HaloSnapshot } from '../model/halo.js';
import { missingLinkedIds } from '../plan/index.js';
import type { Clients } from './clients.js';
import type { ProgressReporter } from './progress.js';

export interface Snapshots {
  directory: DirectorySnapshot;
  halo: HaloSnapshot;
}

export async function readSnapshots(loaded: LoadedConfig, clients: Clients, progress: ProgressReporter): Promise<Snapshots> {
  const { config } = loaded;
  const readPlan = planReads(config);
  const [directory, halo] = await Promise.all([
    readDirectory({ client: clients.google, config, plan: readPlan, onProgress: (p) => progress.google(p) }),
    readHaloSnapshot(clients.halo, { agentIdField: config.matching.agentIdField }),
  ]);
  const missing = missingLinkedIds(config, directory, halo);
  if (missing.length > 0) {
    progress.google({ phase: 'lookups', users: directory.users.length, pages: 0, groups: directory.groups.length });
    directory.lookups = await lookupUsers(clients.google, missing, readPlan.lookup);
  }
  progress.done();
  return { directory, halo };
}
