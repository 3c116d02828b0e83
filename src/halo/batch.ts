/**
 * The batched-write engine. Halo's POST takes an array and validates it all-or-nothing, so one bad
 * record would sink its whole batch; here a batch refused with 400/404 is split (first around the
 * records Halo named, e.g. `[3].nosuchfield`, else in halves) until every good record is written and
 * every bad one carries its own error. A batch that fails for reasons that are not about its records
 * (401, 403, 429 or 5xx after retries) stops the run: the rest is reported "not sent" rather than
 * hammering a Halo that is down. Creates that may have reached Halo are reported ambiguous.
 */
import type { ApiError } from '../diagnostics/errors.js';
import type { HaloClient } from './client.js';
import { HaloApiError } from './errors.js';
import { isRecord, type Origin } from './parse.js';

export type WriteResult<T> =
  | { index: number; ok: true; saved: T }
  | { index: number; ok: false; error: ApiError; ambiguous: boolean };

export interface BatchItem {
  /** Position in the caller's input list. */
  index: number;
  body: Record<string, unknown>;
}

export interface BatchSpec<T> {
  path: string;
  /** For progress events: `users`, `agents`, `cabs`. */
  resource: string;
  kind: 'create' | 'update';
  normalize(raw: unknown, index: number, origin: Origin): T;
  /** Pairs Halo's saved objects with the batch's items (same order); undefined where it cannot tell. */
  match(items: readonly BatchItem[], saved: readonly T[]): Array<T | undefined>;
}

/** Refusals that are about the records sent, so other records can still be written. */
function isRecordRejection(error: HaloApiError): boolean {
  return error.status === 400 || error.status === 404 || error.status === 409 || error.status === 422;
}

/** Positions (within `items`) a refusal points at: `[i]…` field paths, or ids named by a 404. */
export function suspects(error: HaloApiError, items: readonly BatchItem[]): Set<number> {
  const found = new Set<number>();
  for (const path of error.fieldPaths) {
    const match = /^\$?\[(\d+)\]/.exec(path.trim());
    if (match && Number(match[1]) < items.length) found.add(Number(match[1]));
  }
  if (found.size === 0 && error.status === 404) {
    const named = new Set((error.excerpt.match(/\b\d+\b/g) ?? []).map(Number));
    items.forEach((item, i) => {
      if (typeof item.body.id === 'number' && named.has(item.body.id)) found.add(i);
    });
  }
  return found;
}

export class BatchRun<T> {
  private readonly results: WriteResult<T>[] = [];
  private stopped: HaloApiError | undefined;

  constructor(
    private readonly client: HaloClient,
    private readonly spec: BatchSpec<T>,
    private readonly progress: { done: number; total: number; failed: number },
  ) {}

  async run(items: readonly BatchItem[]): Promise<WriteResult<T>[]> {
    for (let start = 0; start < items.length; start += this.client.batchSize) {
      const batch = items.slice(start, start + this.client.batchSize);
      const before = this.results.length;
      if (this.stopped) for (const item of batch) this.fail(item, this.notSent(), false);
      else await this.write(batch);
      this.progress.done += batch.length;
      this.progress.failed += this.results.slice(before).filter((r) => !r.ok).length;
      this.client.onProgress?.({ type: 'write', resource: this.spec.resource, ...this.progress });
    }
    return this.results;
  }

  private async write(items: readonly BatchItem[]): Promise<void> {
    const origin: Origin = { method: 'POST', path: this.spec.path };
    let answer: unknown;
    try {
      answer = await this.client.postJson(this.spec.path, items.map((i) => i.body), { idempotent: this.spec.kind === 'update' });
    } catch (error) {
      if (!(error instanceof HaloApiError)) throw error;
      if (error.status !== undefined && error.status >= 200 && error.status < 300) return this.unidentified(items, error);
      if (isRecordRejection(error)) return this.isolate(items, error);
      for (const item of items) this.fail(item, error, error.ambiguous && this.spec.kind === 'create');
      if (!error.ambiguous) this.stopped = error;
      return;
    }
    let saved: T[];
    try {
      const list = Array.isArray(answer) ? answer : isRecord(answer) ? [answer] : undefined;
      if (!list) throw new HaloApiError('POST', this.spec.path, 200, 'neither the saved record nor a list of them');
      saved = list.map((raw, i) => this.spec.normalize(raw, i, origin));
    } catch (error) {
      if (error instanceof HaloApiError) return this.unidentified(items, error);
      throw error;
    }
    const matched = this.spec.match(items, saved);
    items.forEach((item, i) => {
      const record = matched[i];
      if (record !== undefined) this.results.push({ index: item.index, ok: true, saved: record });
      else this.unidentified([item], undefined);
    });
  }

  /** A 400/404 on several records: write the unnamed ones together, then each named one alone. */
  private async isolate(items: readonly BatchItem[], error: HaloApiError): Promise<void> {
    const single = items[0];
    if (items.length === 1 && single) return this.fail(single, error, false);
    const named = suspects(error, items);
    if (named.size > 0 && named.size < items.length) {
      await this.write(items.filter((_, i) => !named.has(i)));
      for (const i of [...named].sort((a, b) => a - b)) await this.write(items.slice(i, i + 1));
      return;
    }
    const half = Math.ceil(items.length / 2);
    await this.write(items.slice(0, half));
    await this.write(items.slice(half));
  }

  /** Halo said yes but its answer does not show which record is which. */
  private unidentified(items: readonly BatchItem[], cause: HaloApiError | undefined): void {
    for (const item of items) {
      if (this.spec.kind === 'update') {
        this.results.push({ index: item.index, ok: true, saved: { ...item.body } as T });
        continue;
      }
      const detail = cause ? cause.excerpt : 'its answer did not include this record';
      this.fail(
        item,
        new HaloApiError('POST', this.spec.path, cause?.status ?? 200, `Halo accepted the create, but ${detail}; re-read before creating again`, {
          ambiguous: true,
          retryable: true,
          cause,
        }),
        true,
      );
    }
  }

  private notSent(): HaloApiError {
    const cause = this.stopped as HaloApiError;
    return new HaloApiError('POST', this.spec.path, undefined, `not sent: an earlier batch failed (${cause.message})`, {
      retryable: cause.retryable,
      cause,
    });
  }

  private fail(item: BatchItem, error: ApiError, ambiguous: boolean): void {
    this.results.push({ index: item.index, ok: false, error, ambiguous });
  }
}
