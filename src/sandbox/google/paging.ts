/**
 * Paging for list endpoints. A list's full, filtered and sorted result is computed once per distinct
 * request (customer, query, order, …) and kept in a small LRU cache, so paging through 100k users
 * never re-filters or re-sorts the directory. Page tokens are opaque: an offset signed with a
 * per-server secret and bound to the request's scope key, so a token from another query or another
 * server is refused (400), as Google refuses foreign tokens.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { fail } from './errors.js';

export class ResultCache {
  private readonly entries = new Map<string, unknown[]>();
  constructor(private readonly capacity = 32) {}

  get<T>(key: string, compute: () => T[]): T[] {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as T[];
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}

export class PageTokens {
  private readonly secret = randomBytes(16);

  private sign(scopeKey: string, offset: number): string {
    return createHmac('sha256', this.secret).update(`${scopeKey}\n${offset}`).digest('base64url').slice(0, 22);
  }

  encode(scopeKey: string, offset: number): string {
    return Buffer.from(`${offset}.${this.sign(scopeKey, offset)}`).toString('base64url');
  }

  /** The offset a token stands for; 0 without a token; 400 for a malformed or foreign one. */
  decode(scopeKey: string, token: string | undefined, total: number): number {
    if (token === undefined) return 0;
    const text = Buffer.from(token, 'base64url').toString('utf8');
    const match = /^(\d+)\.([A-Za-z0-9_-]+)$/.exec(text);
    const offset = match ? Number(match[1]) : NaN;
    if (!match || match[2] !== this.sign(scopeKey, offset) || offset > total) throw fail.invalidInput('pageToken');
    return offset;
  }
}

/** One page of `items` and the token for the next (absent on the last page). */
export function pageOf<T>(
  items: readonly T[],
  scopeKey: string,
  params: { pageToken?: string; maxResults: number },
  tokens: PageTokens,
): { page: T[]; nextPageToken?: string } {
  const offset = tokens.decode(scopeKey, params.pageToken, items.length);
  const end = offset + params.maxResults;
  const page = items.slice(offset, end);
  return end < items.length ? { page, nextPageToken: tokens.encode(scopeKey, end) } : { page };
}
