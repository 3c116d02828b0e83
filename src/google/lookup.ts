/**
 * Direct users.get lookups for linked people missing from the filtered reads: Google's search
 * index (which users.list?query= uses) can lag changes by up to 36 hours, so "not returned" is not
 * "gone". 404 means deleted in Google; any other failure is `error`, which must never be treated
 * as gone.
 */
import { ApiError } from '../diagnostics/errors.js';
import type { DirectLookup } from '../model/directory.js';
import { isInvalidAnswer } from './answers.js';
import type { DirectoryClient } from './client.js';
import { mapPool } from './pool.js';

export interface LookupOptions {
  /** From ReadPlan.lookup, so a looked-up user has the same fields as a read one. */
  projection?: 'basic' | 'full';
  fields?: string;
  concurrency?: number;
}

export async function lookupUsers(client: DirectoryClient, ids: readonly string[], options: LookupOptions = {}): Promise<DirectLookup[]> {
  const unique = [...new Set(ids)];
  return mapPool(unique, options.concurrency ?? 4, async (googleId): Promise<DirectLookup> => {
    try {
      const user = await client.getUser(googleId, { projection: options.projection, fields: options.fields });
      return { googleId, status: 'found', user };
    } catch (error) {
      if (isInvalidAnswer(error)) throw error; // malformed, not a failed lookup: the run stops (answers.ts)
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof ApiError && error.status === 404) return { googleId, status: 'notFound', error: message };
      return { googleId, status: 'error', error: message };
    }
  });
}
