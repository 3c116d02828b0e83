/**
 * The Halo client's one error type. It IS an ApiError (service 'Halo'), so the CLI's single catch
 * and every other layer treat it like any remote failure; it adds what apply needs to decide safely:
 * whether a write may have happened anyway (`ambiguous`) and which record fields Halo refused.
 */
import { ApiError } from '../diagnostics/errors.js';

export interface HaloApiErrorOptions {
  cause?: unknown;
  reason?: string;
  retryable?: boolean;
  ambiguous?: boolean;
  fieldPaths?: readonly string[];
  /** Replaces the standard "Halo API GET /x failed (500): …" sentence when a clearer one exists. */
  message?: string;
}

export class HaloApiError extends ApiError {
  constructor(method: string, path: string, status: number | undefined, excerpt: string, options: HaloApiErrorOptions = {}) {
    super('Halo', method, path, status, excerpt, { cause: options.cause, reason: options.reason, retryable: options.retryable });
    this.ambiguous = options.ambiguous ?? false;
    this.fieldPaths = options.fieldPaths ?? [];
    if (options.message) this.message = options.message;
  }
  /**
   * True when a request that creates records failed after it may have reached Halo (timeout, lost
   * response, 5xx): the records may exist now. Never retried blindly; apply re-reads by Google id /
   * email before creating again.
   */
  readonly ambiguous: boolean;
  /** Field paths a 400 named (e.g. `[1].nosuchfield`), used to isolate the bad records of a batch. */
  readonly fieldPaths: readonly string[];
}

/** Reason code carried by ambiguous write failures, for callers that only see an ApiError. */
export const AMBIGUOUS_WRITE = 'ambiguous-write';

export function isAmbiguousWrite(error: unknown): boolean {
  return (error instanceof HaloApiError && error.ambiguous) || (error instanceof ApiError && error.reason === AMBIGUOUS_WRITE);
}
