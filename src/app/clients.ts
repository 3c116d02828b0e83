/**
 * Builds the two API clients from the config and the environment. Both check their settings up
 * front and report every problem at once (missing credentials name the variables to set).
 */
import type { Config } from '../config/types.js';
import { createDirectoryClient, type DirectoryClient } from '../google/index.js';
import { createHaloClient, type HaloClient } from '../halo/index.js';
import { HaloSyncError } from '../diagnostics/errors.js';
import type { ProgressReporter } from './progress.js';

export interface Clients {
  google: DirectoryClient;
  halo: HaloClient;
}

export function createClients(config: Config, env: Record<string, string | undefined>, progress: ProgressReporter): Clients {
  const problems: string[] = [];
  let google: DirectoryClient | undefined;
  let halo: HaloClient | undefined;
  try {
    google = createDirectoryClient({ env });
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  try {
    halo = createHaloClient({ config, env, onProgress: (event) => progress.halo(event) });
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (!google || !halo) throw new HaloSyncError(problems.join('\n'));
  return { google, halo };
}
