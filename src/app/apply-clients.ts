/**
 * The API clients apply plans and writes with (ONE Halo client for both, so one rate budget).
 *
 * `HALO_SYNC_RETRY_BASE_MS` shortens the Halo client's backoff (first retry ceiling, 429 floor;
 * the longest wait becomes 64 times it). It exists for rehearsals and tests against the sandbox,
 * whose injected faults would otherwise cost real seconds of waiting; production never needs it.
 */
import type { Config } from '../config/types.js';
import { HaloSyncError } from '../diagnostics/errors.js';
import { createHaloClient, type RetryPolicy } from '../halo/index.js';
import { createClients, type Clients } from './clients.js';
import type { ProgressReporter } from './progress.js';

export const RETRY_BASE_ENV = 'HALO_SYNC_RETRY_BASE_MS';

export function retryFromEnv(env: Record<string, string | undefined>): Partial<RetryPolicy> | undefined {
  const raw = env[RETRY_BASE_ENV]?.trim();
  if (!raw) return undefined;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 0) throw new HaloSyncError(`${RETRY_BASE_ENV} must be a number of milliseconds, got "${raw}"`);
  return { baseDelayMs: ms, rateLimitedDelayMs: ms, maxDelayMs: Math.max(1, ms * 64) };
}

/** The usual clients, with the Halo client's backoff shortened when the environment asks. */
export function createApplyClients(config: Config, env: Record<string, string | undefined>, progress: ProgressReporter): Clients {
  const retry = retryFromEnv(env);
  const clients = createClients(config, env, progress);
  if (!retry) return clients;
  return { ...clients, halo: createHaloClient({ config, env, retry, onProgress: (event) => progress.halo(event) }) };
}
