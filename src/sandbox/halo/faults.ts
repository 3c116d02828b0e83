/**
 * Fault injection for the Halo sandbox, reproducible by `faults.seed`: the same seed and the same
 * request sequence give the same faults. Off unless the seed asks.
 *
 * - Rate limit: hosted Halo's rolling window over every /api and /auth request. Past the limit a
 *   request is answered 429 with Halo's wording and a `Retry-After` (seconds until the oldest
 *   counted request leaves the window); refused requests do not count.
 * - Errors: 500/502/503, with an HTML or a JSON body (real outages return both).
 * - Lost responses: a POST is committed, then the connection is dropped before the reply.
 */
import { seededRandom, type Random } from '../prng.js';
import type { SeedFaults } from '../seed-types.js';
import type { Clock } from './auth.js';

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number; message: string };

export class RollingWindowLimiter {
  /** Times (ms) of the requests counted in the window, oldest first, from index `head`. */
  private times: number[] = [];
  private head = 0;

  constructor(
    private readonly requests: number,
    private readonly windowSeconds: number,
    private readonly clock: Clock,
  ) {}

  admit(): Admission {
    const now = this.clock();
    const windowMs = this.windowSeconds * 1000;
    while (this.head < this.times.length && (this.times[this.head] as number) <= now - windowMs) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    if (this.times.length - this.head >= this.requests) {
      const oldest = this.times[this.head] as number;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
      return { ok: false, retryAfterSeconds, message: `Rate Limit Reached - ${this.requests} Requests per rolling ${describeWindow(this.windowSeconds)} window` };
    }
    this.times.push(now);
    return { ok: true };
  }
}

function describeWindow(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} minute` : `${seconds} second`;
}

export interface InjectedError {
  status: number;
  contentType: string;
  body: string;
}

export class FaultInjector {
  private readonly random: Random;

  constructor(private readonly faults: SeedFaults = {}) {
    this.random = seededRandom(faults.seed ?? 1);
  }

  get latencyMs(): number {
    return this.faults.latencyMs ?? 0;
  }

  /** Draws whether this request fails with a 5xx (draws only when errors are switched on). */
  drawError(): InjectedError | undefined {
    const rate = this.faults.haloErrorRate ?? 0;
    if (rate <= 0 || this.random() >= rate) return undefined;
    const pick = this.random();
    if (pick < 1 / 3) {
      return { status: 500, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ ClassName: 'System.Exception', Message: 'An unexpected error occurred (sandbox: injected fault).' }) };
    }
    if (pick < 2 / 3) return { status: 502, contentType: 'text/html; charset=utf-8', body: html('502 Bad Gateway') };
    return this.random() < 0.5
      ? { status: 503, contentType: 'text/html; charset=utf-8', body: html('503 Service Temporarily Unavailable') }
      : { status: 503, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ Message: 'The service is unavailable (sandbox: injected fault).' }) };
  }

  /** Draws whether a committed POST loses its response (draws only when switched on). */
  drawLostResponse(): boolean {
    const rate = this.faults.lostResponseRate ?? 0;
    return rate > 0 && this.random() < rate;
  }
}

function html(title: string): string {
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
