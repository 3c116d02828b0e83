/**
 * Our own retry loop for Google calls (the client library's is turned off: it ignores Google's
 * 403 rate-limit reasons and never stops at a time budget). Google's recipe: waits of about
 * 1, 2, 4, 8, 16 s, then give up. Each wait is fully jittered (uniform in [0, 2 × the step]) so
 * parallel readers do not retry in lockstep, and the total waiting time is bounded too.
 */
import type { ApiError } from '../diagnostics/errors.js';

export interface RetryPolicy {
  /** Retries after the first attempt (Google's recipe: 5). */
  maxRetries: number;
  /** The first step of the ladder; tests inject a tiny one. */
  baseDelayMs: number;
  /** Upper bound on the time spent waiting between attempts, all retries together. */
  maxTotalDelayMs: number;
  /** Uniform [0, 1); tests inject a seeded one. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 5,
  baseDelayMs: 1000,
  maxTotalDelayMs: 60_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RetryEvent {
  /** What was being done, e.g. `GET /admin/directory/v1/users (customer C0abc)`. */
  operation: string;
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  error: ApiError;
}

/** Wait before retry number `attempt` (1-based): uniform in [0, 2 × base × 2^(attempt-1)). */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'random'>): number {
  return Math.floor(policy.random() * 2 * policy.baseDelayMs * 2 ** (attempt - 1));
}

/**
 * Runs `call`, turning each failure into an ApiError with `toError`, and retries the retryable
 * ones (ApiError.retryable: 429, 5xx, rate-limit 403s, network errors) within the policy's bounds.
 * The last error is thrown as is, with `retryable` telling callers it was transient.
 */
export async function withRetry<T>(
  operation: string,
  call: () => Promise<T>,
  toError: (error: unknown) => ApiError,
  policy: RetryPolicy,
  onRetry?: (event: RetryEvent) => void,
): Promise<T> {
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (raw) {
      const error = toError(raw);
      if (!error.retryable || attempt > policy.maxRetries) throw error;
      const delayMs = backoffDelay(attempt, policy);
      if (waited + delayMs > policy.maxTotalDelayMs) throw error;
      waited += delayMs;
      onRetry?.({ operation, attempt, delayMs, error });
      await policy.sleep(delayMs);
    }
  }
}
