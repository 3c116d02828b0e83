/**
 * Reads a paged Halo list to the end at the largest page size. Stops when Halo's `record_count`
 * is reached OR a page comes back short (record_count is not trusted alone: with some parameters it
 * is the number returned, not the total), dedupes by id (records shift between pages when someone
 * edits Halo during the read), and refuses a pager that does not advance instead of looping or
 * returning a partial list as if it were complete. It also refuses a read that ends with fewer
 * records served (repeats included) than the last page's record_count: records Halo says exist but
 * did not return (a page size clamped without saying, a record deleted mid-read shifting another
 * past us, a broken answer) would otherwise be planned as missing, and created a second time.
 */
import { HaloApiError } from './errors.js';
import type { ListAnswer } from './parse.js';

export type FetchPage = (pageNo: number, pageSize: number) => Promise<ListAnswer>;

export interface PagerOptions<T> {
  pageSize: number;
  /** Parses one raw record (throws a HaloApiError naming the call when it is malformed). */
  parse: (raw: unknown, index: number) => T;
  idOf: (record: T) => number;
  /** For errors: `GET /api/Users`. */
  label: string;
  maxPages?: number;
  onPage?: (count: number, total: number | undefined) => void;
}

export async function readAllPages<T>(fetchPage: FetchPage, options: PagerOptions<T>): Promise<T[]> {
  const byId = new Map<number, T>();
  const maxPages = options.maxPages ?? 100_000;
  let served = 0;
  let recordCount: number | undefined;
  for (let pageNo = 1; ; pageNo += 1) {
    if (pageNo > maxPages) {
      throw new HaloApiError('GET', options.label, undefined, `paging did not end after ${maxPages} pages`, {
        message: `Halo API ${options.label} paging did not end after ${maxPages} pages (refusing a read that may be incomplete)`,
      });
    }
    const page = await fetchPage(pageNo, options.pageSize);
    let added = 0;
    page.records.forEach((raw, i) => {
      const record = options.parse(raw, (pageNo - 1) * options.pageSize + i);
      const id = options.idOf(record);
      if (!byId.has(id)) added += 1;
      byId.set(id, record);
    });
    served += page.records.length;
    recordCount = page.recordCount;
    options.onPage?.(byId.size, page.recordCount);
    // Halo may clamp the page size it was asked for; a page is short against the size it used.
    const effectiveSize = Math.min(options.pageSize, page.pageSize ?? options.pageSize);
    if (page.records.length === 0 || page.records.length < effectiveSize) break;
    if (page.recordCount !== undefined && byId.size >= page.recordCount) break;
    if (added === 0) {
      throw new HaloApiError('GET', options.label, undefined, `page ${pageNo} repeated earlier records`, {
        message: `Halo API ${options.label} returned page ${pageNo} with only records already read: paging is not advancing (refusing a read that may be incomplete)`,
      });
    }
  }
  if (recordCount !== undefined && served < recordCount) {
    throw new HaloApiError('GET', options.label, undefined, `returned ${served} of ${recordCount} records`, {
      message: `Halo API ${options.label} returned ${served} records but its record_count says ${recordCount} (refusing a read that may be incomplete; if Halo was being edited during the read, run again)`,
    });
  }
  return [...byId.values()];
}
