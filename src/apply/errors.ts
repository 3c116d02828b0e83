/**
 * Turning the Halo client's failures into what the report and the journal show, and deciding
 * whether a failure is about a record (the run goes on) or about Halo itself (the run stops).
 */
import { ApiError } from '../diagnostics/errors.js';
import { isAmbiguousWrite } from '../halo/index.js';
import type { OperationError } from './types.js';

export function operationError(error: unknown, ambiguous = isAmbiguousWrite(error)): OperationError {
  if (error instanceof ApiError) {
    return { service: error.service, method: error.method, path: error.path, status: error.status ?? null, message: error.message, ambiguous };
  }
  // Not an API failure (a bug or an unexpected exception): still reported, never swallowed.
  return { service: 'halo-sync', method: '', path: '', status: null, message: error instanceof Error ? error.message : String(error), ambiguous };
}

/**
 * Failures that say Halo cannot take writes right now, whoever they are for: no answer (network,
 * timeout, "not sent"), 401, 429 or 5xx after the client's retries. Going on would only fail every
 * remaining write the same way (each after its own retries), so the run stops and says what is
 * left. Refusals of a record (400, 404, 409, 422) and permission refusals for one resource (403)
 * do not stop it: the other records are still written.
 */
export function haloUnavailable(error: OperationError): boolean {
  if (error.ambiguous) return false;
  const status = error.status;
  return status === null || status === 401 || status === 408 || status === 429 || status >= 500;
}

export const AMBIGUOUS_NOTE = 'may or may not exist in Halo; the next run will find it by Google id before creating anything';
