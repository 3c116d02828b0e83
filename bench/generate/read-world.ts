/**
 * Reads a generated world the way `plan` does: its config parsed, its seed served by an in-process
 * sandbox, both directories and Halo read through the real clients (no Halo rate limit: the bench
 * and the golden tests time or check the planner, not the limiter). Only the config, the snapshots
 * and the request counts outlive the call, so callers timing the planner see the heap a real
 * `plan` has (no seed, no sandbox state behind them).
 */
import { createClients } from '../../src/app/clients.js';
import { silentProgress } from '../../src/app/progress.js';
import { readSnapshots, type Snapshots } from '../../src/app/read-snapshots.js';
import { parseConfigText } from '../../src/config/parse.js';
import type { LoadedConfig } from '../../src/config/types.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { World } from './index.js';

export interface ReadWorld {
  loaded: LoadedConfig;
  snapshots: Snapshots;
  /** Requests by endpoint, Google's and Halo's, that the read made. */
  requests: Record<string, number>;
}

/** `world.seed` may be an edited copy of a generated seed: the config stays the generated one. */
export async function readGeneratedWorld(world: Pick<World, 'seed' | 'configYaml'>): Promise<ReadWorld> {
  const parsed = parseConfigText(world.configYaml, 'bench.yaml');
  if (!parsed.loaded) throw new Error(`generated config is invalid:\n${parsed.diagnostics.map((d) => d.message).join('\n')}`);
  const sandbox = await startSandbox({ seed: world.seed });
  try {
    const clients = createClients(parsed.loaded.config, { ...sandbox.env, HALO_RATE_LIMIT: 'off' }, silentProgress);
    const snapshots = await readSnapshots(parsed.loaded, clients, silentProgress);
    return { loaded: parsed.loaded, snapshots, requests: { ...sandbox.google.stats().byEndpoint, ...sandbox.halo.stats().byEndpoint } };
  } finally {
    await sandbox.close();
  }
}
