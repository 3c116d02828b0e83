/**
 * The API clients apply plans and writes with (ONE Halo client for both, so one rate budget).
 * `HALO_SYNC_RETRY_BASE_MS` (see clients.ts) is honoured by every command's clients.
 */
import type { Config } from '../config/types.js';
import { createClients, type Clients } from './clients.js';
import type { ProgressReporter } from './progress.js';

export { RETRY_BASE_ENV, retryFromEnv } from './clients.js';

/** The usual clients (with the backoff the environment asks for). */
export function createApplyClients(config: Config, env: Record<string, string | undefined>, progress: ProgressReporter): Clients {
  return createClients(config, env, progress);
}
