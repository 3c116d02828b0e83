/**
 * When to try again. Exponential backoff with full jitter for 5xx and network failures; for 429,
 * Halo's `Retry-After` when it sends one, else a wait of at least `rateLimitedDelayMs`: hosted Halo
 * counts a rolling 5-minute window, and HaloAPI#31 showed 5-second waits are far too short.
 */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff ceiling for 5xx / network failures; doubles each retry. */
  baseDelayMs: number;
  /** Ceiling of a single computed wait (a server's Retry-After may ask for longer). */
  maxDelayMs: number;
  /** Give up when the next wait would end later than this after the first attempt. */
  maxElapsedMs: number;
  /** Minimum wait after a 429 without Retry-After; doubles each time, up to maxDelayMs. */
  rateLimitedDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 8,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxElapsedMs: 6 * 60_000,
  rateLimitedDelayMs: 30_000,
};

/** Retry-After as delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Full jitter: a uniform wait between 0 and the exponential ceiling for this retry (1-based). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(random() * ceiling);
}

/** After a 429: the server's word when given, else at least the rate-limited floor, growing, jittered upward. */
export function rateLimitedDelay(
  rateLimitedRetry: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const floor = Math.min(policy.maxDelayMs, policy.rateLimitedDelayMs * 2 ** Math.max(0, rateLimitedRetry - 1));
  return Math.round(floor * (1 + 0.2 * random()));
}
