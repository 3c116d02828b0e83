import { describe, expect, it } from 'vitest';
import { HaloApiError } from '../../src/halo/index.js';
import { readAllPages, type FetchPage } from '../../src/halo/pager.js';
import type { ListAnswer } from '../../src/halo/parse.js';

/** A transport function serving `total` records, with a record_count that may lie. */
function pages(total: number, options: { recordCount?: number; clampTo?: number; ignorePageNo?: boolean } = {}) {
  const calls: number[] = [];
  const fetchPage: FetchPage = async (pageNo, pageSize) => {
    calls.push(pageNo);
    const size = Math.min(pageSize, options.clampTo ?? pageSize);
    const start = options.ignorePageNo ? 0 : (pageNo - 1) * size;
    const ids = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => ({ id: start + i + 1 }));
    const answer: ListAnswer = { records: ids, recordCount: options.recordCount ?? total, pageSize: size };
    return answer;
  };
  return { fetchPage, calls };
}

const parse = (raw: unknown) => raw as { id: number };
const opts = { pageSize: 10, parse, idOf: (r: { id: number }) => r.id, label: 'GET /api/Users' };

describe('pager', () => {
  it('reads ceil(n / pageSize) pages when record_count is right', async () => {
    const p = pages(25);
    expect(await readAllPages(p.fetchPage, opts)).toHaveLength(25);
    expect(p.calls).toEqual([1, 2, 3]);
    const exact = pages(20);
    expect(await readAllPages(exact.fetchPage, opts)).toHaveLength(20);
    expect(exact.calls).toEqual([1, 2]);
  });

  it('stops on a short page, and refuses the read when record_count claims more than was served', async () => {
    const p = pages(23, { recordCount: 5000 });
    await expect(readAllPages(p.fetchPage, opts)).rejects.toThrow(/returned 23 records but its record_count says 5000 \(refusing a read that may be incomplete/);
    expect(p.calls).toEqual([1, 2, 3]);
    expect(await readAllPages(pages(23, { recordCount: 23 }).fetchPage, opts)).toHaveLength(23);
  });

  it('one request for an empty list', async () => {
    const p = pages(0);
    expect(await readAllPages(p.fetchPage, opts)).toEqual([]);
    expect(p.calls).toEqual([1]);
  });

  it('measures short pages against the page size Halo used when it clamps ours', async () => {
    const p = pages(25, { clampTo: 4 });
    expect(await readAllPages(p.fetchPage, opts)).toHaveLength(25);
    expect(p.calls).toHaveLength(7);
  });

  it('refuses a pager that repeats the same page instead of returning a partial list', async () => {
    const p = pages(50, { ignorePageNo: true, recordCount: 50 });
    await expect(readAllPages(p.fetchPage, opts)).rejects.toThrow(/paging is not advancing/);
  });

  it('dedupes records that shifted between pages', async () => {
    let call = 0;
    const fetchPage: FetchPage = async () => {
      call += 1;
      const ids = call === 1 ? [1, 2, 3] : call === 2 ? [3, 4, 5] : [6];
      return { records: ids.map((id) => ({ id })), recordCount: 7, pageSize: 3 };
    };
    const result = await readAllPages(fetchPage, { ...opts, pageSize: 3 });
    expect(result.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives up after maxPages', async () => {
    const p = pages(1000, { recordCount: 100000 });
    const error = await readAllPages(p.fetchPage, { ...opts, maxPages: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HaloApiError);
  });
});
