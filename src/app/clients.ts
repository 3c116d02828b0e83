/**
 * Builds the two API clients from the config and the environment. Both check their settings up
 * front and report every problem at once (missing credentials name the variables to set).
 *
 * `HALO_SYNC_RETRY_BASE_MS` shortens both clients' backoff (Halo: first retry ceiling and 429
 * floor, the longest wait 64 times it; Google: the first step of its retry ladder). It exists for
 * rehearsals and tests against the sandbox, whose injected faults would otherwise cost real seconds
 * of waiting; production never needs it. Every command honours it, not only apply.
 */
import type { Config } from '../config/types.js';
import { createDirectoryClient, type DirectoryClient } from '../google/index.js';
import { createHaloClient, type HaloClient, type RetryPolicy } from '../halo/index.js';
import { HaloSyncError } from '../diagnostics/errors.js';
import type { ProgressReporter } from './progress.js';

export interface Clients {
  google: DirectoryClient;
  halo: HaloClient;
}

export const RETRY_BASE_ENV = 'HALO_SYNC_RETRY_BASE_MS';

export function retryFromEnv(env: Record<string, string | undefined>): Partial<RetryPolicy> | undefined {
  const raw = env[RETRY_BASE_ENV]?.trim();
  if (!raw) return undefined;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 0) throw new HaloSyncError(`${RETRY_BASE_ENV} must be a number of milliseconds, got "${raw}"`);
  return { baseDelayMs: ms, rateLimitedDelayMs: ms, maxDelayMs: Math.max(1, ms * 64) };
}

export function createClients(config: Config, env: Record<string, string | undefined>, progress: ProgressReporter): Clients {
  const problems: string[] = [];
  let google: DirectoryClient | undefined;
  let halo: HaloClient | undefined;
  let retry: Partial<RetryPolicy> | undefined;
  try {
    retry = retryFromEnv(env);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  try {
    google = createDirectoryClient({ env, ...(retry?.baseDelayMs === undefined ? {} : { retry: { baseDelayMs: retry.baseDelayMs } }) });
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  try {
    halo = createHaloClient({ config, env, ...(retry ? { retry } : {}), onProgress: (event) => progress.halo(event) });
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (!google || !halo || problems.length > 0) throw new HaloSyncError(problems.join('\n'));
  return { google, halo };
}
